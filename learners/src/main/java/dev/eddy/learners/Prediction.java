package dev.eddy.learners;

import java.util.Arrays;
import java.util.Objects;

/**
 * A learner's prediction for one example.
 *
 * @param score the raw score: the margin for linear classifiers, the winning class's score for
 *     multiclass, the predicted value for regression
 * @param label the predicted label: 0/1 for binary, the class index for multiclass, the value for
 *     regression
 * @param probability P(label = 1) for binary learners that define it (logistic), else NaN
 * @param classScores multiclass: every class's score by class index (the predicted class has the
 *     largest); null for binary and regression
 * @param classProbabilities multiclass: every class's probability by class index, summing to 1, for
 *     learners that define them (logistic one-vs-rest, softmax); else null
 */
public record Prediction(
    double score, double label, double probability, double[] classScores, double[] classProbabilities) {

  /** A binary or regression prediction (no per-class values). */
  public Prediction(double score, double label, double probability) {
    this(score, label, probability, null, null);
  }

  /** True when the learner gave a (binary) probability. */
  public boolean hasProbability() {
    return !Double.isNaN(probability);
  }

  /**
   * The probability the prediction gave class {@code k}: multiclass, its class probability (NaN
   * without probabilities or for a class the model does not know yet); binary, P(1) for k = 1 and
   * 1 − P(1) for k = 0 (NaN without a probability).
   */
  public double probabilityOf(int k) {
    if (classProbabilities != null) {
      return k >= 0 && k < classProbabilities.length ? classProbabilities[k] : Double.NaN;
    }
    return k == 1 ? probability : 1 - probability;
  }

  /** Arrays compare by content, so that equal predictions are equal. */
  @Override
  public boolean equals(Object o) {
    return o instanceof Prediction p
        && Double.compare(score, p.score) == 0
        && Double.compare(label, p.label) == 0
        && Double.compare(probability, p.probability) == 0
        && Arrays.equals(classScores, p.classScores)
        && Arrays.equals(classProbabilities, p.classProbabilities);
  }

  @Override
  public int hashCode() {
    return Objects.hash(score, label, probability, Arrays.hashCode(classScores), Arrays.hashCode(classProbabilities));
  }

  @Override
  public String toString() {
    return "Prediction[score=" + score + ", label=" + label + ", probability=" + probability
        + (classScores == null ? "" : ", classScores=" + Arrays.toString(classScores))
        + (classProbabilities == null ? "" : ", classProbabilities=" + Arrays.toString(classProbabilities)) + "]";
  }
}
