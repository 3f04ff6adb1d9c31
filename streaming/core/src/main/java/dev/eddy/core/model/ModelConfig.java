package dev.eddy.core.model;

import dev.eddy.core.spec.JobSpec;
import dev.eddy.drift.Detectors;
import dev.eddy.drift.DriftDetector;
import dev.eddy.drift.FeatureDriftMonitor;
import dev.eddy.drift.retrain.RetrainPolicies;
import dev.eddy.learners.FeatureHasher;
import dev.eddy.learners.Learners;
import dev.eddy.learners.Task;
import dev.eddy.learners.metrics.PrequentialMetrics;
import dev.eddy.learners.standardize.Standardizer;
import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * What a fresh model of a job looks like: learner type and hyperparameters, input features, task,
 * standardization, drift detection and retraining. Shipped to the operators with the job graph, and
 * built by {@code bin/eddy evaluate} for its CSV, so both run the same {@link ModelState} step.
 *
 * @param features the numeric feature names, in the order of the step's raw input
 * @param categorical the categorical feature names (one-hot hashed; only with {@code hash-bits})
 * @param metricsWindow length of the sliding window of the prequential metrics
 */
public record ModelConfig(
    String learnerType,
    Map<String, String> learnerParams,
    List<String> features,
    List<String> categorical,
    Task task,
    boolean standardize,
    JobSpec.Drift drift,
    int metricsWindow)
    implements Serializable {

  public ModelConfig {
    learnerParams = Map.copyOf(learnerParams);
    features = List.copyOf(features);
    categorical = List.copyOf(categorical);
    if (!categorical.isEmpty() && !learnerParams.containsKey(Learners.HASH_BITS)) {
      throw new IllegalArgumentException("categorical features " + categorical + " need hashing ("
          + Learners.HASH_BITS + ")");
    }
  }

  /** A job's model: numeric features only. */
  public ModelConfig(String learnerType, Map<String, String> learnerParams, List<String> features,
      Task task, boolean standardize, JobSpec.Drift drift, int metricsWindow) {
    this(learnerType, learnerParams, features, List.of(), task, standardize, drift, metricsWindow);
  }

  /** The model of a job spec; {@code metricsWindow} examples in the windowed metrics. */
  public static ModelConfig of(JobSpec spec) {
    return new ModelConfig(spec.learner().type(), spec.learner().params(), spec.features(), spec.task(),
        spec.standardize(), spec.drift(), METRICS_WINDOW);
  }

  /** Examples in the sliding window of a job's prequential metrics. */
  public static final int METRICS_WINDOW = 1000;

  /** The number of numeric features: the length of the step's raw input. */
  public int dimension() {
    return features.size();
  }

  /** b of the hashing trick into 2^b dimensions ({@code hash-bits}), or 0 when the learner sees the features as they are. */
  public int hashBits() {
    String bits = learnerParams.get(Learners.HASH_BITS);
    return bits == null ? 0 : FeatureHasher.parseBits(bits);
  }

  /** A new model at version 1: untrained learner, empty statistics, fresh detectors. */
  public ModelState freshModel() {
    var learner = Learners.create(learnerType, learnerParams, dimension(), task);
    var policy = RetrainPolicies.create(drift.retrain(), drift.retrainParams(), learner);
    DriftDetector concept = drift.detector() == null ? null : Detectors.create(drift.detector(), drift.detectorParams());
    FeatureDriftMonitor monitor = drift.featureDetector() == null ? null
        : new FeatureDriftMonitor(drift.featureDetector(), drift.featureDetectorParams(), dimension());
    return new ModelState(this, freshStandardizer(), policy, concept, monitor,
        new PrequentialMetrics(task, metricsWindow), 0, 0);
  }

  /** A new standardizer, or null when not standardizing. */
  Standardizer freshStandardizer() {
    return standardize && dimension() > 0 ? new Standardizer(dimension()) : null;
  }
}
