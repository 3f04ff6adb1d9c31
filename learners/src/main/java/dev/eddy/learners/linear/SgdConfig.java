package dev.eddy.learners.linear;

import java.util.Set;

/**
 * Hyperparameters of logistic regression trained by plain stochastic gradient descent on the log
 * loss (type {@code logistic}; L. Bottou, "Large-Scale Machine Learning with Stochastic Gradient
 * Descent", COMPSTAT 2010).
 *
 * @param learningRate η₀, {@code > 0}, default {@value #DEFAULT_LEARNING_RATE}
 * @param inverseScaling the schedule: η_t = η₀ (parameter {@code schedule=constant}, the default) or
 *     η_t = η₀ / t^powerT ({@code schedule=inverse-scaling})
 * @param powerT the exponent of the inverse-scaling schedule, in (0, 1], default {@value
 *     #DEFAULT_POWER_T}
 */
record SgdConfig(double learningRate, boolean inverseScaling, double powerT) {

  static final double DEFAULT_LEARNING_RATE = 0.1;
  static final double DEFAULT_POWER_T = 0.5;
  static final String CONSTANT = "constant";
  static final String INVERSE_SCALING = "inverse-scaling";
  static final Set<String> SCHEDULES = Set.of(CONSTANT, INVERSE_SCALING);

  SgdConfig {
    Checks.positive("learning-rate", learningRate);
    if (!(powerT > 0 && powerT <= 1)) {
      throw new IllegalArgumentException("parameter power-t must be in (0, 1] but was " + powerT);
    }
  }

  /** η_t for the t-th example (t ≥ 1). */
  double rate(long t) {
    return inverseScaling ? learningRate / Math.pow(t, powerT) : learningRate;
  }
}
