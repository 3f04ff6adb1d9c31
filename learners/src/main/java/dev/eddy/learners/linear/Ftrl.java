package dev.eddy.learners.linear;

import dev.eddy.learners.FeatureVector;
import dev.eddy.learners.Task;
import dev.eddy.learners.params.ParamValues;
import java.util.List;
import java.util.Map;

/**
 * FTRL-Proximal logistic regression (type {@code ftrl}; McMahan et al., "Ad Click Prediction: a View
 * from the Trenches", KDD 2013, Algorithm 1). Per coordinate it keeps z and n and derives the weight
 * lazily ({@link FtrlConfig#weight}), which is exactly 0 while |z| ≤ λ₁:
 *
 * <pre>
 *   p = σ(Σ w_i·x_i);   for i with x_i ≠ 0 and for the bias (a constant feature 1):
 *   g_i = (p − [y = 1])·x_i,   σ_i = (√(n_i + g_i²) − √n_i) / α,   z_i += g_i − σ_i·w_i,   n_i += g_i²
 * </pre>
 *
 * State: two tables, z and n. Merging averages the weights exactly: n is averaged, and z is chosen so
 * that the merged (z, n) gives the averaged weight.
 */
final class Ftrl extends LogisticLearner {

  static final String TYPE = "ftrl";
  private static final int Z = 0;
  private static final int N = 1;

  private final FtrlConfig config;

  private Ftrl(FtrlConfig config, Task task, int dimension, Map<String, String> hyperparameters,
      LinearState state) {
    super(TYPE, task, dimension, hyperparameters, state);
    this.config = config;
  }

  static Ftrl create(ParamValues params, int dimension, Task task) {
    FtrlConfig config = new FtrlConfig(
        params.get(LinearParams.ALPHA),
        params.get(LinearParams.BETA),
        params.get(LinearParams.L1),
        params.get(LinearParams.L2));
    return new Ftrl(config, task, dimension, hyperparameters(params),
        new LinearState(dimension, classes(task, params), 2));
  }

  @Override
  LinearLearner withState(LinearState state) {
    return new Ftrl(config, task(), dimension(), hyperparameters(), state);
  }

  @Override
  double score(int k, FeatureVector x) {
    double[] z = state.tables[Z][k];
    double[] n = state.tables[N][k];
    int bias = z.length - 1;
    double s = config.weight(z[bias], n[bias]);
    for (int e = 0, size = x.size(); e < size; e++) {
      int i = x.index(e);
      s += config.weight(z[i], n[i]) * x.value(e);
    }
    return s;
  }

  @Override
  void learnBinary(int k, FeatureVector x, double y, double score) {
    double[] z = state.tables[Z][k];
    double[] n = state.tables[N][k];
    double g = gradient(score, y);
    for (int e = 0, size = x.size(); e < size; e++) {
      step(z, n, x.index(e), g * x.value(e));
    }
    step(z, n, z.length - 1, g);
  }

  private void step(double[] z, double[] n, int i, double gi) {
    double w = config.weight(z[i], n[i]);
    double sigma = (Math.sqrt(n[i] + gi * gi) - Math.sqrt(n[i])) / config.alpha();
    z[i] += gi - sigma * w;
    n[i] += gi * gi;
  }

  @Override
  LinearState mergeStates(List<LinearState> canonical, double[] weights) {
    LinearState merged = LinearState.average(canonical, weights);
    for (int k = 0; k < merged.classes; k++) {
      double[] z = merged.tables[Z][k];
      double[] n = merged.tables[N][k];
      for (int i = 0; i < z.length; i++) {
        double w = 0;
        for (int r = 0; r < weights.length; r++) {
          LinearState replica = canonical.get(r);
          w += weights[r] * config.weight(replica.tables[Z][k][i], replica.tables[N][k][i]);
        }
        z[i] = w != 0 ? config.zFor(w, n[i]) : Math.max(-config.l1(), Math.min(config.l1(), z[i]));
      }
    }
    return merged;
  }
}
