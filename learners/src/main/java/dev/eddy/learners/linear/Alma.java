package dev.eddy.learners.linear;

import dev.eddy.learners.FeatureVector;
import dev.eddy.learners.Task;
import dev.eddy.learners.params.ParamValues;
import java.util.Map;

/**
 * ALMA_2, the approximate large margin algorithm for p = 2 (type {@code alma}): C. Gentile, "A New
 * Approximate Maximal Margin Classification Algorithm", Journal of Machine Learning Research 2,
 * 2001, Fig. 1. With the bias as a constant feature 1, each example is normalized, x̂ = (x, 1) /
 * ‖(x, 1)‖; for the k-th update (k = 1 before the first),
 *
 * <pre>
 *   γ_k = B / √k,   if y·(w·x̂) ≤ (1 − α)·γ_k:   η_k = C / √k,   w ← (w + η_k·y·x̂) / max(1, ‖w + η_k·y·x̂‖),   k ← k + 1
 * </pre>
 *
 * α ∈ (0, 1] trades margin for mistakes (it finds a (1 − α)-approximation of the maximal margin);
 * the paper's theory sets B = 1/α and C = √2, the defaults here. The prediction is sign(w·(x, 1))
 * (normalizing does not change the sign); the paper defines no probability. The projection onto the
 * unit ball touches every weight, so an update costs O(dimension). State: the weights and, per class,
 * k.
 */
final class Alma extends LinearLearner {

  static final String TYPE = "alma";

  /** Per-class scalar: the update counter k (1 before the first update). */
  private static final int K = 0;

  private final double alpha;
  private final double b;
  private final double c;

  private Alma(double alpha, double b, double c, Task task, int dimension,
      Map<String, String> hyperparameters, LinearState state) {
    super(TYPE, task, dimension, hyperparameters, state);
    this.alpha = alpha;
    this.b = b;
    this.c = c;
  }

  static Alma create(ParamValues params, int dimension, Task task) {
    double alpha = params.get(LinearParams.ALMA_ALPHA);
    Double b = params.get(LinearParams.ALMA_B);
    return new Alma(alpha, b == null ? 1 / alpha : b, params.get(LinearParams.ALMA_C), task, dimension,
        hyperparameters(params), new LinearState(dimension, classes(task, params), 1, 1.0));
  }

  @Override
  LinearLearner withState(LinearState state) {
    return new Alma(alpha, b, c, task(), dimension(), hyperparameters(), state);
  }

  @Override
  double score(int k, FeatureVector x) {
    return biasedScore(state.tables[0][k], x);
  }

  @Override
  void learnBinary(int k, FeatureVector x, double y, double score) {
    double norm = Math.sqrt(x.squaredNorm() + 1);
    double updates = state.scalars[K][k];
    if (y * score / norm > (1 - alpha) * b / Math.sqrt(updates)) {
      return;
    }
    double[] w = state.tables[0][k];
    double step = c / Math.sqrt(updates) * y / norm;
    x.addTo(w, step);
    w[w.length - 1] += step;
    double squared = 0;
    for (double v : w) {
      squared += v * v;
    }
    if (squared > 1) {
      double shrink = 1 / Math.sqrt(squared);
      for (int i = 0; i < w.length; i++) {
        w[i] *= shrink;
      }
    }
    state.scalars[K][k] = updates + 1;
  }
}
