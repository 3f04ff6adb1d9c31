package dev.eddy.learners.linear;

/**
 * Hyperparameters of logistic regression trained with diagonal AdaGrad (Duchi, Hazan, Singer,
 * "Adaptive Subgradient Methods for Online Learning and Stochastic Optimization", JMLR 12, 2011).
 *
 * @param learningRate η ({@link LinearParams#ADAGRAD_RATE})
 * @param delta δ added to √G to keep the first steps finite ({@link LinearParams#DELTA})
 */
record AdaGradConfig(double learningRate, double delta) {

  AdaGradConfig {
    LinearParams.ADAGRAD_RATE.check(AdaGrad.TYPE, learningRate);
    LinearParams.DELTA.check(AdaGrad.TYPE, delta);
  }
}
