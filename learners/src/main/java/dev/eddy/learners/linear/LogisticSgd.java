package dev.eddy.learners.linear;

import dev.eddy.learners.FeatureVector;
import dev.eddy.learners.Task;
import dev.eddy.learners.params.ParamValues;
import java.util.Map;

/**
 * Logistic regression by stochastic gradient descent (type {@code logistic}; L. Bottou, "Large-Scale
 * Machine Learning with Stochastic Gradient Descent", COMPSTAT 2010): for the t-th example,
 *
 * <pre>
 *   g = σ(w·x + b) − [y = 1],   w −= η_t·g·x,   b −= η_t·g
 * </pre>
 *
 * with η_t from {@link SgdConfig#rate}. Unregularized. State: one table, the weights.
 */
final class LogisticSgd extends LogisticLearner implements dev.eddy.learners.PlainWeights {

  static final String TYPE = "logistic";

  private final SgdConfig config;

  private LogisticSgd(SgdConfig config, Task task, int dimension,
      Map<String, String> hyperparameters, LinearState state) {
    super(TYPE, task, dimension, hyperparameters, state);
    this.config = config;
  }

  static LogisticSgd create(ParamValues params, int dimension, Task task) {
    SgdConfig config = new SgdConfig(
        params.get(LinearParams.LEARNING_RATE),
        params.get(LinearParams.SCHEDULE).equals(SgdConfig.INVERSE_SCALING),
        params.get(LinearParams.POWER_T));
    return new LogisticSgd(config, task, dimension, hyperparameters(params),
        new LinearState(dimension, classes(task, params), 1));
  }

  @Override
  LinearLearner withState(LinearState state) {
    return new LogisticSgd(config, task(), dimension(), hyperparameters(), state);
  }

  @Override
  double score(int k, FeatureVector x) {
    return biasedScore(state.tables[0][k], x);
  }

  @Override
  void learnBinary(int k, FeatureVector x, double y, double score) {
    double[] w = state.tables[0][k];
    double step = -config.rate(state.steps) * gradient(score, y);
    x.addTo(w, step);
    w[w.length - 1] += step;
  }
}
