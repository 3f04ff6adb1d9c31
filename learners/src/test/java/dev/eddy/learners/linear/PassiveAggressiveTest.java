package dev.eddy.learners.linear;

import static dev.eddy.learners.linear.LinearTesting.assertWeights;
import static dev.eddy.learners.linear.LinearTesting.create;
import static dev.eddy.learners.linear.LinearTesting.learn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.eddy.learners.FeatureVector;
import dev.eddy.learners.OnlineLearner;
import dev.eddy.learners.Prediction;
import dev.eddy.learners.SyntheticStreams;
import dev.eddy.learners.SyntheticStreams.Example;
import dev.eddy.learners.Task;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * PA, PA-I, PA-II: the contract, golden values derived by hand from the update rules of Crammer et
 * al. 2006 (x̃ = (x, 1) carries the bias), and learnable multiclass and regression streams.
 */
class PassiveAggressiveTest {

  private static final double[][] XS = {{1, 2}, {2, -1}};
  private static final double[] LABELS = {1, 0};

  /**
   * PA on x1 = (1,2), y = +1 then x2 = (2,−1), y = −1 (label 0).
   * Step 1: score 0, ℓ = 1, ‖x̃‖² = 1 + 4 + 1 = 6, τ = 1/6: w = (1/6, 2/6), b = 1/6.
   * Step 2: score = 2/6 − 2/6 + 1/6 = 1/6, ℓ = 1 + 1/6 = 7/6, ‖x̃‖² = 4 + 1 + 1 = 6, τ = 7/36:
   * w = (6/36 − 14/36, 12/36 + 7/36) = (−8/36, 19/36), b = 6/36 − 7/36 = −1/36.
   */
  @Test
  void paGoldenValues() {
    LinearLearner pa = learn(create("pa", Map.of(), 2, Task.BINARY), XS, LABELS);
    assertWeights(pa, 0, -8.0 / 36, 19.0 / 36, -1.0 / 36);
    Prediction p = pa.predict(FeatureVector.dense(new double[] {1, 1}));
    assertThat(p.score()).isCloseTo(10.0 / 36, within(1e-12));
    assertThat(p.label()).isEqualTo(1.0);
    assertThat(p.hasProbability()).isFalse();
  }

  /**
   * PA-I with C = 0.1, where the cap binds on both steps.
   * Step 1: ℓ = 1, ℓ/‖x̃‖² = 1/6 > C, τ = 0.1: w = (0.1, 0.2), b = 0.1.
   * Step 2: score = 0.2 − 0.2 + 0.1 = 0.1, ℓ = 1.1, 1.1/6 > C, τ = 0.1: w = (0.1 − 0.2, 0.2 + 0.1)
   * = (−0.1, 0.3), b = 0.
   */
  @Test
  void paIGoldenValues() {
    LinearLearner paI = learn(create("pa-i", Map.of("C", "0.1"), 2, Task.BINARY), XS, LABELS);
    assertWeights(paI, 0, -0.1, 0.3, 0.0);
  }

  /**
   * PA-II with C = 0.5: 1/(2C) = 1.
   * Step 1: τ = 1/(6 + 1) = 1/7: w = (1/7, 2/7), b = 1/7.
   * Step 2: score = 2/7 − 2/7 + 1/7 = 1/7, ℓ = 8/7, τ = (8/7)/7 = 8/49: w = (7/49 − 16/49, 14/49 +
   * 8/49) = (−9/49, 22/49), b = 7/49 − 8/49 = −1/49.
   */
  @Test
  void paIIGoldenValues() {
    LinearLearner paII = learn(create("pa-ii", Map.of("C", "0.5"), 2, Task.BINARY), XS, LABELS);
    assertWeights(paII, 0, -9.0 / 49, 22.0 / 49, -1.0 / 49);
  }

  /**
   * PA-I regression, C = 1, ε = 0.1, on x1 = (1,2), y = 2 then x2 = (2,−1), y = −1.
   * Step 1: ŷ = 0, ℓ = 2 − 0.1 = 1.9, τ = min(1, 1.9/6) = 19/60, sign +: w = (19/60, 38/60), b =
   * 19/60 (ŷ becomes 1.9 = y − ε).
   * Step 2: ŷ = 2·19/60 − 38/60 + 19/60 = 19/60, ℓ = |19/60 + 1| − 0.1 = 73/60, τ = (73/60)/6 =
   * 73/360, sign −: w = (114/360 − 146/360, 228/360 + 73/360) = (−32/360, 301/360), b = 114/360 −
   * 73/360 = 41/360.
   */
  @Test
  void paIRegressionGoldenValues() {
    LinearLearner reg = learn(create("pa-i", Map.of("C", "1", "epsilon", "0.1"), 2,
        Task.REGRESSION), XS, new double[] {2, -1});
    assertWeights(reg, 0, -32.0 / 360, 301.0 / 360, 41.0 / 360);
    Prediction p = reg.predict(FeatureVector.dense(new double[] {1, 1}));
    assertThat(p.label()).isEqualTo(p.score());
    assertThat(p.score()).isCloseTo(310.0 / 360, within(1e-12));
  }

  /** Inside the ε-tube nothing changes: after x1 the prediction is y − ε exactly. */
  @Test
  void regressionIsPassiveInsideTheTube() {
    LinearLearner reg = learn(create("pa", Map.of("epsilon", "0.1"), 2, Task.REGRESSION),
        new double[][] {{1, 2}}, new double[] {2});
    assertWeights(reg, 0, 1.9 / 6, 3.8 / 6, 1.9 / 6);
    reg.learn(FeatureVector.dense(new double[] {1, 2}), 1.95);
    assertWeights(reg, 0, 1.9 / 6, 3.8 / 6, 1.9 / 6);
  }

  /**
   * The paper's multiclass PA (Section 7), K = 3, d = 2, on x1 = (1,2), y = 0 then x2 = (2,−1), y = 2.
   * Step 1: all scores 0, rival r = 1 (first best other class), ℓ = 1, direction norm 2·6 = 12, τ =
   * 1/12: w0 = (1/12, 2/12), b0 = 1/12; w1 = −w0, b1 = −1/12; w2 = 0.
   * Step 2: scores s0 = 2/12 − 2/12 + 1/12 = 1/12, s1 = −1/12, s2 = 0; r = 0; ℓ = 1 − (0 − 1/12) =
   * 13/12; τ = 13/144: w2 = (26/144, −13/144), b2 = 13/144; w0 = (12/144 − 26/144, 24/144 + 13/144)
   * = (−14/144, 37/144), b0 = −1/144; w1 unchanged.
   */
  @Test
  void multiVectorGoldenValues() {
    LinearLearner pa = learn(create("pa", Map.of("multiclass", "multi-vector", "classes", "3"), 2,
        Task.MULTICLASS), XS, new double[] {0, 2});
    assertWeights(pa, 0, -14.0 / 144, 37.0 / 144, -1.0 / 144);
    assertWeights(pa, 1, -12.0 / 144, -24.0 / 144, -12.0 / 144);
    assertWeights(pa, 2, 26.0 / 144, -13.0 / 144, 13.0 / 144);
    Prediction p = pa.predict(FeatureVector.dense(new double[] {1, 1}));
    assertThat(p.label()).isEqualTo(2.0);
    assertThat(p.score()).isCloseTo(26.0 / 144, within(1e-12));
  }

  /** One-vs-rest runs the binary rule per class: class 1's model sees label −1 on both steps. */
  @Test
  void oneVsRestRunsTheBinaryRulePerClass() {
    LinearLearner ovr = learn(create("pa", Map.of(), 2, Task.MULTICLASS), XS, new double[] {0, 1});
    LinearLearner zero = learn(create("pa", Map.of(), 2, Task.BINARY), XS, new double[] {1, 0});
    LinearLearner one = learn(create("pa", Map.of(), 2, Task.BINARY), XS, new double[] {0, 1});
    assertWeights(ovr, 0, LinearTesting.weights(zero, 0));
    assertWeights(ovr, 1, LinearTesting.weights(one, 0));
  }

  @Test
  void aNewClassIndexGrowsTheModel() {
    LinearLearner pa = create("pa-ii", Map.of(), 2, Task.MULTICLASS);
    assertThat(pa.classes()).isEqualTo(2);
    pa.learn(FeatureVector.dense(new double[] {1, 2}), 4);
    assertThat(pa.classes()).isEqualTo(5);
    assertThat(pa.predict(FeatureVector.dense(new double[] {1, 2})).label()).isEqualTo(4.0);
    assertThatThrownBy(() -> pa.learn(FeatureVector.dense(new double[] {1, 2}), 1.5))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1.5");
  }

  @Test
  void hyperparametersAreValidatedNamingParameterAndValue() {
    assertThatThrownBy(() -> create("pa-i", Map.of("C", "-2"), 2, Task.BINARY))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("C")
        .hasMessageContaining("-2.0");
    assertThatThrownBy(() -> create("pa-ii", Map.of("C", "abc"), 2, Task.BINARY))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'abc'");
    assertThatThrownBy(() -> create("pa", Map.of("C", "1"), 2, Task.BINARY))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'C'");
    assertThatThrownBy(() -> create("pa", Map.of("epsilon", "-1"), 2, Task.REGRESSION))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("epsilon");
    assertThatThrownBy(() -> create("pa", Map.of("multiclass", "x"), 2, Task.MULTICLASS))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("multi-vector");
    assertThatThrownBy(() -> create("pa", Map.of("multiclass", "multi-vector"), 2, Task.BINARY))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("multiclass");
    assertThat(create("pa-i", Map.of(), 2, Task.REGRESSION).hyperparameters())
        .containsEntry("C", "0.03").containsEntry("epsilon", "0.1");
    assertThat(create("pa-ii", Map.of(), 2, Task.BINARY).hyperparameters()).containsEntry("C", "0.01");
  }

  /** Stated: ≥ 95 % prequential accuracy over the last 2000 of 5000 examples of 3 blobs in d = 10. */
  @Test
  void multiclassLearnsThreeBlobs() {
    for (Map<String, String> params : new Map[] {Map.of(), Map.of("multiclass", "multi-vector")}) {
      OnlineLearner learner = create("pa-i", params, 10, Task.MULTICLASS);
      int correct = 0;
      int t = 0;
      for (Example e : SyntheticStreams.dense(21, 5000, 10, Task.MULTICLASS, 3)) {
        if (t++ >= 3000 && learner.predict(e.x()).label() == e.label()) {
          correct++;
        }
        learner.learn(e.x(), e.label());
      }
      assertThat(correct / 2000.0).as("%s", params).isGreaterThan(0.95);
    }
  }

  /** Stated: MAE < 0.15 over the last 2000 of 5000 examples of y = w*·x + 0.5 + N(0, 0.1²), d = 10. */
  @Test
  void regressionLearnsALinearTarget() {
    for (String type : new String[] {"pa", "pa-i", "pa-ii"}) {
      OnlineLearner learner = create(type, Map.of("epsilon", "0.05"), 10, Task.REGRESSION);
      double error = 0;
      int t = 0;
      for (Example e : SyntheticStreams.dense(22, 5000, 10, Task.REGRESSION, 1)) {
        if (t++ >= 3000) {
          error += Math.abs(learner.predict(e.x()).label() - e.label());
        }
        learner.learn(e.x(), e.label());
      }
      assertThat(error / 2000).as(type).isLessThan(0.15);
    }
  }
}
