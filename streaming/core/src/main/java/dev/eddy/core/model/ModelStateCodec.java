package dev.eddy.core.model;

import dev.eddy.drift.DetectorCodec;
import dev.eddy.drift.FeatureDriftMonitor;
import dev.eddy.drift.retrain.RetrainPolicyCodec;
import dev.eddy.learners.metrics.PrequentialMetrics;
import dev.eddy.learners.standardize.Standardizer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The versioned binary form of a {@link ModelState} in keyed state (and so in checkpoints and
 * savepoints). Format 1: magic {@code "EDDY"}, format version (short), events and labelled counts
 * (longs), then length-prefixed blobs (length -1 = absent) of the standardizer, the retraining policy
 * (with its learners), the concept detector, the feature-drift monitor, and the metrics; each blob in its own versioned encoding from learners/ or drift/. The job's
 * {@link ModelConfig} is not stored: it comes from the spec at restore. A reader accepts every format
 * that has shipped (golden files in the tests); a later format appends after the existing fields.
 */
public final class ModelStateCodec {
  static final int MAGIC = 0x45444459; // "EDDY"
  static final short FORMAT = 1;

  private ModelStateCodec() {}

  public static byte[] encode(ModelState m) {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream(512);
      DataOutputStream out = new DataOutputStream(bytes);
      out.writeInt(MAGIC);
      out.writeShort(FORMAT);
      out.writeLong(m.events());
      out.writeLong(m.labelled());
      writeBlob(out, m.standardizer() == null ? null : m.standardizer().toBytes());
      writeBlob(out, RetrainPolicyCodec.encode(m.policy()));
      writeBlob(out, m.conceptDetector() == null ? null : DetectorCodec.encode(m.conceptDetector()));
      writeBlob(out, m.featureDetectors() == null ? null : m.featureDetectors().encode());
      writeBlob(out, m.metrics().toBytes());
      out.flush();
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // in-memory streams do not fail
    }
  }

  public static ModelState decode(byte[] b, ModelConfig config) {
    try {
      DataInputStream in = new DataInputStream(new ByteArrayInputStream(b));
      int magic = in.readInt();
      if (magic != MAGIC) {
        throw new IllegalArgumentException("not an Eddy model state (magic " + Integer.toHexString(magic) + ")");
      }
      short format = in.readShort();
      if (format != FORMAT) {
        throw new IllegalArgumentException("unknown model state format " + format + "; this Eddy reads format " + FORMAT);
      }
      long events = in.readLong();
      long labelled = in.readLong();
      byte[] std = readBlob(in);
      byte[] policy = readBlob(in);
      byte[] concept = readBlob(in);
      byte[] features = readBlob(in);
      byte[] metrics = readBlob(in);
      return new ModelState(config,
          std == null ? null : Standardizer.fromBytes(std),
          RetrainPolicyCodec.decode(policy),
          concept == null ? null : DetectorCodec.decode(concept),
          features == null ? null : FeatureDriftMonitor.decode(features),
          PrequentialMetrics.fromBytes(metrics),
          events,
          labelled);
    } catch (IOException e) {
      throw new IllegalArgumentException("truncated model state", e);
    }
  }

  private static void writeBlob(DataOutputStream out, byte[] blob) throws IOException {
    if (blob == null) {
      out.writeInt(-1);
    } else {
      out.writeInt(blob.length);
      out.write(blob);
    }
  }

  private static byte[] readBlob(DataInputStream in) throws IOException {
    int n = in.readInt();
    if (n < 0) {
      return null;
    }
    byte[] b = new byte[n];
    in.readFully(b);
    return b;
  }
}
