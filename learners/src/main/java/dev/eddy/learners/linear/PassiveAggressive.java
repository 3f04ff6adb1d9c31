package dev.eddy.learners.linear;

import dev.eddy.learners.FeatureVector;
import dev.eddy.learners.Task;
import dev.eddy.learners.params.ParamValues;
import dev.eddy.learners.linear.PassiveAggressiveConfig.Variant;
import java.util.EnumSet;
import java.util.Map;

/**
 * Passive-aggressive learning (Crammer, Dekel, Keshet, Shalev-Shwartz, Singer, "Online
 * Passive-Aggressive Algorithms", JMLR 7, 2006): after each example, the smallest change of w that
 * removes its hinge loss (PA), capped at C (PA-I), or traded off against it (PA-II):
 *
 * <pre>
 *   binary      ℓ = max(0, 1 − y·(w·x + b)),         w += τ·y·x, b += τ·y
 *   regression  ℓ = max(0, |w·x + b − y| − ε),       w += τ·sign(y − ŷ)·x, b likewise
 *   multiclass  r = argmax_{s≠y} w_s·x + b_s,
 *     (paper,   ℓ = max(0, 1 − (score_y − score_r)), w_y += τ·x, w_r −= τ·x (direction norm 2‖x̃‖²)
 *     Sec. 7)
 * </pre>
 *
 * with τ from {@link PassiveAggressiveConfig#cap()}, x̃ = (x, 1) carrying the bias, so ‖x̃‖² = ‖x‖² + 1.
 * One-vs-rest multiclass runs the binary rule per class. State: one table, the weights.
 */
final class PassiveAggressive extends LinearLearner implements dev.eddy.learners.PlainWeights {

  private final PassiveAggressiveConfig config;
  private final double cap;
  private final double extra;

  private PassiveAggressive(PassiveAggressiveConfig config, Task task, int dimension,
      Map<String, String> hyperparameters, LinearState state) {
    super(config.variant().type, task, dimension, hyperparameters, state);
    this.config = config;
    this.cap = config.cap();
    this.extra = config.extra();
  }

  /** τ = min(cap, ℓ/(‖x‖² + extra)): see {@link PassiveAggressiveConfig#cap()}. */
  private double step(double loss, double squaredNorm) {
    return Math.min(cap, loss / (squaredNorm + extra));
  }

  static PassiveAggressive create(Variant variant, ParamValues params, int dimension, Task task) {
    double c = variant == Variant.PA
        ? Double.POSITIVE_INFINITY : params.get(LinearParams.aggressiveness(variant));
    boolean multiVector = task == Task.MULTICLASS
        && params.get(LinearParams.MULTICLASS).equals(PassiveAggressiveConfig.MULTI_VECTOR);
    PassiveAggressiveConfig config = new PassiveAggressiveConfig(
        variant, c, params.get(LinearParams.EPSILON), multiVector);
    return new PassiveAggressive(config, task, dimension, hyperparameters(params),
        new LinearState(dimension, classes(task, params), 1));
  }

  @Override
  LinearLearner withState(LinearState state) {
    return new PassiveAggressive(config, task(), dimension(), hyperparameters(), state);
  }

  @Override
  double score(int k, FeatureVector x) {
    return biasedScore(state.tables[0][k], x);
  }

  @Override
  void learnBinary(int k, FeatureVector x, double y, double score) {
    double loss = 1 - y * score;
    if (loss > 0) {
      update(state.tables[0][k], x, y * step(loss, x.squaredNorm() + 1));
    }
  }

  @Override
  void learnRegression(FeatureVector x, double label, double predicted) {
    double loss = Math.abs(predicted - label) - config.epsilon();
    if (loss > 0) {
      double tau = step(loss, x.squaredNorm() + 1);
      update(state.tables[0][0], x, label > predicted ? tau : -tau);
    }
  }

  @Override
  void learnMulticlass(FeatureVector x, int label) {
    if (!config.multiVector()) {
      super.learnMulticlass(x, label);
      return;
    }
    int rival = -1;
    double rivalScore = Double.NEGATIVE_INFINITY;
    for (int k = 0; k < state.classes; k++) {
      if (k != label) {
        double s = score(k, x);
        if (s > rivalScore) {
          rival = k;
          rivalScore = s;
        }
      }
    }
    double loss = 1 - (score(label, x) - rivalScore);
    if (loss > 0) {
      double tau = step(loss, 2 * (x.squaredNorm() + 1));
      update(state.tables[0][label], x, tau);
      update(state.tables[0][rival], x, -tau);
    }
  }

  private static void update(double[] w, FeatureVector x, double scale) {
    x.addTo(w, scale);
    w[w.length - 1] += scale;
  }
}
