package dev.eddy.streaming.model;

import dev.eddy.drift.DriftDetector;
import dev.eddy.drift.FeatureDriftMonitor;
import dev.eddy.drift.Signal;
import dev.eddy.drift.retrain.Outcome;
import dev.eddy.drift.retrain.RetrainPolicy;
import dev.eddy.drift.retrain.RetrainingLearner;
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
  private final RetrainingLearner model;
  private final FeatureDriftMonitor features; // null when no feature-drift detection
  private final PrequentialMetrics metrics;
  private long events;
  private ModelEvents sink = ModelEvents.NONE;

  ModelState(ModelConfig config, Standardizer standardizer, RetrainPolicy policy, DriftDetector concept,
      FeatureDriftMonitor features, PrequentialMetrics metrics, long events, long labelled) {
    this.config = config;
    this.standardizer = standardizer;
    this.model = new RetrainingLearner(policy, concept, new Forward(), labelled);
    this.features = features;
    this.metrics = metrics;
    this.events = events;
  }

  /**
   * Test-then-train one example: feature-drift detectors see the raw values; the standardizer is
   * updated and standardizes them; the champion predicts; when {@code label} is not NaN, the error
   * goes to the metrics, and the {@link RetrainingLearner} (concept detector, retraining policy)
   * learns. Reported to {@code events}: each DRIFT, a WARNING when the detector enters the warning
   * zone, each feature that drifted, and each new version.
   *
   * @param scratch a buffer of the input dimension for the standardized vector (reused per event)
   * @return the champion's prediction, made before learning
   */
  public Prediction testThenTrain(double[] raw, double label, double[] scratch, ModelEvents events) {
    this.sink = events;
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
    Prediction p = model.predict(x);
    if (!Double.isNaN(label)) {
      metrics.record(p, label);
      model.learn(x, label, featureDrift && config.drift().featureRetrain());
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

  /** Passes the learner's reports on to the current event sink; a new version may reset statistics. */
  private final class Forward implements RetrainingLearner.Listener {
    @Override
    public void signal(Signal signal, DriftDetector detector, Outcome outcome, long position, long version) {
      sink.conceptSignal(signal, detector, position, outcome, version);
    }

    @Override
    public void newVersion(Outcome outcome, long version) {
      if (outcome.resetStandardizer()) {
        standardizer = config.freshStandardizer();
      }
      sink.newVersion(ModelState.this, outcome.reason());
    }
  }

  public ModelConfig config() {
    return config;
  }

  /** The model version: 1 for the initial model, +1 for each replacement. */
  public long version() {
    return model.version();
  }

  /** The model serving predictions. */
  public OnlineLearner champion() {
    return model.policy().champion();
  }

  public Standardizer standardizer() {
    return standardizer;
  }

  public RetrainPolicy policy() {
    return model.policy();
  }

  public DriftDetector conceptDetector() {
    return model.detector();
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
    return model.labelled();
  }
}
