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
import dev.eddy.learners.OnlineLearner;
import dev.eddy.learners.Task;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** FTRL-Proximal: contract, golden values from Algorithm 1 of McMahan et al. 2013, gradient check. */
class FtrlTest {

  private static final Map<String, String> GOLDEN =
      Map.of("alpha", "0.5", "beta", "1", "l1", "0.1", "l2", "1");

  /*
   * α = 0.5, β = 1, λ₁ = 0.1, λ₂ = 1; x1 = (1,2) y = 1, x2 = (2,−1) y = 0; the bias is feature 1.
   * Step 1: z = n = 0, w = 0, p = 0.5, g = −0.5; per coordinate g_i = (−0.5, −1, −0.5),
   *   σ_i = √(g_i²)/α = (1, 2, 1), z_i = g_i − σ_i·0 = (−0.5, −1, −0.5), n = (0.25, 1, 0.25).
   * Step 2: w_i = −(z_i − sign(z_i)λ₁)/((β + √n_i)/α + λ₂): w_1 = 0.4/(3 + 1) = 0.1,
   *   w_2 = 0.9/(4 + 1) = 0.18, b = 0.4/4 = 0.1; s = 0.2 − 0.18 + 0.1 = 0.12, p = σ(0.12) =
   *   0.5299640517645717 = g; g_i = (2p, −p, p);
   *   z = (0.42553974335305567, −1.5773946614917849, −0.01575648847086958),
   *   n = (1.3734475846508867, 1.2808618961627216, 0.5308618961627216).
   * Final weights: w_1 = −(z_1 − 0.1)/((1 + √n_1)/0.5 + 1) = −0.060918195008174615,
   *   w_2 = 0.2806865604068765, and |z_b| = 0.0158 ≤ λ₁ so b = 0 exactly (L1 sparsity).
   */
  @Test
  void goldenValues() {
    LinearLearner ftrl = learn(create("ftrl", GOLDEN, 2, Task.BINARY),
        new double[][] {{1, 2}, {2, -1}}, new double[] {1, 0});
    assertThat(ftrl.state.tables[0][0]).containsExactly(new double[] {
        0.42553974335305567, -1.5773946614917849, -0.01575648847086958}, within(1e-12));
    assertThat(ftrl.state.tables[1][0]).containsExactly(new double[] {
        1.3734475846508867, 1.2808618961627216, 0.5308618961627216}, within(1e-12));
    assertWeights(ftrl, 0, -0.060918195008174615, 0.2806865604068765, 0.0);
    assertThat(ftrl.score(0, FeatureVector.dense(new double[2]))).isEqualTo(0.0);
  }

  /**
   * Algorithm 1 applies g_i through n_i += g_i² and z_i += g_i − σ_i·w_i; the g_i recovered from
   * either must equal the finite-difference gradient of the log loss at the weights.
   */
  @Test
  void theStepFollowsTheFiniteDifferenceGradient() {
    LinearLearner ftrl = LinearTesting.warmedUp("ftrl", Map.of("l1", "0.01", "alpha", "0.3"));
    double[] w = LinearTesting.weights(ftrl, 0);
    double[] z = ftrl.state.tables[0][0].clone();
    double[] n = ftrl.state.tables[1][0].clone();
    double[] numeric = LinearTesting.numericLogLossGradient(w, PROBE, -1);
    ftrl.learn(FeatureVector.dense(PROBE), 0);
    for (int i = 0; i < w.length; i++) {
      double nAfter = ftrl.state.tables[1][0][i];
      double sigma = (Math.sqrt(nAfter) - Math.sqrt(n[i])) / 0.3;
      double g = ftrl.state.tables[0][0][i] - z[i] + sigma * w[i];
      assertThat(g).as("g_%d from z", i).isCloseTo(numeric[i], within(1e-7));
      assertThat(nAfter - n[i]).as("g_%d² from n", i)
          .isCloseTo(numeric[i] * numeric[i], within(1e-7));
    }
  }

  /**
   * Merging averages the weights exactly even where L1 zeroes some of them, and the accumulators n
   * per coordinate with the same weights.
   */
  @Test
  void mergeAveragesTheWeights() {
    LinearLearner a = LinearTesting.warmedUp("ftrl", Map.of("l1", "0.5"));
    LinearLearner b = create("ftrl", Map.of("l1", "0.5"), 5, Task.BINARY);
    learn(b, new double[][] {PROBE, {1, 1, 1, 1, 1}}, new double[] {1, 0});
    OnlineLearner merged = Learners.merge(List.of(a, b), new double[] {3, 1});
    double[] wa = LinearTesting.weights(a, 0);
    double[] wb = LinearTesting.weights(b, 0);
    double[] wm = LinearTesting.weights((LinearLearner) merged, 0);
    for (int i = 0; i < wm.length; i++) {
      assertThat(wm[i]).isCloseTo(0.75 * wa[i] + 0.25 * wb[i], within(1e-12));
    }
    // the per-coordinate squared-gradient sums n are averaged with the same weights
    double[] na = a.state.tables[1][0];
    double[] nb = b.state.tables[1][0];
    double[] nm = ((LinearLearner) merged).state.tables[1][0];
    for (int i = 0; i < nm.length; i++) {
      assertThat(nm[i]).as("n_%d", i).isCloseTo(0.75 * na[i] + 0.25 * nb[i], within(1e-12));
    }
    assertThat(nm[0]).as("a coordinate both learned on").isPositive();
  }

  @Test
  void parametersAreValidated() {
    assertThatThrownBy(() -> create("ftrl", Map.of("l1", "-0.1"), 2, Task.BINARY))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("l1")
        .hasMessageContaining("-0.1");
    assertThatThrownBy(() -> create("ftrl", Map.of("alpha", "NaN"), 2, Task.BINARY))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("alpha");
  }
}
