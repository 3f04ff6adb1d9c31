package dev.eddy.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eddy.learners.FeatureVector;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FeatureDriftMonitorTest {

  /** Three N(0, 1) features; feature 1 moves to N(3, 1) at event 500. */
  private static double[][] events() {
    SplittableRandom r = new SplittableRandom(9);
    double[][] x = new double[1000][3];
    for (int t = 0; t < x.length; t++) {
      for (int i = 0; i < 3; i++) {
        x[t][i] = r.nextGaussian() + (i == 1 && t >= 500 ? 3 : 0);
      }
    }
    return x;
  }

  private static List<String> alerts(FeatureDriftMonitor m, double[][] x, int from, int to) {
    List<String> out = new ArrayList<>();
    for (int t = from; t < to; t++) {
      int n = m.update(FeatureVector.dense(x[t]));
      for (int k = 0; k < n; k++) {
        out.add(t + ":" + m.drifted(k));
      }
    }
    return out;
  }

  @Test
  void alertsOnTheFeatureThatMoved() {
    FeatureDriftMonitor m = new FeatureDriftMonitor("page-hinkley", Map.of("direction", "both"), 3);
    List<String> alerts = alerts(m, events(), 0, 1000);
    // Page-Hinkley with lambda 50: a shift of 3 standard deviations adds about 3 per event.
    assertThat(alerts).hasSize(1);
    assertThat(alerts.get(0)).endsWith(":1");
    int at = Integer.parseInt(alerts.get(0).split(":")[0]);
    assertThat(at).isBetween(500, 530);
    // the detector reset on the event after its drift, and its statistics restarted with the new
    // level: it has taken the events after a new warm-up, at+1+WARM_UP .. 999
    assertThat(m.detector(1).updates()).isEqualTo(999 - at - FeatureDriftMonitor.WARM_UP);
    assertThat(m.detector(0).updates()).isEqualTo(1000 - FeatureDriftMonitor.WARM_UP);
  }

  @Test
  void sameAsOneDetectorPerFeatureAndRestoresExactly() {
    double[][] x = events();
    FeatureDriftMonitor m = new FeatureDriftMonitor("kswin", Map.of("alpha", "0.0001"), 3);
    alerts(m, x, 0, 400);
    FeatureDriftMonitor restored = FeatureDriftMonitor.decode(m.encode());
    assertThat(alerts(restored, x, 400, 1000)).isEqualTo(alerts(m, x, 400, 1000));
    assertThat(restored.encode()).isEqualTo(m.encode());
    // an independent computation: one detector fed feature 2's z-scores against the values before each
    DriftDetector single = Detectors.create("kswin", Map.of("alpha", "0.0001", "direction", "both", "min-examples", "0"));
    double sum = 0;
    double sumSquares = 0;
    for (int t = 0; t < x.length; t++) {
      double v = x[t][2];
      if (t >= FeatureDriftMonitor.WARM_UP) {
        double mean = sum / t;
        double sd = Math.sqrt(sumSquares / t - mean * mean);
        single.update((v - mean) / sd);
      }
      sum += v;
      sumSquares += v * v;
    }
    assertThat(m.detector(2).updates()).isEqualTo(single.updates());
    assertThat(m.detector(2).statistics()).allSatisfy((k, v) ->
        assertThat(v).as(k).isCloseTo(single.statistics().get(k), org.assertj.core.api.Assertions.within(1e-9)));
  }

  /** The same feature in another unit (×100) raises exactly the same alerts: the detectors see z-scores. */
  @Test
  void alertsDoNotDependOnAFeaturesScale() {
    double[][] x = events();
    double[][] scaled = new double[x.length][];
    for (int t = 0; t < x.length; t++) {
      scaled[t] = new double[] {x[t][0] * 100, x[t][1] * 100, x[t][2] * 100};
    }
    List<String> unit = alerts(new FeatureDriftMonitor("page-hinkley", Map.of("direction", "both"), 3), x, 0, 1000);
    List<String> hundred = alerts(new FeatureDriftMonitor("page-hinkley", Map.of("direction", "both"), 3), scaled, 0, 1000);
    assertThat(hundred).isEqualTo(unit).hasSize(1);
  }

  @Test
  void sparseVectorsCountAbsentFeaturesAsZero() {
    FeatureDriftMonitor m = new FeatureDriftMonitor("cusum", Map.of(), 4);
    for (int t = 0; t <= FeatureDriftMonitor.WARM_UP; t++) {
      m.update(FeatureVector.sparse(4, new int[] {2}, new double[] {t % 2 == 0 ? 1.5 : -1.5}, 1));
    }
    // feature 0 was always absent: 0 every time, a constant, so its z-score is 0
    assertThat(m.detector(0).updates()).isEqualTo(1);
    assertThat(m.detector(0).statistics()).containsEntry("reference", 0.0);
    assertThat(m.detector(2).statistics().get("reference")).isNotEqualTo(0.0);
  }

  @Test
  void rejectsBadInput() {
    assertThatThrownBy(() -> new FeatureDriftMonitor("ddm", Map.of(), 3)).hasMessageContaining("ddm takes only 0/1 errors");
    assertThatThrownBy(() -> new FeatureDriftMonitor("cusum", Map.of(), 0)).hasMessageContaining("dimension must be in [1, 4096] but was 0");
    FeatureDriftMonitor m = new FeatureDriftMonitor("cusum", Map.of(), 2);
    assertThatThrownBy(() -> m.update(FeatureVector.dense(new double[3]))).hasMessageContaining("dimension 3, monitor of 2");
    assertThatThrownBy(() -> m.update(FeatureVector.dense(new double[] {1, Double.NaN})))
        .hasMessageContaining("feature 1 is not finite");
    assertThat(m.detector(0).updates()).isZero(); // nothing changed
    assertThatThrownBy(() -> m.drifted(0)).isInstanceOf(IndexOutOfBoundsException.class);
  }
}
