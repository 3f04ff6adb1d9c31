package dev.eddy.learners.linear;

import static dev.eddy.learners.linear.LinearTesting.PROBE;
import static dev.eddy.learners.linear.LinearTesting.assertWeights;
import static dev.eddy.learners.linear.LinearTesting.create;
import static dev.eddy.learners.linear.LinearTesting.learn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.eddy.learners.FeatureVector;
import dev.eddy.learners.Prediction;
import dev.eddy.learners.Task;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Logistic regression by SGD: contract, hand-derived golden values, finite-difference gradient. */
class LogisticSgdTest {

  private static final double[][] XS = {{1, 2}, {2, -1}};
  private static final double[] LABELS = {1, 0};

  /*
   * η = 0.5 constant, x1 = (1,2) y = 1, x2 = (2,−1) y = 0.
   * Step 1: s = 0, p = 0.5, g = p − 1 = −0.5: w = −0.5·(−0.5)·(1,2) = (0.25, 0.5), b = 0.25.
   * Step 2: s = 0.25 − 0.5 + 0.25 = 0.25, p = σ(0.25) = 0.5621765008857981, g = p:
   *   w = (0.25 − 0.5·g·2, 0.5 + 0.5·g) = (−0.31217650088579807, 0.7810882504428991),
   *   b = 0.25 − 0.5·g = −0.031088250442899035.
   */
  @Test
  void constantScheduleGoldenValues() {
    LinearLearner sgd = learn(create("logistic", Map.of("learning-rate", "0.5"), 2, Task.BINARY),
        XS, LABELS);
    assertWeights(sgd, 0, -0.31217650088579807, 0.7810882504428991, -0.031088250442899035);
    Prediction p = sgd.predict(FeatureVector.dense(new double[] {0, 0}));
    assertThat(p.probability()).isCloseTo(1 / (1 + Math.exp(0.031088250442899035)), within(1e-15));
    assertThat(p.label()).isEqualTo(0.0);
  }

  /*
   * η_t = 0.5/√t: step 1 as above (η = 0.5); step 2 with η = 0.5/√2 = 0.35355339059327373 and the
   * same g = 0.5621765008857981: w = (0.25 − 2ηg, 0.5 + ηg) = (−0.14751881600007294,
   * 0.6987594080000364), b = 0.25 − ηg = 0.05124059199996353.
   */
  @Test
  void inverseScalingGoldenValues() {
    LinearLearner sgd = learn(create("logistic",
        Map.of("learning-rate", "0.5", "schedule", "inverse-scaling"), 2, Task.BINARY), XS, LABELS);
    assertWeights(sgd, 0, -0.14751881600007294, 0.6987594080000364, 0.05124059199996353);
  }

  /** One step moves (w, b) by exactly −η_t times the finite-difference gradient of the log loss. */
  @Test
  void theStepFollowsTheFiniteDifferenceGradient() {
    for (Map<String, String> params : new Map[] {Map.of("learning-rate", "0.1"),
        Map.of("learning-rate", "0.1", "schedule", "inverse-scaling", "power-t", "0.5")}) {
      LinearLearner sgd = LinearTesting.warmedUp("logistic", params);
      double[] before = LinearTesting.weights(sgd, 0);
      double[] numeric = LinearTesting.numericLogLossGradient(before, PROBE, -1);
      sgd.learn(FeatureVector.dense(PROBE), 0);
      double eta = params.containsKey("schedule") ? 0.1 / Math.sqrt(51) : 0.1;
      double[] after = LinearTesting.weights(sgd, 0);
      for (int i = 0; i < before.length; i++) {
        assertThat((before[i] - after[i]) / eta).as("%s coordinate %d", params, i)
            .isCloseTo(numeric[i], within(1e-7));
      }
    }
  }

  @Test
  void parametersAreValidated() {
    assertThatThrownBy(() -> create("logistic", Map.of("learning-rate", "0"), 2, Task.BINARY))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("learning-rate");
    assertThatThrownBy(() -> create("logistic", Map.of("power-t", "2"), 2, Task.BINARY))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("power-t")
        .hasMessageContaining("2.0");
    assertThatThrownBy(() -> create("logistic", Map.of("schedule", "optimal"), 2, Task.BINARY))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'optimal'")
        .hasMessageContaining("inverse-scaling");
  }
}
