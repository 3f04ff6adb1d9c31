package dev.eddy.drift.retrain;

import dev.eddy.drift.Signal;
import dev.eddy.learners.FeatureVector;
import dev.eddy.learners.OnlineLearner;
import dev.eddy.learners.Prediction;
import java.util.Map;

/**
 * Decides how a model recovers from drift. A policy owns the champion (the model that serves
 * predictions), an optional challenger learning beside it, and (for {@code window}) a window of
 * recent labelled examples; it sees every labelled example with the concept detector's signal for
 * it, and says when a new model version is born and why. Built by {@link RetrainPolicies#create},
 * encoded by {@link RetrainPolicyCodec}. See the package documentation for the call sequence.
 *
 * <p>Not thread-safe: one policy belongs to one model key.
 */
public interface RetrainPolicy {

  /** The policy's name: reset, background or window. */
  String name();

  /** The parameters with their defaults, by spec name. */
  Map<String, String> parameters();

  /** The model serving predictions now. */
  OnlineLearner champion();

  /** The champion's version: 1 for the initial model, +1 for each replacement. */
  long version();

  /** The model learning beside the champion, or null. */
  OnlineLearner challenger();

  /**
   * Takes one labelled example, after the champion predicted it and the detector took its error.
   * Scores the challenger, acts on the signal, then lets every model (and the window) learn the
   * example. Allocates nothing beyond the learners' own work while there is no challenger and no
   * signal, and returns {@link Outcome#NONE} then.
   *
   * @param x the standardized features
   * @param label the label
   * @param championPrediction what {@link #champion()} predicted for {@code x}
   * @param signal the concept detector's signal for this example's error
   */
  Outcome update(FeatureVector x, double label, Prediction championPrediction, Signal signal);
}
