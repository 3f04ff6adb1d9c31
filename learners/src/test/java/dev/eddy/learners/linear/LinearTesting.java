package dev.eddy.learners.linear;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.eddy.learners.FeatureVector;
import dev.eddy.learners.Learners;
import dev.eddy.learners.Task;
import java.util.Map;

/** Helpers for the golden-value tests of the linear learners. */
final class LinearTesting {
  static final double EXACT = 1e-12;

  private LinearTesting() {}

  static LinearLearner create(String type, Map<String, String> params, int dimension, Task task) {
    return (LinearLearner) Learners.create(type, params, dimension, task);
  }

  /** Learns dense examples {x, label} in order. */
  static LinearLearner learn(LinearLearner learner, double[][] xs, double[] labels) {
    for (int t = 0; t < xs.length; t++) {
      learner.learn(FeatureVector.dense(xs[t]), labels[t]);
    }
    return learner;
  }

  /**
   * The effective weights (w_1..w_d, b) of class k's model as its scores show them: b is the score
   * of the zero vector, w_i the score of e_i minus b.
   */
  static double[] weights(LinearLearner learner, int k) {
    int d = learner.dimension();
    double[] out = new double[d + 1];
    out[d] = learner.score(k, FeatureVector.dense(new double[d]));
    for (int i = 0; i < d; i++) {
      double[] e = new double[d];
      e[i] = 1;
      out[i] = learner.score(k, FeatureVector.dense(e)) - out[d];
    }
    return out;
  }

  static void assertWeights(LinearLearner learner, int k, double... expected) {
    double[] actual = weights(learner, k);
    assertThat(actual).hasSize(expected.length);
    for (int i = 0; i < expected.length; i++) {
      assertThat(actual[i]).as("class %d entry %d of %s", k, i, learner).isCloseTo(expected[i],
          within(EXACT));
    }
  }

  /**
   * Central finite differences (step 1e-6) of the log loss log(1 + exp(−y·(w·x + b))), y ∈ {−1,+1},
   * with respect to (w_1..w_d, b), written independently of the learners' own gradient code.
   */
  static double[] numericLogLossGradient(double[] wb, double[] x, double y) {
    return numericGradient(wb, w -> Math.log1p(Math.exp(-y * linearScore(w, x))));
  }

  /** Central finite differences (step 1e-6) of {@code loss} with respect to (w_1..w_d, b). */
  static double[] numericGradient(double[] wb, java.util.function.ToDoubleFunction<double[]> loss) {
    double h = 1e-6;
    double[] gradient = new double[wb.length];
    for (int i = 0; i < wb.length; i++) {
      double[] plus = wb.clone();
      double[] minus = wb.clone();
      plus[i] += h;
      minus[i] -= h;
      gradient[i] = (loss.applyAsDouble(plus) - loss.applyAsDouble(minus)) / (2 * h);
    }
    return gradient;
  }

  /** w·x + b for (w_1..w_d, b), computed here, apart from the learners' code. */
  static double linearScore(double[] wb, double[] x) {
    double s = wb[wb.length - 1];
    for (int i = 0; i < x.length; i++) {
      s += wb[i] * x[i];
    }
    return s;
  }

  /** A learner trained on 50 seeded examples of dimension 5, so that its weights are not trivial. */
  static LinearLearner warmedUp(String type, Map<String, String> params) {
    LinearLearner learner = create(type, params, 5, Task.BINARY);
    for (dev.eddy.learners.SyntheticStreams.Example e :
        dev.eddy.learners.SyntheticStreams.dense(41, 50, 5, Task.BINARY, 1)) {
      learner.learn(e.x(), e.label());
    }
    return learner;
  }

  /** The next example of the warm-up stream's kind, as a dense array (label 0 there: y = −1). */
  static final double[] PROBE = {0.7, -1.3, 0.2, 2.1, -0.4};
}
