package dev.eddy.learners.linear;

import static dev.eddy.learners.linear.LinearTesting.assertWeights;
import static dev.eddy.learners.linear.LinearTesting.create;
import static dev.eddy.learners.linear.LinearTesting.learn;
import static dev.eddy.learners.linear.LinearTesting.weights;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.eddy.learners.FeatureVector;
import dev.eddy.learners.Task;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** ALMA_2 (Gentile 2001, Fig. 1, p = 2): golden values of the paper's update rule. */
class AlmaTest {

  private static final double[][] XS = {{1, 2}, {2, -1}, {3, 1}, {-1, 3}, {0.5, -0.5}};
  private static final double[] LABELS = {1, 0, 1, 1, 0};

  /*
   * The paper's theory values α = 0.9, B = 1/α, C = √2, given explicitly (the defaults are
   * measured on streams: {@link #defaultsAreTheMeasuredOnes}); the bias is a constant feature 1,
   * x̂ = (x, 1)/‖(x, 1)‖.
   * 1: k = 1, γ = B = 1.1111, margin 0 <= 0.1γ: η = √2, w = √2·(1,2,1)/√6, ‖w‖ = √2 > 1, so
   *    w = (1,2,1)/√6 = x̂; k = 2.
   * 2: x̂ = (2,−1,1)/√6, y = −1: y·w·x̂ = −(2 − 2 + 1)/6 = −1/6 <= 0.1·B/√2: η = √2/√2 = 1,
   *    w = ((1,2,1) − (2,−1,1))/√6 = (−1,3,0)/√6, ‖w‖² = 10/6 > 1: w = (−1,3,0)/√10; k = 3.
   * 3: x̂ = (3,1,1)/√11, y·w·x̂ = (−3 + 3)/√110 = 0 <= 0.1·B/√3: η = √2/√3, then the projection;
   *    k = 4. 4 and 5 are beyond the margin: no update. The final weights come from an
   *    independent implementation of Fig. 1 (Python, not the code under test):
   *    (0.32712857926903766, 0.925539440684072, 0.19069251784911848), k = 4.
   */
  @Test
  void theoryValuesGoldenValues() {
    LinearLearner alma = create("alma", Map.of("alpha", "0.9", "C", String.valueOf(Math.sqrt(2))), 2, Task.BINARY);
    learn(alma, new double[][] {XS[0]}, new double[] {LABELS[0]});
    double s6 = Math.sqrt(6);
    assertWeights(alma, 0, 1 / s6, 2 / s6, 1 / s6);
    learn(alma, new double[][] {XS[1]}, new double[] {LABELS[1]});
    double s10 = Math.sqrt(10);
    assertWeights(alma, 0, -1 / s10, 3 / s10, 0);
    learn(alma, new double[][] {XS[2], XS[3], XS[4]}, new double[] {LABELS[2], LABELS[3], LABELS[4]});
    assertWeights(alma, 0, 0.32712857926903766, 0.925539440684072, 0.19069251784911848);
    assertThat(alma.state.scalars[0][0]).as("k: three updates").isEqualTo(4.0);
  }

  /** α 0.15 and C 1.5 (BENCHMARKS.md "Defaults against the best, seven streams"), B = 1/α. */
  @Test
  void defaultsAreTheMeasuredOnes() {
    LinearLearner alma = create("alma", Map.of(), 2, Task.BINARY);
    assertThat(alma.hyperparameters()).containsEntry("alpha", "0.15").containsEntry("C", "1.5")
        .doesNotContainKey("B");
    LinearLearner explicit = create("alma", Map.of("alpha", "0.15", "B", String.valueOf(1 / 0.15), "C", "1.5"),
        2, Task.BINARY);
    learn(alma, XS, LABELS);
    learn(explicit, XS, LABELS);
    assertThat(weights(alma, 0)).containsExactly(weights(explicit, 0));
  }

  /** α = 0.5 (B = 1/α = 2), C = 1: the wider margin makes the fifth example an update too. */
  @Test
  void otherParametersGoldenValues() {
    LinearLearner alma = learn(create("alma", Map.of("alpha", "0.5", "C", "1"), 2, Task.BINARY), XS, LABELS);
    assertWeights(alma, 0, 0.08172790575563171, 0.9838207283364001, -0.15942811520065733);
    assertThat(alma.state.scalars[0][0]).isEqualTo(5.0);
    assertThat(alma.hyperparameters()).containsEntry("alpha", "0.5").doesNotContainKey("B");
    LinearLearner explicit = learn(create("alma", Map.of("alpha", "0.5", "B", "2", "C", "1"), 2, Task.BINARY),
        XS, LABELS);
    assertThat(weights(explicit, 0)).containsExactly(weights(alma, 0));
  }

  /** The projection keeps the weights in the unit ball, whatever the inputs' scale. */
  @Test
  void weightsStayInTheUnitBall() {
    LinearLearner alma = create("alma", Map.of(), 3, Task.BINARY);
    java.util.SplittableRandom r = new java.util.SplittableRandom(5);
    for (int t = 0; t < 500; t++) {
      double[] x = {r.nextDouble(-100, 100), r.nextDouble(-1, 1), r.nextDouble(-0.01, 0.01)};
      alma.learn(FeatureVector.dense(x), r.nextBoolean() ? 1 : 0);
      double squared = 0;
      for (double v : alma.state.tables[0][0]) {
        squared += v * v;
      }
      assertThat(squared).isLessThanOrEqualTo(1 + 1e-12);
    }
    assertThat(alma.predict(FeatureVector.dense(new double[] {1, 1, 1})).probability()).isNaN();
  }

  @Test
  void rejectsBadParametersNamingThem() {
    assertThatThrownBy(() -> create("alma", Map.of("alpha", "0"), 2, Task.BINARY))
        .hasMessageContaining("alpha").hasMessageContaining("0");
    assertThatThrownBy(() -> create("alma", Map.of("alpha", "1.5"), 2, Task.BINARY))
        .hasMessageContaining("alpha").hasMessageContaining("1.5");
    assertThatThrownBy(() -> create("alma", Map.of("B", "-1"), 2, Task.BINARY)).hasMessageContaining("B");
    assertThatThrownBy(() -> create("alma", Map.of(), 2, Task.REGRESSION)).hasMessageContaining("REGRESSION");
    assertThat(create("alma", Map.of("alpha", "1"), 2, Task.BINARY).predict(FeatureVector.dense(new double[2]))
        .score()).isCloseTo(0, within(0.0));
  }
}
