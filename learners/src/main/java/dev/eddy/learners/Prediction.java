package dev.eddy.learners;

/**
 * A learner's prediction for one example.
 *
 * @param score the raw score: the margin for linear classifiers, the predicted value for regression
 * @param label the predicted label: 0/1 for binary, the class index for multiclass, the value for
 *     regression
 * @param probability P(label = 1) for binary learners that define it (logistic), else NaN
 */
public record Prediction(double score, double label, double probability) {

  /** True when the learner gave a probability. */
  public boolean hasProbability() {
    return !Double.isNaN(probability);
  }
}
