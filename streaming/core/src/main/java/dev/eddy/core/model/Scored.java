package dev.eddy.core.model;

import dev.eddy.learners.FeatureVector;
import dev.eddy.learners.Prediction;
import java.util.List;

/**
 * The predict half's result for one event: the prediction, and what the learn half needs later —
 * the features as the model learns from them and whether a feature drift asked for retraining.
 *
 * @param prediction the champion's prediction, made before any learning from this event
 * @param features the event's features as the model sees them (standardized, hashed); they may live
 *     in the model's scratch buffer until its next {@code predict}: keep {@link #detached()} to learn
 *     later
 * @param version the model version that predicted
 * @param retrain whether a feature drift asked for retraining ({@code drift.feature-retrain})
 * @param featureDrifts the features that drifted on this event (usually none)
 */
public record Scored(
    Prediction prediction,
    FeatureVector features,
    long version,
    boolean retrain,
    List<DriftSignal> featureDrifts) {

  /** The same result with its own copy of the features, safe to keep until the label comes. */
  public Scored detached() {
    FeatureVector x = features;
    int n = x.size();
    int[] indices = new int[n];
    double[] values = new double[n];
    for (int k = 0; k < n; k++) {
      indices[k] = x.index(k);
      values[k] = x.value(k);
    }
    FeatureVector copy = x.isDense() ? FeatureVector.dense(values) : FeatureVector.sparse(x.dimension(), indices, values, n);
    return new Scored(prediction, copy, version, retrain, featureDrifts);
  }
}
