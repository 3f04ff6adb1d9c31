package dev.eddy.learners;

import java.util.Map;
import java.util.TreeMap;

/**
 * An incremental learner: predict an example, then learn from it (test-then-train). The job, the
 * offline evaluator and the benchmarks all drive learners through this interface only.
 *
 * <p>Contract (checked for every implementation by the learner contract suite): {@link #learn} never
 * mutates its input; a learner restored from {@link dev.eddy.learners.codec.LearnerCodec} predicts
 * exactly as the original; an input of the wrong dimension or with NaN/Inf entries is rejected with
 * an {@link IllegalArgumentException}.
 */
public interface OnlineLearner {

  /** The learner's type name as used in job specs and the CLI, e.g. {@code pa-i}. */
  String type();

  /** The task this learner was built for. */
  Task task();

  /** Input dimension (number of features, or 2^b for hashed features). */
  int dimension();

  /** The hyperparameters, by their spec names, as strings (for the models topic). */
  Map<String, String> hyperparameters();

  /** Predicts one example without changing the model. */
  Prediction predict(FeatureVector x);

  /** Learns from one labelled example. */
  void learn(FeatureVector x, double label);

  /** Number of labelled examples learned so far. */
  long examplesSeen();

  /** An independent deep copy (for challengers and replicas). */
  OnlineLearner copy();

  /**
   * What must be equal for two learners to be merged: type, task, dimension and hyperparameters,
   * plus whatever an implementation adds (e.g. the number of classes). {@link Learners#merge}
   * compares layouts and names both when they differ.
   */
  default String layout() {
    return type() + "[task=" + task() + ", dimension=" + dimension() + ", " + new TreeMap<>(hyperparameters()) + "]";
  }
}
