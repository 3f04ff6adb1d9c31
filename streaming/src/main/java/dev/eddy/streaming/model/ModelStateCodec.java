package dev.eddy.streaming.model;

import dev.eddy.learners.codec.LearnerCodec;
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
 * savepoints). Layout of format 1: magic {@code "EDDY"}, format version (short), model version
 * (long), then length-prefixed blobs of the standardizer (length -1 = none), the learner and the
 * metrics, each in its own versioned encoding from the learners module. A reader accepts every
 * format it has shipped; a later format adds fields after the existing ones.
 */
public final class ModelStateCodec {
  static final int MAGIC = 0x45444459; // "EDDY"
  static final short FORMAT = 1;

  private ModelStateCodec() {}

  public static byte[] encode(ModelState m) {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
      DataOutputStream out = new DataOutputStream(bytes);
      out.writeInt(MAGIC);
      out.writeShort(FORMAT);
      out.writeLong(m.version());
      writeBlob(out, m.standardizer() == null ? null : m.standardizer().toBytes());
      writeBlob(out, LearnerCodec.encode(m.learner()));
      writeBlob(out, m.metrics().toBytes());
      out.flush();
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // in-memory streams do not fail
    }
  }

  public static ModelState decode(byte[] b) {
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
      long version = in.readLong();
      byte[] std = readBlob(in);
      byte[] learner = readBlob(in);
      byte[] metrics = readBlob(in);
      return new ModelState(
          version,
          std == null ? null : Standardizer.fromBytes(std),
          LearnerCodec.decode(learner),
          PrequentialMetrics.fromBytes(metrics));
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
