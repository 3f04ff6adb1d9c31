package dev.eddy.drift;

import static dev.eddy.drift.testing.DelayAssertions.drifts;
import static dev.eddy.drift.testing.DelayAssertions.trace;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.eddy.drift.testing.Maps;
import dev.eddy.drift.testing.Bounds;
import dev.eddy.drift.testing.DelayAssertions;
import dev.eddy.drift.testing.FalseAlarmBounds;
import dev.eddy.drift.testing.Scenario;
import dev.eddy.drift.testing.StreamBounds;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EddmTest extends DriftDetectorContract {

  @Override
  protected String type() {
    return "eddm";
  }

  @Override
  protected Map<String, String> expectedDefaults() {
    return Maps.ordered("warning-threshold", "0.95", "drift-threshold", "0.9", "min-errors", "30");
  }

  @Override
  protected List<String[]> invalidParameters() {
    return List.of(
        new String[] {"warning-threshold", "0.0"}, new String[] {"warning-threshold", "1.5"},
        new String[] {"drift-threshold", "0.97"}, new String[] {"drift-threshold", "-0.1"},
        new String[] {"min-errors", "0"});
  }

  /**
   * min-errors 2, thresholds 0.95 / 0.90; errors (1s) at updates 1, 3, 6, 10, 11, 12, 14. Distances
   * and Welford's mean / m2 (population std = sqrt(m2 / errors)):
   *
   * <pre>
   * update  distance  errors  mean  m2   std       level = mean + 2 std   max       ratio     signal
   * 1       1         1       1     0    -         (fewer than 2 errors)                        S
   * 3       2         2       1.5   0.5  0.5       2.5                    2.5       (new max)  S
   * 6       3         3       2     2    0.816497  3.632993               3.632993  (new max)  S
   * 10      4         4       2.5   5    1.118034  4.736068               4.736068  (new max)  S
   * 11      1         5       2.2   6.8  1.166190  4.532381               4.736068  0.956992   S
   * 12      1         6       2     8    1.154701  4.309401               4.736068  0.909911   W
   * 13      (a 0: the warning zone persists)                                                   W
   * 14      2         7       2     8    1.069045  4.138090               4.736068  0.873740   D
   * 15      (reset first, then a 0)                                                            S
   * </pre>
   */
  @Test
  void goldenTrace() {
    Eddm d = new Eddm(new Eddm.Config(0.95, 0.90, 2));
    assertThat(trace(d, 1, 0, 1, 0, 0, 1, 0, 0, 0, 1, 1)).isEqualTo("SSSSSSSSSSS");
    assertThat(d.meanDistance()).isCloseTo(2.2, within(1e-12));
    assertThat(d.stdDistance()).isCloseTo(1.166190379, within(1e-9));
    assertThat(d.maxLevel()).isCloseTo(4.736067977, within(1e-9));
    assertThat(trace(d, 1, 0)).isEqualTo("WW");
    assertThat(d.level()).isCloseTo(4.309401077, within(1e-9));
    assertThat(trace(d, 1)).isEqualTo("D");
    assertThat(d.meanDistance()).isCloseTo(2.0, within(1e-12));
    assertThat(d.stdDistance()).isCloseTo(1.069044968, within(1e-9));
    assertThat(d.level() / d.maxLevel()).isCloseTo(0.873740, within(1e-6));
    assertThat(trace(d, 0)).isEqualTo("S");
    assertThat(d.updates()).isEqualTo(1);
    assertThat(d.maxLevel()).isZero();
  }

  /** Pinned positions (regression): default EDDM on a seeded stream. */
  @Test
  void pinnedDriftPositions() {
    assertThat(drifts(create(), Scenario.bernoulli(0.2, 0.6).generate(7)))
        .containsExactly(268, 479, 785, 1277, 1483, 2042);
  }

  /** Expected-path bound from the geometric-distance mixture (see Bounds#eddm), abrupt changes. */
  @Test
  void medianDelayWithinTheExpectedPathBound() {
    for (Scenario s : List.of(
        Scenario.bernoulli(0.2, 0.4), Scenario.bernoulli(0.2, 0.6), Scenario.bernoulli(0.2, 0.8))) {
      DelayAssertions.assertMedianWithin(
          DelayAssertions.defaults(type()), s, StreamBounds.eddm(Eddm.Config.DEFAULT, s));
    }
    DelayAssertions.assertAlwaysDetected(
        DelayAssertions.defaults(type()), Scenario.bernoulliGradual(0.2, 0.6, 1000));
  }

  @Test
  void falseAlarmsWithinTheMinimumErrorsBound() {
    DelayAssertions.assertFalseAlarmsAtMost(
        DelayAssertions.defaults(type()), false, 0.2, FalseAlarmBounds.eddm(Eddm.Config.DEFAULT, 0.2));
  }
}
