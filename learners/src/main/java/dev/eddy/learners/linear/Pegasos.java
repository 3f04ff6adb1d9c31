package dev.eddy.learners.linear;

import dev.eddy.learners.FeatureVector;
import dev.eddy.learners.Task;
import dev.eddy.learners.params.ParamValues;
import java.util.List;
import java.util.Map;

/**
 * Pegasos (Shalev-Shwartz, Singer, Srebro, "Pegasos: Primal Estimated sub-GrAdient SOlver for SVM",
 * ICML 2007), one example per step, with the projection step and an unregularized bias b:
 *
 * <pre>
 *   η_t = 1/(λ·t);   if y·(w·x + b) &lt; 1:  w ← (1 − η_t·λ)·w + η_t·y·x,  b ← b + η_t·y
 *                    else:                w ← (1 − η_t·λ)·w
 *   w ← min(1, (1/√λ) / ‖w‖)·w
 * </pre>
 *
 * {@code pegasos-avg} predicts with the average of the iterates w̄ = (1/T)·Σ_t w_{t+1}, b̄ likewise.
 *
 * <p>So that a step costs O(non-zeros) even on 2^20 hashed dimensions, w is kept as a·v (the shrink
 * and the projection only change the scalar a), ‖v‖² is updated incrementally, and the running sum
 * S = Σ_t w_{t+1} as A·v − u, where A = Σ_t a_t and every change δ of v adds A·δ to u (before A takes
 * the step's a). When a falls below {@value #FOLD_BELOW}, the model is rewritten in explicit form
 * (a = 1, A = 0; O(d), rarely), which keeps A·v and u from growing into cancellation.
 * Tables: v (bias raw in its last entry) and, when averaged, u (bias sum in its last entry);
 * scalars: a, ‖v‖², A.
 */
final class Pegasos extends LinearLearner {

  static final String TYPE = "pegasos";
  static final String AVERAGED_TYPE = "pegasos-avg";
  private static final double FOLD_BELOW = 1e-6;
  private static final int V = 0;
  private static final int U = 1;
  private static final int SCALE = 0;
  private static final int NORM = 1;
  private static final int SCALE_SUM = 2;

  private final PegasosConfig config;

  private Pegasos(PegasosConfig config, Task task, int dimension,
      Map<String, String> hyperparameters, LinearState state) {
    super(config.averaged() ? AVERAGED_TYPE : TYPE, task, dimension, hyperparameters, state);
    this.config = config;
  }

  static Pegasos create(boolean averaged, ParamValues params, int dimension, Task task) {
    PegasosConfig config = new PegasosConfig(
        params.get(averaged ? LinearParams.AVERAGED_LAMBDA : LinearParams.LAMBDA), averaged);
    return new Pegasos(config, task, dimension, hyperparameters(params),
        new LinearState(dimension, classes(task, params), averaged ? 2 : 1, 1.0, 0.0, 0.0));
  }

  @Override
  LinearLearner withState(LinearState state) {
    return new Pegasos(config, task(), dimension(), hyperparameters(), state);
  }

  @Override
  double score(int k, FeatureVector x) {
    if (!config.averaged()) {
      return learningScore(k, x);
    }
    if (state.steps == 0) {
      // No iterate yet: the score is 0, but still NaN for a non-finite input (see checkedScore).
      return x.dot(state.tables[V][k]) * 0.0;
    }
    double[] v = state.tables[V][k];
    double[] u = state.tables[U][k];
    double sum = state.scalars[SCALE_SUM][k] * x.dot(v) - x.dot(u) + u[u.length - 1];
    return sum / state.steps;
  }

  /** The current iterate's score a·(v·x) + b, which the update works on (also for pegasos-avg). */
  @Override
  double learningScore(int k, FeatureVector x) {
    double[] v = state.tables[V][k];
    return state.scalars[SCALE][k] * x.dot(v) + v[v.length - 1];
  }

  @Override
  void learnBinary(int k, FeatureVector x, double y, double score) {
    boolean averaged = config.averaged();
    double[] v = state.tables[V][k];
    double[] u = averaged ? state.tables[U][k] : v;
    double[] scale = state.scalars[SCALE];
    double[] norm = state.scalars[NORM];
    double[] scaleSum = state.scalars[SCALE_SUM];
    int bias = v.length - 1;
    double margin = y * score;
    double eta = 1 / (config.lambda() * state.steps);
    double shrink = 1 - 1.0 / state.steps;
    if (shrink == 0) {
      scale[k] = 0.0;
      fold(state, k, averaged);
    } else {
      scale[k] *= shrink;
    }
    if (margin < 1) {
      double c = eta * y / scale[k];
      double a = scaleSum[k];
      double squared = norm[k];
      for (int e = 0, n = x.size(); e < n; e++) {
        int i = x.index(e);
        double delta = c * x.value(e);
        double old = v[i];
        v[i] = old + delta;
        squared += delta * (old + v[i]);
        if (averaged) {
          u[i] += a * delta;
        }
      }
      norm[k] = squared;
      v[bias] += eta * y;
    }
    double squaredW = scale[k] * scale[k] * norm[k];
    if (squaredW * config.lambda() > 1) {
      scale[k] /= Math.sqrt(squaredW * config.lambda());
    }
    if (averaged) {
      scaleSum[k] += scale[k];
      u[bias] += v[bias];
    }
    if (scale[k] < FOLD_BELOW) {
      fold(state, k, averaged);
    }
  }

  /**
   * Rewrites class k's model in explicit form without changing w = a·v or S = A·v − u: v ← a·v,
   * u ← u − A·v (the old v), a = 1, A = 0, and recomputes ‖v‖². O(d); run when a is tiny (so that v
   * does not grow without bound), at t = 1 (where the shrink factor is 0), and before merging (where
   * the explicit form makes weighted averaging of the state exact).
   */
  private static void fold(LinearState state, int k, boolean averaged) {
    double[] v = state.tables[V][k];
    double a = state.scalars[SCALE][k];
    double sum = state.scalars[SCALE_SUM][k];
    double squared = 0;
    for (int i = 0; i < v.length - 1; i++) {
      if (averaged) {
        state.tables[U][k][i] -= sum * v[i];
      }
      v[i] *= a;
      squared += v[i] * v[i];
    }
    state.scalars[SCALE][k] = 1.0;
    state.scalars[SCALE_SUM][k] = 0.0;
    state.scalars[NORM][k] = squared;
  }

  @Override
  LinearState canonicalState() {
    LinearState canonical = state.copy();
    for (int k = 0; k < canonical.classes; k++) {
      fold(canonical, k, config.averaged());
    }
    return canonical;
  }

  @Override
  LinearState mergeStates(List<LinearState> canonical, double[] weights) {
    LinearState merged = LinearState.average(canonical, weights);
    for (int k = 0; k < merged.classes; k++) {
      double[] v = merged.tables[V][k];
      double squared = 0;
      for (int i = 0; i < v.length - 1; i++) {
        squared += v[i] * v[i];
      }
      merged.scalars[NORM][k] = squared;
    }
    return merged;
  }
}
