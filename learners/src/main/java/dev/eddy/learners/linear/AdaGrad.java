package dev.eddy.learners.linear;

import dev.eddy.learners.FeatureVector;
import dev.eddy.learners.Task;
import dev.eddy.learners.params.ParamValues;
import java.util.Map;

/**
 * Logistic regression with diagonal AdaGrad (type {@code adagrad}; Duchi, Hazan, Singer, "Adaptive
 * Subgradient Methods for Online Learning and Stochastic Optimization", JMLR 12, 2011): each
 * coordinate's step shrinks with the root of its own squared-gradient sum,
 *
 * <pre>
 *   g = σ(w·x + b) − [y = 1];   for i with x_i ≠ 0 and for the bias (x = 1):
 *   g_i = g·x_i,   G_i += g_i²,   w_i −= η·g_i / (δ + √G_i)
 * </pre>
 *
 * State: two tables, the weights and G. Merging replicas ({@code Learners.merge}) averages both per
 * coordinate, weighted like the replicas.
 */
final class AdaGrad extends LogisticLearner implements dev.eddy.learners.PlainWeights {

  static final String TYPE = "adagrad";
  private static final int W = 0;
  private static final int G = 1;

  private final AdaGradConfig config;

  private AdaGrad(AdaGradConfig config, Task task, int dimension,
      Map<String, String> hyperparameters, LinearState state) {
    super(TYPE, task, dimension, hyperparameters, state);
    this.config = config;
  }

  static AdaGrad create(ParamValues params, int dimension, Task task) {
    AdaGradConfig config = new AdaGradConfig(
        params.get(LinearParams.ADAGRAD_RATE), params.get(LinearParams.DELTA));
    return new AdaGrad(config, task, dimension, hyperparameters(params),
        new LinearState(dimension, classes(task, params), 2));
  }

  @Override
  LinearLearner withState(LinearState state) {
    return new AdaGrad(config, task(), dimension(), hyperparameters(), state);
  }

  @Override
  double score(int k, FeatureVector x) {
    return biasedScore(state.tables[W][k], x);
  }

  @Override
  void learnBinary(int k, FeatureVector x, double y, double score) {
    double[] w = state.tables[W][k];
    double[] sums = state.tables[G][k];
    double g = gradient(score, y);
    double rate = config.learningRate();
    double delta = config.delta();
    for (int e = 0, n = x.size(); e < n; e++) {
      int i = x.index(e);
      double gi = g * x.value(e);
      sums[i] += gi * gi;
      w[i] -= rate * gi / (delta + Math.sqrt(sums[i]));
    }
    int bias = w.length - 1;
    sums[bias] += g * g;
    w[bias] -= rate * g / (delta + Math.sqrt(sums[bias]));
  }
}
