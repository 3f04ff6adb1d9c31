package dev.eddy.core.model;

import dev.eddy.drift.DetectorCodec;
import dev.eddy.drift.FeatureDriftMonitor;
import dev.eddy.drift.retrain.RetrainPolicyCodec;
import dev.eddy.learners.codec.Framing;
import dev.eddy.learners.metrics.PrequentialMetrics;
import dev.eddy.learners.standardize.Standardizer;

/**
 * The versioned binary form of a {@link ModelState} in keyed state (and so in checkpoints and
 * savepoints), in the project's one {@link Framing}. Format 1: magic {@code "EDDY"}, format version,
 * events and labelled counts (longs), then optional blobs (length -1 = absent) of the standardizer,
 * the retraining policy (with its learners), the concept detector, the feature-drift monitor and the
 * metrics, each in its own versioned encoding from learners/ or drift/. The job's {@link ModelConfig}
 * is not stored: it comes from the spec at restore. A reader accepts every format that has shipped
 * (golden files in the tests); a later format appends after the existing fields.
 */
public final class ModelStateCodec {
  static final int MAGIC = 0x45444459; // "EDDY"
  static final int FORMAT = 1;
  private static final String WHAT = "model state";

  private ModelStateCodec() {}

  public static byte[] encode(ModelState m) {
    return Framing.encode(MAGIC, FORMAT, out -> {
      out.writeLong(m.events());
      out.writeLong(m.labelled());
      Framing.writeOptionalBytes(out, m.standardizer() == null ? null : m.standardizer().toBytes());
      Framing.writeOptionalBytes(out, RetrainPolicyCodec.encode(m.policy()));
      Framing.writeOptionalBytes(out, m.conceptDetector() == null ? null : DetectorCodec.encode(m.conceptDetector()));
      Framing.writeOptionalBytes(out, m.featureDetectors() == null ? null : m.featureDetectors().encode());
      Framing.writeOptionalBytes(out, m.metrics().toBytes());
    });
  }

  public static ModelState decode(byte[] b, ModelConfig config) {
    return Framing.decode(b, MAGIC, WHAT, FORMAT, (in, version) -> {
      long events = in.readLong();
      long labelled = in.readLong();
      byte[] std = Framing.readOptionalBytes(in);
      byte[] policy = Framing.readOptionalBytes(in);
      byte[] concept = Framing.readOptionalBytes(in);
      byte[] features = Framing.readOptionalBytes(in);
      byte[] metrics = Framing.readOptionalBytes(in);
      return new ModelState(config,
          std == null ? null : Standardizer.fromBytes(std),
          RetrainPolicyCodec.decode(policy),
          concept == null ? null : DetectorCodec.decode(concept),
          features == null ? null : FeatureDriftMonitor.decode(features),
          PrequentialMetrics.fromBytes(metrics),
          events,
          labelled);
    });
  }
}
