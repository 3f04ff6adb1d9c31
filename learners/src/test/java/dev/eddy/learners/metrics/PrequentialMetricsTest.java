package dev.eddy.learners.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.eddy.learners.Prediction;
import dev.eddy.learners.Task;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PrequentialMetricsTest {

  private static final double EXACT = 1e-12;

  /*
   * Five binary pairs (predicted label, P(1), actual): (1, .8, 1) TP, (1, .6, 0) FP, (0, .3, 0) TN,
   * (0, .4, 1) FN, (1, .9, 1) TP.
   * Cumulative: accuracy 3/5; precision 2/(2+1), recall 2/(2+1), F1 2/3; marginals actual (0:2,
   * 1:3), predicted (0:2, 1:3): pe = (2·2 + 3·3)/25 = 13/25, κ = (0.6 − 0.52)/(1 − 0.52) = 1/6;
   * log loss = −(ln .8 + ln .4 + ln .7 + ln .4 + ln .9)/5.
   * Window of 3 (pairs 3–5): accuracy 2/3; TP 1, FP 0, FN 1: precision 1, recall 1/2, F1 2/3;
   * marginals actual (0:1, 1:2), predicted (0:2, 1:1): pe = (1·2 + 2·1)/9 = 4/9,
   * κ = (2/3 − 4/9)/(5/9) = 2/5; log loss = −(ln .7 + ln .4 + ln .9)/3.
   */
  private static PrequentialMetrics binary() {
    PrequentialMetrics m = new PrequentialMetrics(Task.BINARY, 3);
    m.record(new Prediction(2, 1, 0.8), 1);
    m.record(new Prediction(1, 1, 0.6), 0);
    m.record(new Prediction(-1, 0, 0.3), -1);
    m.record(new Prediction(-1, 0, 0.4), 1);
    m.record(new Prediction(3, 1, 0.9), 1);
    return m;
  }

  @Test
  void binaryGoldenValues() {
    PrequentialMetrics m = binary();
    MetricTotals all = m.cumulative();
    assertThat(m.count()).isEqualTo(5);
    assertThat(m.accuracy()).isCloseTo(0.6, within(EXACT));
    assertThat(all.precision()).isCloseTo(2.0 / 3, within(EXACT));
    assertThat(all.recall()).isCloseTo(2.0 / 3, within(EXACT));
    assertThat(all.f1()).isCloseTo(2.0 / 3, within(EXACT));
    assertThat(all.kappa()).isCloseTo(1.0 / 6, within(EXACT));
    assertThat(all.logLoss()).isCloseTo(
        -(Math.log(.8) + Math.log(.4) + Math.log(.7) + Math.log(.4) + Math.log(.9)) / 5,
        within(EXACT));
    MetricTotals window = m.window();
    assertThat(window.count()).isEqualTo(3);
    assertThat(m.windowAccuracy()).isCloseTo(2.0 / 3, within(EXACT));
    assertThat(window.precision()).isCloseTo(1.0, within(EXACT));
    assertThat(window.recall()).isCloseTo(0.5, within(EXACT));
    assertThat(window.f1()).isCloseTo(2.0 / 3, within(EXACT));
    assertThat(window.kappa()).isCloseTo(0.4, within(EXACT));
    assertThat(window.logLoss())
        .isCloseTo(-(Math.log(.7) + Math.log(.4) + Math.log(.9)) / 3, within(EXACT));
    assertThat(m.toMap()).containsOnlyKeys("accuracy", "kappa", "logLoss", "precision", "recall",
        "f1", "windowAccuracy", "windowKappa", "windowLogLoss", "windowPrecision", "windowRecall",
        "windowF1");
  }

  /*
   * Predictions (0, 1, 2, 2) for labels (0, 2, 2, 1): accuracy 2/4; marginals actual (1, 1, 2) and
   * predicted (1, 1, 2): pe = (1 + 1 + 4)/16 = 3/8, κ = (1/2 − 3/8)/(5/8) = 1/5. Per-class F1 =
   * 2·TP/(actual + predicted): class 0 2/2 = 1, class 1 0/2 = 0, class 2 2/4 = 1/2; macro-F1 = 1/2.
   * No probabilities, so no log loss.
   */
  @Test
  void multiclassGoldenValues() {
    PrequentialMetrics m = new PrequentialMetrics(Task.MULTICLASS, 10);
    double[][] pairs = {{0, 0}, {1, 2}, {2, 2}, {2, 1}};
    for (double[] pair : pairs) {
      m.record(new Prediction(1, pair[0], Double.NaN), pair[1]);
    }
    assertThat(m.accuracy()).isEqualTo(0.5);
    assertThat(m.cumulative().kappa()).isCloseTo(0.2, within(EXACT));
    assertThat(m.cumulative().macroF1()).isCloseTo(0.5, within(EXACT));
    assertThat(m.toMap()).containsOnlyKeys("accuracy", "kappa", "macroF1", "windowAccuracy", "windowKappa",
        "windowMacroF1");
    assertThatThrownBy(() -> m.record(new Prediction(1, 0, Double.NaN), 1.5))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1.5");
  }

  /*
   * Class probabilities (0.7, 0.2, 0.1), (0.1, 0.3, 0.6), (0.2, 0.5, 0.3) for labels 0, 1, 2: the
   * predicted classes are 0, 2, 1, accuracy 1/3; log loss = −(ln .7 + ln .3 + ln .3)/3 (the true
   * class's probability); per-class F1 1, 0, 0: macro-F1 1/3. Window of 2 (pairs 2–3): log loss
   * −(ln .3 + ln .3)/2, macro-F1 0 (classes 1 and 2, both wrong).
   */
  @Test
  void multiclassLogLossUsesTheTrueClasssProbability() {
    PrequentialMetrics m = new PrequentialMetrics(Task.MULTICLASS, 2);
    double[][] probabilities = {{0.7, 0.2, 0.1}, {0.1, 0.3, 0.6}, {0.2, 0.5, 0.3}};
    int[] predicted = {0, 2, 1};
    for (int k = 0; k < 3; k++) {
      double[] p = probabilities[k];
      m.record(new Prediction(p[predicted[k]], predicted[k], Double.NaN, p.clone(), p), k);
    }
    assertThat(m.accuracy()).isCloseTo(1.0 / 3, within(EXACT));
    assertThat(m.cumulative().logLoss())
        .isCloseTo(-(Math.log(.7) + Math.log(.3) + Math.log(.3)) / 3, within(EXACT));
    assertThat(m.cumulative().macroF1()).isCloseTo(1.0 / 3, within(EXACT));
    assertThat(m.window().logLoss()).isCloseTo(-Math.log(.3), within(EXACT));
    assertThat(m.window().macroF1()).isEqualTo(0.0);
    assertThat(m.toMap()).containsKeys("logLoss", "windowLogLoss", "macroF1", "windowMacroF1")
        .doesNotContainKeys("precision", "recall", "f1");
  }

  /*
   * Predictions (1, 2, 3, 4) for targets (1.5, 2, 2, 6): errors −0.5, 0, 1, −2; MAE = 3.5/4 =
   * 0.875, RMSE = √((0.25 + 0 + 1 + 4)/4) = √1.3125; mean target 2.875, SST = 1.890625 + 0.765625 +
   * 0.765625 + 9.765625 = 13.1875, R² = 1 − 5.25/13.1875. Window of 2: errors 1, −2: MAE 1.5, RMSE
   * √2.5; targets 2, 6: SST 8, R² = 1 − 5/8.
   */
  @Test
  void regressionGoldenValues() {
    PrequentialMetrics m = new PrequentialMetrics(Task.REGRESSION, 2);
    double[] predicted = {1, 2, 3, 4};
    double[] actual = {1.5, 2, 2, 6};
    for (int k = 0; k < 4; k++) {
      m.record(new Prediction(predicted[k], predicted[k], Double.NaN), actual[k]);
    }
    assertThat(m.cumulative().mae()).isCloseTo(0.875, within(EXACT));
    assertThat(m.cumulative().rmse()).isCloseTo(Math.sqrt(1.3125), within(EXACT));
    assertThat(m.window().mae()).isCloseTo(1.5, within(EXACT));
    assertThat(m.window().rmse()).isCloseTo(Math.sqrt(2.5), within(EXACT));
    assertThat(m.cumulative().r2()).isCloseTo(1 - 5.25 / 13.1875, within(EXACT));
    assertThat(m.window().r2()).isCloseTo(0.375, within(EXACT));
    assertThat(m.toMap()).containsOnlyKeys("mae", "rmse", "r2", "windowMae", "windowRmse", "windowR2");
  }

  /** The same targets and errors a billion away from 0 give the same R² (sums are taken about the first target). */
  @Test
  void rSquaredKeepsItsPrecisionFarFromZero() {
    PrequentialMetrics m = new PrequentialMetrics(Task.REGRESSION, 2);
    double[] predicted = {1, 2, 3, 4};
    double[] actual = {1.5, 2, 2, 6};
    for (int k = 0; k < 4; k++) {
      m.record(new Prediction(1e9 + predicted[k], 1e9 + predicted[k], Double.NaN), 1e9 + actual[k]);
    }
    assertThat(m.cumulative().r2()).isCloseTo(1 - 5.25 / 13.1875, within(1e-9));
    assertThat(m.window().r2()).isCloseTo(0.375, within(1e-9));
  }

  @Test
  void constantTargetsLeaveRSquaredUndefined() {
    PrequentialMetrics m = new PrequentialMetrics(Task.REGRESSION, 5);
    m.record(new Prediction(1, 1, Double.NaN), 3);
    m.record(new Prediction(2, 2, Double.NaN), 3);
    assertThat(m.cumulative().r2()).isNaN();
    assertThat(m.toMap()).doesNotContainKey("r2");
  }

  @Test
  void aRestoredMulticlassAndRegressionRunContinueIdentically() {
    for (Task task : new Task[] {Task.MULTICLASS, Task.REGRESSION}) {
      PrequentialMetrics m = new PrequentialMetrics(task, 3);
      SplittableRandom random = new SplittableRandom(11);
      for (int k = 0; k < 20; k++) {
        double label = task == Task.REGRESSION ? random.nextGaussian() : random.nextInt(3);
        m.record(new Prediction(0, task == Task.REGRESSION ? random.nextGaussian() : random.nextInt(3), Double.NaN), label);
      }
      PrequentialMetrics restored = PrequentialMetrics.fromBytes(m.toBytes());
      assertThat(restored.toMap()).isEqualTo(m.toMap());
      for (PrequentialMetrics each : new PrequentialMetrics[] {m, restored}) {
        each.record(new Prediction(0, 1, Double.NaN), 2);
      }
      assertThat(restored.toBytes()).as(task.name()).isEqualTo(m.toBytes());
    }
  }

  /** After 10^5 pairs through a window of 100, the window sums still equal a direct computation. */
  @Test
  void windowSumsDoNotDrift() {
    PrequentialMetrics m = new PrequentialMetrics(Task.REGRESSION, 100);
    SplittableRandom random = new SplittableRandom(5);
    double[] errors = new double[100_000];
    for (int k = 0; k < errors.length; k++) {
      double target = 1e6 * random.nextGaussian();
      errors[k] = random.nextGaussian() * (k % 1000 == 0 ? 1e5 : 1);
      m.record(new Prediction(0, target + errors[k], Double.NaN), target);
    }
    double absolute = 0;
    for (int k = errors.length - 100; k < errors.length; k++) {
      absolute += Math.abs(errors[k]);
    }
    assertThat(m.window().mae()).isCloseTo(absolute / 100, within(1e-9));
  }

  /**
   * The window's buffers grow while it fills (16, 32, 64, then N = 100): restored part-filled (37 pairs),
   * a run continues as the uninterrupted one, and the full window's MAE equals a direct computation.
   */
  @Test
  void aWindowRestoredWhileFillingGrowsAndWrapsAsTheOriginal() {
    PrequentialMetrics m = new PrequentialMetrics(Task.REGRESSION, 100);
    SplittableRandom random = new SplittableRandom(3);
    double[] errors = new double[237];
    for (int k = 0; k < 37; k++) {
      errors[k] = random.nextGaussian();
      m.record(new Prediction(0, errors[k], Double.NaN), 0);
    }
    PrequentialMetrics restored = PrequentialMetrics.fromBytes(m.toBytes());
    for (int k = 37; k < errors.length; k++) {
      errors[k] = random.nextGaussian();
      for (PrequentialMetrics each : new PrequentialMetrics[] {m, restored}) {
        each.record(new Prediction(0, errors[k], Double.NaN), 0);
      }
      if (k == 80) {
        assertThat(restored.toBytes()).as("part-filled, after growing").isEqualTo(m.toBytes());
      }
    }
    assertThat(restored.toBytes()).isEqualTo(m.toBytes());
    double absolute = 0;
    for (int k = errors.length - 100; k < errors.length; k++) {
      absolute += Math.abs(errors[k]);
    }
    assertThat(restored.window().mae()).isCloseTo(absolute / 100, within(1e-12));
  }

  @Test
  void encodesAndRestoresIncludingTheWindow() {
    PrequentialMetrics m = binary();
    PrequentialMetrics restored = PrequentialMetrics.fromBytes(m.toBytes());
    assertThat(restored.toMap()).isEqualTo(m.toMap());
    assertThat(restored.toBytes()).isEqualTo(m.toBytes());
    for (PrequentialMetrics each : new PrequentialMetrics[] {m, restored}) {
      each.record(new Prediction(1, 1, 0.7), 0);
      each.record(new Prediction(1, 1, 0.7), 1);
    }
    assertThat(restored.toMap()).isEqualTo(m.toMap());
    byte[] bytes = m.toBytes();
    bytes[5] = 9;
    assertThatThrownBy(() -> PrequentialMetrics.fromBytes(bytes))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown format 9 of");
  }

  @Test
  void undefinedMetricsAreLeftOutAndBadArgumentsRejected() {
    PrequentialMetrics empty = new PrequentialMetrics(Task.BINARY, 5);
    assertThat(empty.toMap()).isEmpty();
    assertThat(empty.accuracy()).isNaN();
    assertThatThrownBy(() -> new PrequentialMetrics(Task.BINARY, 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("window")
        .hasMessageContaining("0");
    assertThatThrownBy(() -> empty.record(new Prediction(0, 1, 0.5), Double.NaN))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NaN");
    assertThat(empty.count()).isZero();
  }
}
