package dev.eddy.streaming.model;

import dev.eddy.drift.DriftDetector;
import dev.eddy.drift.FeatureDriftMonitor;
import dev.eddy.drift.Signal;
import dev.eddy.drift.retrain.ConceptError;
import dev.eddy.drift.retrain.Outcome;
import dev.eddy.drift.retrain.RetrainPolicy;
import dev.eddy.learners.FeatureVector;
import dev.eddy.learners.OnlineLearner;
import dev.eddy.learners.Prediction;
import dev.eddy.learners.metrics.PrequentialMetrics;
import dev.eddy.learners.standardize.Standardizer;

/**
 * Everything one model key owns: the standardizer statistics, the retraining policy (which owns the
 * champion learner, any challenger or window, and the model version), the concept-drift detector,
 * the optional per-feature detectors and the prequential metrics. Pure Java, so the job's operator
 * and {@code bin/eddy evaluate} run exactly the same step; persisted by {@link ModelStateCodec}.
 */
public final class ModelState {
  private final ModelConfig config;
  private Standardizer standardizer; // null when not standardizing
  private final RetrainPolicy policy;
  private final DriftDetector concept; // null when no concept-drift detection
  private final FeatureDriftMonitor features; // null when no feature-drift detection
  private final PrequentialMetrics metrics;
  private long events;
  private long labelled;

  ModelState(ModelConfig config, Standardizer standardizer, RetrainPolicy policy, DriftDetector concept,
      FeatureDriftMonitor features, PrequentialMetrics metrics, long events, long labelled) {
    this.config = config;
    this.standardizer = standardizer;
    this.policy = policy;
    this.concept = concept;
    this.features = features;
    this.metrics = metrics;
    this.events = events;
    this.labelled = labelled;
  }

  /**
   * Test-then-train one example: feature-drift detectors see the raw values; the standardizer is
   * updated and standardizes them; the champion predicts; when {@code label} is not NaN, the error
   * goes to the metrics and the concept detector, the policy acts on the signal and every model
   * learns. Reported to {@code events}: each DRIFT, a WARNING when the detector enters the warning
   * zone (not on every example while it stays there), and each new version.
   *
   * @param scratch a buffer of the input dimension for the standardized vector (reused per event)
   * @return the champion's prediction, made before learning
   */
  public Prediction testThenTrain(double[] raw, double label, double[] scratch, ModelEvents events) {
    boolean featureDrift = features != null && watchFeatures(raw, events);
    FeatureVector x;
    if (standardizer != null) {
      standardizer.update(raw);
      standardizer.transform(raw, scratch);
      x = FeatureVector.dense(scratch);
    } else {
      x = FeatureVector.dense(raw);
    }
    this.events++;
    Prediction p = policy.champion().predict(x);
    if (!Double.isNaN(label)) {
      metrics.record(p, label);
      Signal before = concept == null ? Signal.STABLE : concept.lastSignal();
      Signal signal = concept == null ? Signal.STABLE : concept.update(ConceptError.of(config.task(), p, label));
      boolean report = signal == Signal.DRIFT || (signal == Signal.WARNING && before != Signal.WARNING);
      if (signal == Signal.STABLE && featureDrift && config.drift().featureRetrain()) {
        signal = Signal.DRIFT;
      }
      Outcome outcome = policy.update(x, label, p, signal);
      if (report) {
        events.conceptSignal(signal, concept, labelled, outcome, policy.version());
      }
      if (outcome.newVersion()) {
        if (outcome.resetStandardizer()) {
          standardizer = config.freshStandardizer();
        }
        events.newVersion(this, outcome.reason());
      }
      labelled++;
    }
    return p;
  }

  /** Feeds the raw values to the feature detectors; reports each feature that drifted. */
  private boolean watchFeatures(double[] raw, ModelEvents events) {
    int drifted = features.update(FeatureVector.dense(raw));
    for (int k = 0; k < drifted; k++) {
      int feature = features.drifted(k);
      events.featureSignal(feature, Signal.DRIFT, features.detector(feature), this.events);
    }
    return drifted > 0;
  }

  public ModelConfig config() {
    return config;
  }

  /** The model version: 1 for the initial model, +1 for each replacement. */
  public long version() {
    return policy.version();
  }

  /** The model serving predictions. */
  public OnlineLearner champion() {
    return policy.champion();
  }

  public Standardizer standardizer() {
    return standardizer;
  }

  public RetrainPolicy policy() {
    return policy;
  }

  public DriftDetector conceptDetector() {
    return concept;
  }

  public FeatureDriftMonitor featureDetectors() {
    return features;
  }

  public PrequentialMetrics metrics() {
    return metrics;
  }

  /** Events seen by this model. */
  public long events() {
    return events;
  }

  /** Labelled examples seen by this model. */
  public long labelled() {
    return labelled;
  }
}
