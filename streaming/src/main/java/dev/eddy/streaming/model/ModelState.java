package dev.eddy.streaming.model;

import dev.eddy.learners.FeatureVector;
import dev.eddy.learners.OnlineLearner;
import dev.eddy.learners.Prediction;
import dev.eddy.learners.metrics.PrequentialMetrics;
import dev.eddy.learners.standardize.Standardizer;

/**
 * Everything one model key owns in keyed state: the model version, the standardizer statistics, the
 * learner and its prequential metrics. Pure Java (no Flink), so the per-event step is testable on its
 * own; persisted by {@link ModelStateCodec}.
 */
public final class ModelState {
  private long version;
  private final Standardizer standardizer; // null when not standardizing
  private final OnlineLearner learner;
  private final PrequentialMetrics metrics;

  public ModelState(long version, Standardizer standardizer, OnlineLearner learner, PrequentialMetrics metrics) {
    this.version = version;
    this.standardizer = standardizer;
    this.learner = learner;
    this.metrics = metrics;
  }

  /**
   * Test-then-train: standardizes {@code raw} (updating the statistics), predicts, and, when
   * {@code label} is not NaN, records the prediction in the metrics and learns from the example.
   *
   * @param scratch a buffer of the input dimension for the standardized vector (reused per event)
   * @return the prediction made before learning
   */
  public Prediction testThenTrain(double[] raw, double label, double[] scratch) {
    FeatureVector x;
    if (standardizer != null) {
      standardizer.update(raw);
      standardizer.transform(raw, scratch);
      x = FeatureVector.dense(scratch);
    } else {
      x = FeatureVector.dense(raw);
    }
    Prediction p = learner.predict(x);
    if (!Double.isNaN(label)) {
      metrics.record(p, label);
      learner.learn(x, label);
    }
    return p;
  }

  public long version() {
    return version;
  }

  public Standardizer standardizer() {
    return standardizer;
  }

  public OnlineLearner learner() {
    return learner;
  }

  public PrequentialMetrics metrics() {
    return metrics;
  }
}
