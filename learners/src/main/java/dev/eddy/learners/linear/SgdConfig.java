package dev.eddy.learners.linear;

/**
 * Hyperparameters of logistic regression trained by plain stochastic gradient descent on the log
 * loss (type {@code logistic}; L. Bottou, "Large-Scale Machine Learning with Stochastic Gradient
 * Descent", COMPSTAT 2010).
 *
 * @param learningRate η₀ ({@link LinearParams#LEARNING_RATE})
 * @param inverseScaling the schedule ({@link LinearParams#SCHEDULE}): η_t = η₀ ({@code constant})
 *     or η_t = η₀ / t^powerT ({@code inverse-scaling})
 * @param powerT the exponent of the inverse-scaling schedule ({@link LinearParams#POWER_T})
 */
record SgdConfig(double learningRate, boolean inverseScaling, double powerT) {

  static final String INVERSE_SCALING = "inverse-scaling";

  SgdConfig {
    LinearParams.LEARNING_RATE.check(LogisticSgd.TYPE, learningRate);
    LinearParams.POWER_T.check(LogisticSgd.TYPE, powerT);
  }

  /** η_t for the t-th example (t ≥ 1). */
  double rate(long t) {
    return inverseScaling ? learningRate / Math.pow(t, powerT) : learningRate;
  }
}
