package dev.eddy.core.model;

import dev.eddy.core.spec.JobSpec;
import dev.eddy.drift.Detectors;
import dev.eddy.drift.DriftDetector;
import dev.eddy.drift.FeatureDriftMonitor;
import dev.eddy.drift.retrain.RetrainConfig;
import dev.eddy.drift.retrain.RetrainPolicies;
import dev.eddy.drift.retrain.RetrainPolicyCodec;
import dev.eddy.drift.retrain.RetrainingLearner;
import dev.eddy.learners.Learners;
import dev.eddy.learners.OnlineLearner;
import dev.eddy.learners.metrics.PrequentialMetrics;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * A job's fresh model, set up once from its {@link ModelConfig}: the learner of each candidate, its
 * retraining config and its concept detector with their hyperparameters parsed, never trained. A new
 * model key's model is built from copies of them instead of parsing the spec's strings again, and
 * the model state's format 3 ({@link ModelStateCodec}) stores only what differs from them: with a
 * million model keys, the hyperparameters, the same for every key, were rendered, written, read and
 * parsed for every key at every checkpoint and cache miss (BENCHMARKS.md "A million model keys").
 *
 * <p>Learners without a prototype form ({@link dev.eddy.learners.LearnerProvider#prototypes}, e.g.
 * TensorFlow's, which hold native sessions) are created from the spec for each model as before, and
 * stored with their hyperparameters. Immutable once built; shared by every model of an operator.
 */
public final class ModelPrototype {
  private final ModelConfig config;
  private final Racer first;
  private final Racer[] others; // learner.candidates
  private final RetrainPolicyCodec.Spec policySpec;
  private final long structure;

  /** One candidate as the spec gives it. */
  private record Racer(String type, Map<String, String> params, OnlineLearner learner, RetrainConfig policy,
      DriftDetector detector) {

    static Racer of(ModelConfig config, String type, Map<String, String> params) {
      OnlineLearner learner = Learners.provider(type).prototypes(type)
          ? Learners.create(type, params, config.dimension(), config.task()) : null;
      JobSpec.Drift drift = config.drift();
      RetrainConfig policy = RetrainConfig.fromParams(drift.retrain(), drift.retrainParams());
      DriftDetector detector = drift.detector() == null ? null : Detectors.create(drift.detector(), drift.detectorParams());
      return new Racer(type, params, learner, policy, detector);
    }

    RetrainingLearner fresh(ModelConfig config) {
      OnlineLearner champion = learner != null ? learner.copy()
          : Learners.create(type, params, config.dimension(), config.task());
      return new RetrainingLearner(RetrainPolicies.create(policy, champion),
          detector == null ? null : Detectors.fresh(detector), 0);
    }

    RetrainPolicyCodec.Spec spec() {
      return new RetrainPolicyCodec.Spec(policy, learner);
    }
  }

  private ModelPrototype(ModelConfig config) {
    this.config = config;
    this.first = Racer.of(config, config.learnerType(), config.learnerParams());
    List<JobSpec.Learner> candidates = config.selection().candidates();
    this.others = new Racer[candidates.size()];
    for (int i = 0; i < others.length; i++) {
      others[i] = Racer.of(config, candidates.get(i).type(), candidates.get(i).params());
    }
    this.policySpec = first.spec();
    this.structure = fingerprint(config);
  }

  /**
   * The prototype of {@code config}'s model; parses and validates the hyperparameters once.
   *
   * @throws IllegalArgumentException naming a bad learner, retraining or detector parameter
   */
  public static ModelPrototype of(ModelConfig config) {
    return new ModelPrototype(config);
  }

  public ModelConfig config() {
    return config;
  }

  /** A new model at version 1: untrained learners, empty statistics, fresh detectors. */
  public ModelState fresh() {
    RetrainingLearner champion = first.fresh(config);
    CandidateRace race = null;
    if (others.length > 0) {
      RetrainingLearner[] racers = new RetrainingLearner[others.length + 1];
      racers[0] = champion;
      for (int i = 1; i < racers.length; i++) {
        racers[i] = others[i - 1].fresh(config);
      }
      JobSpec.Selection selection = config.selection();
      race = new CandidateRace(racers, config.task(), selection.window(), selection.margin());
    }
    JobSpec.Drift drift = config.drift();
    FeatureDriftMonitor monitor = drift.featureDetector() == null ? null
        : new FeatureDriftMonitor(drift.featureDetector(), drift.featureDetectorParams(), config.dimension());
    return new ModelState(this, config.freshStandardizer(), champion, race, monitor,
        new PrequentialMetrics(config.task(), config.metricsWindow()), 0);
  }

  /** What the spec says of candidate 0's retraining policy and learner (the model state's format 3 leaves it out). */
  RetrainPolicyCodec.Spec policySpec() {
    return policySpec;
  }

  /** Candidate 0's concept detector as the spec sets it up, or null without concept-drift detection. */
  DriftDetector detectorSpec() {
    return first.detector();
  }

  /**
   * A fingerprint of what the parts that format 3 leaves out must agree on to be read back: candidate
   * 0's learner type, task, dimension and hashing, the retraining policy and the concept detector's type. Their
   * hyperparameters are not in it: a state restored under a spec with other values takes the spec's.
   */
  long structure() {
    return structure;
  }

  private static long fingerprint(ModelConfig config) {
    String s = String.join("\u0000", config.learnerType(), config.task().name(), Integer.toString(config.dimension()),
        Integer.toString(config.hashBits()), String.valueOf(config.drift().retrain()),
        String.valueOf(config.drift().detector()));
    long h = 0xcbf29ce484222325L; // FNV-1a, 64 bits
    for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
      h = (h ^ (b & 0xff)) * 0x100000001b3L;
    }
    return h;
  }
}
