package dev.eddy.learners.linear;

/**
 * Hyperparameters of logistic regression trained with diagonal AdaGrad (Duchi, Hazan, Singer,
 * "Adaptive Subgradient Methods for Online Learning and Stochastic Optimization", JMLR 12, 2011).
 *
 * @param learningRate η, {@code > 0}, default {@value #DEFAULT_LEARNING_RATE}
 * @param delta δ added to √G to keep the first steps finite, {@code > 0}, default {@value
 *     #DEFAULT_DELTA}
 */
record AdaGradConfig(double learningRate, double delta) {

  static final double DEFAULT_LEARNING_RATE = 0.1;
  static final double DEFAULT_DELTA = 1e-8;

  AdaGradConfig {
    Checks.positive("learning-rate", learningRate);
    Checks.positive("delta", delta);
  }
}
