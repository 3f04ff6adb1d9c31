package dev.eddy.core.model;

import dev.eddy.drift.DetectorCodec;
import dev.eddy.drift.DriftDetector;
import dev.eddy.drift.FeatureDriftMonitor;
import dev.eddy.drift.retrain.RetrainPolicy;
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
 *
 * <p>Format 3 (written since issue 14's million model keys) leaves out what the job's spec gives:
 * after the version, a fingerprint of the structure the spec gives candidate 0
 * ({@link ModelPrototype#structure}: learner type, task, dimension, hashing, retraining policy and
 * detector types), then the fields of format 2, with the policy and the concept detector in their
 * version 2 written against the spec ({@link RetrainPolicyCodec#encode(RetrainPolicy,
 * RetrainPolicyCodec.Spec)}, {@link DetectorCodec#encode(DriftDetector, DriftDetector)}): a part with
 * the spec's settings is a marker and its learned state, one with other settings (a policy or
 * detector that differs) carries them as before. Decoding takes the left-out settings from the
 * {@link ModelPrototype} of the restoring spec: a spec that changes a hyperparameter's value applies
 * it to the restored models, while one of another structure is refused, naming the fix (restore with
 * the spec that wrote the state, or start the models fresh). Formats 1 and 2 keep their own settings.
 */
public final class ModelStateCodec {
  static final int MAGIC = 0x45444459; // "EDDY"
  static final int FORMAT = 3;
  private static final String WHAT = "model state";

  private ModelStateCodec() {}

  public static byte[] encode(ModelState m) {
    ModelPrototype spec = m.prototype();
    return Framing.encode(MAGIC, FORMAT, out -> {
      out.writeLong(spec.structure());
      out.writeLong(m.events());
      out.writeLong(m.labelled());
      Framing.writeOptionalBytes(out, m.standardizer() == null ? null : m.standardizer().toBytes());
      Framing.writeOptionalBytes(out, RetrainPolicyCodec.encode(m.first().policy(), spec.policySpec()));
      Framing.writeOptionalBytes(out, m.first().detector() == null ? null
          : DetectorCodec.encode(m.first().detector(), spec.detectorSpec()));
      Framing.writeOptionalBytes(out, m.featureDetectors() == null ? null : m.featureDetectors().encode());
      Framing.writeOptionalBytes(out, m.metrics().toBytes());
      Framing.writeOptionalBytes(out, m.race() == null ? null : m.race().encodeOthers());
    });
  }

  /** The model in {@code b} (any format) under {@code config}; sets up its {@link ModelPrototype} for this one model. */
  public static ModelState decode(byte[] b, ModelConfig config) {
    return decode(b, ModelPrototype.of(config));
  }

  /**
   * The model in {@code b} (any format); format 3's left-out settings are {@code spec}'s.
   *
   * @throws IllegalArgumentException for bytes that are not a model state, and for a format 3 state
   *     written under a spec of another structure
   */
  public static ModelState decode(byte[] b, ModelPrototype spec) {
    return Framing.decode(b, MAGIC, WHAT, FORMAT, (in, version) -> {
      if (version >= 3) {
        long structure = in.readLong();
        if (structure != spec.structure()) {
          throw new IllegalArgumentException("model state written under a spec of another learner type, task, "
              + "features, hash-bits, retraining policy or drift detector than this one's (" + spec.config().learnerType()
              + ", " + spec.config().task() + ", " + spec.config().dimension() + " features, drift.retrain "
              + spec.config().drift().retrain() + ", drift.detector " + spec.config().drift().detector()
              + "); its settings are the spec's and not stored: restore it with the spec that wrote it, or start the models fresh (--fresh)");
        }
      }
      long events = in.readLong();
      long labelled = in.readLong();
      byte[] std = Framing.readOptionalBytes(in);
      byte[] policy = Framing.readOptionalBytes(in);
      byte[] concept = Framing.readOptionalBytes(in);
      byte[] features = Framing.readOptionalBytes(in);
      byte[] metrics = Framing.readOptionalBytes(in);
      byte[] race = version >= 2 ? Framing.readOptionalBytes(in) : null;
      RetrainingLearner first = new RetrainingLearner(RetrainPolicyCodec.decode(policy, spec.policySpec()),
          concept == null ? null : DetectorCodec.decode(concept, spec.detectorSpec()), labelled);
      return new ModelState(spec,
          std == null ? null : Standardizer.fromBytes(std),
          first,
          race == null ? null : CandidateRace.decode(race, first, spec.config().task()),
          features == null ? null : FeatureDriftMonitor.decode(features),
          PrequentialMetrics.fromBytes(metrics),
          events);
    });
  }
}
