package dev.eddy.learners.linear;

import static dev.eddy.learners.linear.LinearTesting.assertWeights;
import static dev.eddy.learners.linear.LinearTesting.create;
import static dev.eddy.learners.linear.LinearTesting.learn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.eddy.learners.FeatureVector;
import dev.eddy.learners.SyntheticStreams;
import dev.eddy.learners.SyntheticStreams.Example;
import dev.eddy.learners.Task;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Pegasos and averaged Pegasos: the contract, golden values derived by hand from the update of
 * Shalev-Shwartz et al. 2007, and the O(non-zeros) implementation (w = a·v, S = A·v − u) against a
 * plain O(d) reference over a long seeded stream.
 */
class PegasosTest {

  private static final double[][] XS = {{1, 2}, {2, -1}, {0, 1}};
  private static final double[] LABELS = {1, 0, 1};

  /*
   * λ = 0.5, radius 1/√λ = √2, on x1 = (1,2) y = +1, x2 = (2,−1) y = −1, x3 = (0,1) y = +1.
   * t = 1: margin 0 < 1, η = 1/(0.5·1) = 2, (1 − ηλ) = 0: w = 2·(1,2) = (2,4), b = 2. ‖w‖ = √20 > √2,
   *        w ← (√2/√20)·w = (2,4)/√10 = (0.632456, 1.264911); b = 2 (not projected).
   * t = 2: margin = −(2·0.632456 − 1.264911 + 2) = −2 < 1, η = 1, (1 − ηλ) = 0.5:
   *        w = 0.5·(2,4)/√10 − (2,−1) = (1/√10 − 2, 2/√10 + 1), b = 1;
   *        ‖w‖² = (1/10 − 4/√10 + 4) + (4/10 + 4/√10 + 1) = 5.5 > 2, w ← (√2/√5.5)·w = (2/√11)·w
   *        = (−1.015353, 0.984408).
   * t = 3: margin = 0.984408 + 1 = 1.984 ≥ 1, η = 2/3, (1 − ηλ) = 2/3: w = (2/3)·w = (−0.676902,
   *        0.656272), ‖w‖² = (4/9)·2 < 2, no projection; b = 1.
   * Averages over t = 1..3 of the iterates after each step: w̄ = (w₂ + w₃ + w₄)/3
   *        = (−0.353266, 0.968530), b̄ = (2 + 1 + 1)/3 = 4/3.
   */
  private static final double[] W2 = {2 / Math.sqrt(10), 4 / Math.sqrt(10)};
  private static final double[] W3 = {
      2 / Math.sqrt(11) * (1 / Math.sqrt(10) - 2), 2 / Math.sqrt(11) * (2 / Math.sqrt(10) + 1)};

  @Test
  void pegasosGoldenValues() {
    LinearLearner p = learn(create("pegasos", Map.of("lambda", "0.5"), 2, Task.BINARY), XS, LABELS);
    assertWeights(p, 0, 2.0 / 3 * W3[0], 2.0 / 3 * W3[1], 1.0);
    assertThat(W3[0]).isCloseTo(-1.015353, within(1e-6));
    assertThat(W3[1]).isCloseTo(0.984408, within(1e-6));
  }

  @Test
  void pegasosAfterTwoStepsIsProjectedOntoTheBall() {
    LinearLearner p = learn(create("pegasos", Map.of("lambda", "0.5"), 2, Task.BINARY),
        new double[][] {XS[0], XS[1]}, new double[] {1, 0});
    assertWeights(p, 0, W3[0], W3[1], 1.0);
    assertThat(W3[0] * W3[0] + W3[1] * W3[1]).isCloseTo(2.0, within(1e-12));
  }

  @Test
  void averagedPegasosGoldenValues() {
    LinearLearner p = learn(create("pegasos-avg", Map.of("lambda", "0.5"), 2, Task.BINARY), XS,
        LABELS);
    assertWeights(p, 0,
        (W2[0] + W3[0] + 2.0 / 3 * W3[0]) / 3,
        (W2[1] + W3[1] + 2.0 / 3 * W3[1]) / 3,
        4.0 / 3);
    assertThat((W2[0] + W3[0] + 2.0 / 3 * W3[0]) / 3).isCloseTo(-0.353266, within(1e-6));
  }

  /**
   * The scaled, lazily averaged implementation against the update written out in full (O(d) per
   * step) on 20,000 sparse examples, where a falls by many orders of magnitude and is folded.
   */
  @Test
  void matchesThePlainAlgorithmOnALongSparseStream() {
    int d = 64;
    double lambda = 0.001;
    LinearLearner avg = create("pegasos-avg", Map.of("lambda", "0.001"), d, Task.BINARY);
    LinearLearner last = create("pegasos", Map.of("lambda", "0.001"), d, Task.BINARY);
    double[] w = new double[d];
    double[] sum = new double[d];
    double b = 0;
    double bSum = 0;
    int t = 0;
    for (Example e : SyntheticStreams.sparse(31, 20_000, d, 5, Task.BINARY, 1)) {
      t++;
      double[] x = e.x().toDenseArray();
      double y = e.label() > 0 ? 1 : -1;
      double margin = y * (dot(w, x) + b);
      double eta = 1 / (lambda * t);
      for (int i = 0; i < d; i++) {
        w[i] = (1 - eta * lambda) * w[i] + (margin < 1 ? eta * y * x[i] : 0);
      }
      b += margin < 1 ? eta * y : 0;
      double norm = Math.sqrt(dot(w, w));
      double factor = norm > 0 ? Math.min(1, 1 / Math.sqrt(lambda) / norm) : 1;
      for (int i = 0; i < d; i++) {
        w[i] *= factor;
        sum[i] += w[i];
      }
      bSum += b;
      avg.learn(e.x(), e.label());
      last.learn(e.x(), e.label());
    }
    double[] wAvg = new double[d + 1];
    double[] wLast = new double[d + 1];
    for (int i = 0; i < d; i++) {
      wAvg[i] = sum[i] / t;
      wLast[i] = w[i];
    }
    wAvg[d] = bSum / t;
    wLast[d] = b;
    double[] actualAvg = LinearTesting.weights(avg, 0);
    double[] actualLast = LinearTesting.weights(last, 0);
    for (int i = 0; i <= d; i++) {
      assertThat(actualLast[i]).as("w[%d]", i).isCloseTo(wLast[i], within(1e-9));
      assertThat(actualAvg[i]).as("w̄[%d]", i).isCloseTo(wAvg[i], within(1e-9));
    }
  }

  private static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }

  @Test
  void lambdaIsValidatedAndRegressionRejected() {
    assertThatThrownBy(() -> create("pegasos", Map.of("lambda", "0"), 2, Task.BINARY))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lambda")
        .hasMessageContaining("0.0");
    assertThatThrownBy(() -> create("pegasos-avg", Map.of(), 2, Task.REGRESSION))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("REGRESSION");
  }

  /** Stated: ≥ 95 % prequential accuracy over the last 2000 of 5000 examples of 3 blobs in d = 10. */
  @Test
  void multiclassLearnsThreeBlobs() {
    for (String type : new String[] {"pegasos", "pegasos-avg"}) {
      LinearLearner learner = create(type, Map.of("lambda", "0.001"), 10, Task.MULTICLASS);
      int correct = 0;
      int t = 0;
      for (Example e : SyntheticStreams.dense(21, 5000, 10, Task.MULTICLASS, 3)) {
        FeatureVector x = e.x();
        if (t++ >= 3000 && learner.predict(x).label() == e.label()) {
          correct++;
        }
        learner.learn(x, e.label());
      }
      assertThat(correct / 2000.0).as(type).isGreaterThan(0.95);
    }
  }
}
