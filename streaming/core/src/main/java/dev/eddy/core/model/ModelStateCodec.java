package dev.eddy.core.model;

import dev.eddy.drift.DetectorCodec;
import dev.eddy.drift.FeatureDriftMonitor;
import dev.eddy.drift.retrain.RetrainPolicyCodec;
import dev.eddy.drift.retrain.RetrainingLearner;
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
 * (golden files in the tests); a later format appends after the existing fields. Format 2 appends an
 * optional blob: the {@link CandidateRace} of {@code learner.candidates} (absent without candidates);
 * the policy and detector of format 1's fields are then candidate 0's. A state keeps the candidates
 * it was written with: a spec that adds or drops candidates applies to new model keys (or
 * {@code --fresh}).
 */
public final class ModelStateCodec {
  static final int MAGIC = 0x45444459; // "EDDY"
  static final int FORMAT = 2;
  private static final String WHAT = "model state";

  private ModelStateCodec() {}

  public static byte[] encode(ModelState m) {
    return Framing.encode(MAGIC, FORMAT, out -> {
      out.writeLong(m.events());
      out.writeLong(m.labelled());
      Framing.writeOptionalBytes(out, m.standardizer() == null ? null : m.standardizer().toBytes());
      Framing.writeOptionalBytes(out, RetrainPolicyCodec.encode(m.first().policy()));
      Framing.writeOptionalBytes(out, m.first().detector() == null ? null : DetectorCodec.encode(m.first().detector()));
      Framing.writeOptionalBytes(out, m.featureDetectors() == null ? null : m.featureDetectors().encode());
      Framing.writeOptionalBytes(out, m.metrics().toBytes());
      Framing.writeOptionalBytes(out, m.race() == null ? null : m.race().encodeOthers());
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
      byte[] race = version >= 2 ? Framing.readOptionalBytes(in) : null;
      RetrainingLearner first = new RetrainingLearner(RetrainPolicyCodec.decode(policy),
          concept == null ? null : DetectorCodec.decode(concept), labelled);
      return new ModelState(config,
          std == null ? null : Standardizer.fromBytes(std),
          first,
          race == null ? null : CandidateRace.decode(race, first, config.task()),
          features == null ? null : FeatureDriftMonitor.decode(features),
          PrequentialMetrics.fromBytes(metrics),
          events);
    });
  }
}
