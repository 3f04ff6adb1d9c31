package dev.eddy.learners.linear;

import static dev.eddy.learners.linear.LinearTesting.PROBE;
import static dev.eddy.learners.linear.LinearTesting.assertWeights;
import static dev.eddy.learners.linear.LinearTesting.create;
import static dev.eddy.learners.linear.LinearTesting.learn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.eddy.learners.FeatureVector;
import dev.eddy.learners.Learners;
import dev.eddy.learners.Task;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Diagonal AdaGrad logistic regression: contract, golden values, finite-difference gradient. */
class AdaGradTest {

  /*
   * η = 0.5, δ = 1e-8, x1 = (1,2) y = 1, x2 = (2,−1) y = 0; (x, 1) carries the bias.
   * Step 1: s = 0, g = −0.5; g_i = (−0.5, −1, −0.5), G = (0.25, 1, 0.25);
   *   w_i = −0.5·g_i/(δ + √G_i) = (0.5, 0.5, 0.5) up to δ: (0.49999999000000017,
   *   0.4999999950000001, 0.49999999000000017).
   * Step 2: s = 2·0.5 − 0.5 + 0.5 = 0.9999999750000004, g = σ(s) = 0.7310585737147065;
   *   g_i = (1.4621171474294130, −0.7310585737147065, 0.7310585737147065),
   *   G = (2.387786552807124, 1.534446638201781, 0.784446638201781),
   *   w = (0.026898385484591336, 0.7950844153940364, 0.08729428613231355).
   */
  @Test
  void goldenValues() {
    LinearLearner ada = learn(create("adagrad", Map.of("learning-rate", "0.5"), 2, Task.BINARY),
        new double[][] {{1, 2}, {2, -1}}, new double[] {1, 0});
    assertWeights(ada, 0, 0.026898385484591336, 0.7950844153940364, 0.08729428613231355);
    assertThat(ada.state.tables[1][0])
        .containsExactly(new double[] {2.387786552807124, 1.534446638201781, 0.784446638201781},
            within(1e-12));
  }

  /**
   * One step adds g_i² to G_i and moves w_i by −η·g_i/(δ + √G_i); the g_i recovered from both must
   * equal the finite-difference gradient of the log loss.
   */
  @Test
  void theStepFollowsTheFiniteDifferenceGradient() {
    LinearLearner ada = LinearTesting.warmedUp("adagrad", Map.of("learning-rate", "0.1"));
    double[] before = LinearTesting.weights(ada, 0);
    double[] sumsBefore = ada.state.tables[1][0].clone();
    double[] numeric = LinearTesting.numericLogLossGradient(before, PROBE, -1);
    ada.learn(FeatureVector.dense(PROBE), 0);
    double[] after = LinearTesting.weights(ada, 0);
    double[] sums = ada.state.tables[1][0];
    for (int i = 0; i < before.length; i++) {
      double g = (before[i] - after[i]) * (1e-8 + Math.sqrt(sums[i])) / 0.1;
      assertThat(g).as("g_%d from the weight step", i).isCloseTo(numeric[i], within(1e-7));
      assertThat(sums[i] - sumsBefore[i]).as("g_%d² from G", i)
          .isCloseTo(numeric[i] * numeric[i], within(1e-7));
    }
  }

  @Test
  void parametersAreValidated() {
    assertThatThrownBy(() -> create("adagrad", Map.of("delta", "-1"), 2, Task.BINARY))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("delta")
        .hasMessageContaining("-1.0");
  }

  /**
   * Merging (replicas weighted 3 : 1) averages the weights and the squared-gradient sums G per
   * coordinate with the same weights, and the merged learner's next step is sized by the merged G.
   * Golden values from the two learners of {@link #goldenValues} (after x1, x2) and after x1 alone
   * (G = (0.25, 1, 0.25), w = 0.5 up to δ), computed by hand; the next step is computed here.
   */
  @Test
  void mergeAveragesTheSquaredGradientSumsAndTheNextStepUsesThem() {
    LinearLearner a = learn(create("adagrad", Map.of("learning-rate", "0.5"), 2, Task.BINARY),
        new double[][] {{1, 2}, {2, -1}}, new double[] {1, 0});
    LinearLearner b = learn(create("adagrad", Map.of("learning-rate", "0.5"), 2, Task.BINARY),
        new double[][] {{1, 2}}, new double[] {1});
    LinearLearner merged = (LinearLearner) Learners.merge(List.of(a, b), new double[] {3, 1});
    double[] g = {1.853339914605343, 1.40083497865133575, 0.65083497865133575}; // 0.75·G_a + 0.25·G_b
    assertThat(merged.state.tables[1][0]).containsExactly(g, within(1e-12));
    double[] w = {0.75 * 0.026898385484591336 + 0.25 * 0.49999999000000017,
        0.75 * 0.7950844153940364 + 0.25 * 0.4999999950000001, 0.75 * 0.08729428613231355 + 0.25 * 0.49999999000000017};
    assertWeights(merged, 0, w);

    // the next step, x = (2, −1), y = 0: g = σ(w·x + b), g_i = g·x_i, G_i += g_i², w_i −= 0.5·g_i / (1e-8 + √G_i)
    double[] x = {2, -1, 1};
    double sigma = 1 / (1 + Math.exp(-(w[0] * 2 - w[1] + w[2])));
    double[] expected = new double[3];
    for (int i = 0; i < 3; i++) {
      double gi = sigma * x[i];
      expected[i] = w[i] - 0.5 * gi / (1e-8 + Math.sqrt(g[i] + gi * gi));
    }
    merged.learn(FeatureVector.dense(new double[] {2, -1}), 0);
    assertWeights(merged, 0, expected);
  }
}
