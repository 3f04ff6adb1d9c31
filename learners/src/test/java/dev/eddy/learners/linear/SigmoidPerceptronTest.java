package dev.eddy.learners.linear;

import static dev.eddy.learners.linear.LinearTesting.PROBE;
import static dev.eddy.learners.linear.LinearTesting.assertWeights;
import static dev.eddy.learners.linear.LinearTesting.create;
import static dev.eddy.learners.linear.LinearTesting.learn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.eddy.learners.FeatureVector;
import dev.eddy.learners.Prediction;
import dev.eddy.learners.Task;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The sigmoid unit with the delta rule (MOA's Perceptron): golden values, finite differences. */
class SigmoidPerceptronTest {

  private static final double[][] XS = {{1, 2}, {2, -1}, {3, 1}, {-1, 3}, {0.5, -0.5}};
  private static final double[] LABELS = {1, 0, 1, 1, 0};

  /*
   * r = 1, x1 = (1,2), t = 1: p = σ(0) = 0.5, δ = 0.5·0.5·0.5 = 0.125: w = (0.125, 0.25), b = 0.125.
   * x2 = (2,−1), t = 0: s = 0.25 − 0.25 + 0.125 = 0.125, p = σ(0.125) = 0.5312093733737563,
   * δ = −p·p·(1 − p) = −0.13224057... : w = (0.125 + 2δ, 0.25 − δ), b = 0.125 + δ; computed
   * independently (Python): (−0.1395698642815449, 0.3822849321407724, −0.007284932140772443).
   */
  @Test
  void goldenValues() {
    LinearLearner p = learn(create("perceptron", Map.of(), 2, Task.BINARY),
        new double[][] {XS[0]}, new double[] {LABELS[0]});
    assertWeights(p, 0, 0.125, 0.25, 0.125);
    learn(p, new double[][] {XS[1]}, new double[] {LABELS[1]});
    assertWeights(p, 0, -0.1395698642815449, 0.3822849321407724, -0.007284932140772443);
    Prediction at0 = p.predict(FeatureVector.dense(new double[2]));
    assertThat(at0.probability()).isCloseTo(1 / (1 + Math.exp(0.007284932140772443)), within(1e-15));

    LinearLearner half = learn(create("perceptron", Map.of("learning-rate", "0.5"), 2, Task.BINARY), XS, LABELS);
    assertWeights(half, 0, 0.054727359758417, 0.3936986235268768, 0.036721825755026055);
  }

  /** One step moves (w, b) by −r times the finite-difference gradient of ½(t − σ(w·x + b))². */
  @Test
  void theStepFollowsTheFiniteDifferenceGradientOfTheSquaredError() {
    LinearLearner p = LinearTesting.warmedUp("perceptron", Map.of("learning-rate", "0.3"));
    double[] before = LinearTesting.weights(p, 0);
    double[] numeric = LinearTesting.numericGradient(before, w -> squaredError(LinearTesting.linearScore(w, PROBE), 1));
    p.learn(FeatureVector.dense(PROBE), 1);
    double[] after = LinearTesting.weights(p, 0);
    for (int i = 0; i < before.length; i++) {
      assertThat((before[i] - after[i]) / 0.3).as("coordinate %d", i).isCloseTo(numeric[i], within(1e-8));
    }
  }

  private static double squaredError(double score, double target) {
    double out = 1 / (1 + Math.exp(-score));
    return 0.5 * (target - out) * (target - out);
  }
}
