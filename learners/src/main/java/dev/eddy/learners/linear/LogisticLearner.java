package dev.eddy.learners.linear;

import dev.eddy.learners.Task;
import java.util.Map;

/**
 * What the three logistic-regression learners (SGD, AdaGrad, FTRL-Proximal) share: the probability
 * P(y = 1 | x) = σ(score) and the derivative of the log loss −log σ(y·score) with respect to the
 * score, σ(score) − [y = 1]. They differ only in how that gradient moves the weights. Multiclass
 * (one-vs-rest) probabilities are the class models' σ(score), normalized.
 */
abstract class LogisticLearner extends LinearLearner {

  LogisticLearner(String type, Task task, int dimension, Map<String, String> hyperparameters,
      LinearState state) {
    super(type, task, dimension, hyperparameters, state);
  }

  /** The logistic function, without overflow for large |s|. */
  static double sigmoid(double s) {
    if (s >= 0) {
      return 1 / (1 + Math.exp(-s));
    }
    double e = Math.exp(s);
    return e / (1 + e);
  }

  /** d(log loss)/d(score) for a label y ∈ {-1, +1}. */
  static double gradient(double score, double y) {
    return sigmoid(score) - (y > 0 ? 1.0 : 0.0);
  }

  @Override
  final double probability(double score) {
    return sigmoid(score);
  }

  /**
   * One-vs-rest probabilities: each class model's σ(score), normalized to sum to 1 (as
   * scikit-learn's one-vs-rest logistic regression does).
   */
  @Override
  final double[] classProbabilities(double[] scores) {
    double[] p = new double[scores.length];
    double sum = 0;
    for (int k = 0; k < p.length; k++) {
      p[k] = sigmoid(scores[k]);
      sum += p[k];
    }
    for (int k = 0; k < p.length; k++) {
      p[k] /= sum;
    }
    return p;
  }
}
