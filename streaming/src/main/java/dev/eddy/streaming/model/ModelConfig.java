package dev.eddy.streaming.model;

import dev.eddy.drift.Detectors;
import dev.eddy.drift.DriftDetector;
import dev.eddy.drift.FeatureDriftMonitor;
import dev.eddy.drift.retrain.RetrainPolicies;
import dev.eddy.learners.Learners;
import dev.eddy.learners.Task;
import dev.eddy.learners.metrics.PrequentialMetrics;
import dev.eddy.learners.standardize.Standardizer;
import dev.eddy.streaming.spec.JobSpec;
import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * What a fresh model of a job looks like: learner type and hyperparameters, input dimension, task,
 * standardization, drift detection and retraining. Shipped to the operators with the job graph.
 *
 * @param features the feature names, in the order of the model's input
 * @param metricsWindow length of the sliding window of the prequential metrics
 */
public record ModelConfig(
    String learnerType,
    Map<String, String> learnerParams,
    List<String> features,
    Task task,
    boolean standardize,
    JobSpec.Drift drift,
    int metricsWindow)
    implements Serializable {

  /** The input dimension: the number of features. */
  public int dimension() {
    return features.size();
  }

  /** A new model at version 1: untrained learner, empty statistics, fresh detectors. */
  public ModelState freshModel() {
    var learner = Learners.create(learnerType, learnerParams, dimension(), task);
    var policy = RetrainPolicies.create(drift.retrain(), drift.retrainParams(), learner);
    DriftDetector concept = drift.detector() == null ? null : Detectors.create(drift.detector(), drift.detectorParams());
    FeatureDriftMonitor features = drift.featureDetector() == null ? null
        : new FeatureDriftMonitor(drift.featureDetector(), drift.featureDetectorParams(), dimension());
    return new ModelState(this, freshStandardizer(), policy, concept, features,
        new PrequentialMetrics(task, metricsWindow), 0, 0);
  }

  /** A new standardizer, or null when not standardizing. */
  Standardizer freshStandardizer() {
    return standardize ? new Standardizer(dimension()) : null;
  }
}
