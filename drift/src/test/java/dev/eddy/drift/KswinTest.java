package dev.eddy.drift;

import static dev.eddy.drift.testing.DelayAssertions.concat;
import static dev.eddy.drift.testing.DelayAssertions.drifts;
import static dev.eddy.drift.testing.DelayAssertions.repeat;
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

class KswinTest extends DriftDetectorContract {

  @Override
  protected String type() {
    return "kswin";
  }

  @Override
  protected Map<String, String> expectedDefaults() {
    return Maps.ordered("alpha", "0.005", "window-size", "100", "stat-size", "30", "seed", "1", "direction", "up");
  }

  @Override
  protected List<String[]> invalidParameters() {
    return List.of(
        new String[] {"alpha", "0.0"}, new String[] {"alpha", "1.0"}, new String[] {"stat-size", "0"},
        new String[] {"window-size", "59"}, new String[] {"seed", "x1"},
        new String[] {"direction", "sideways"});
  }

  /**
   * window 4, stat 2, alpha 0.5: threshold sqrt(ln 2 / 2) = 0.588705. With n - r = r the sample W is
   * the whole older half whatever the seed. 0 0 0 0: R = {0,0}, W = {0,0}, D = 0 (S). Then 1: R =
   * {0,1}, W = {0,0}: at 0, F_R = 1/2 and F_W = 1, D = 0.5 (S). Then 1: R = {1,1}, W = {0,0}, D = 1
   * (D). The next update resets: one value in the window, no test.
   */
  @Test
  void goldenTrace() {
    Kswin d = new Kswin(new Kswin.Config(0.5, 4, 2, 1, Direction.BOTH));
    assertThat(d.threshold()).isCloseTo(0.588705011, within(1e-9));
    assertThat(trace(d, 0, 0, 0, 0, 1)).isEqualTo("SSSSS");
    assertThat(d.distance()).isEqualTo(0.5);
    assertThat(trace(d, 1)).isEqualTo("D");
    assertThat(d.distance()).isEqualTo(1.0);
    assertThat(trace(d, 1)).isEqualTo("S");
    assertThat(d.statistics()).containsEntry("window", 1.0).containsEntry("distance", 0.0);
  }

  /**
   * F_a and F_b step together at tied values: a = {1,2,2,3}, b = {2,2,2,4}: at 1, 1/4 vs 0; at 2,
   * 3/4 vs 3/4; at 3, 1 vs 3/4; at 4, 1 vs 1: D = 1/4.
   */
  @Test
  void distanceStepsThroughTies() {
    assertThat(Kswin.ksDistance(new double[] {1, 2, 2, 3}, new double[] {2, 2, 2, 4})).isEqualTo(0.25);
    assertThat(Kswin.ksDistance(new double[] {1, 2}, new double[] {1, 2})).isZero();
    assertThat(Kswin.ksDistance(new double[] {0, 0}, new double[] {5, 5})).isEqualTo(1.0);
  }

  /** W is drawn from the n - r older values only: seven 0s then three 5s give D = 1 for any seed. */
  @Test
  void samplesOnlyTheOlderPart() {
    for (long seed = 0; seed < 20; seed++) {
      Kswin d = new Kswin(new Kswin.Config(0.1, 10, 3, seed, Direction.BOTH));
      assertThat(trace(d, concat(repeat(0, 7), repeat(5, 3)))).isEqualTo("SSSSSSSSSD");
    }
  }

  @Test
  void differentSeedsSampleDifferently() {
    double[] values = Scenario.gaussian(0, 1).generate(3);
    assertThat(drifts(new Kswin(new Kswin.Config(0.005, 100, 30, 1, Direction.BOTH)), values))
        .isNotEqualTo(drifts(new Kswin(new Kswin.Config(0.005, 100, 30, 2, Direction.BOTH)), values));
  }

  /** Pinned positions (regression): KSWIN watching both directions (as before it took {@code up}) and the default. */
  @Test
  void pinnedDriftPositions() {
    double[] values = Scenario.bernoulli(0.2, 0.6).generate(7);
    assertThat(drifts(Detectors.create(type(), Map.of("direction", "both", WarmUp.NAME, "0")), values)).containsExactly(2009, 2588, 4495);
    assertThat(drifts(create(), values)).containsExactly(2009, 4479);
  }

  /** Expected-path KS distance (see Bounds#kswin): the changes that cross within r values. */
  @Test
  void medianDelayWithinTheExpectedPathBound() {
    Kswin.Config c = Kswin.Config.DEFAULT;
    for (Scenario s : List.of(Scenario.bernoulli(0.2, 0.8), Scenario.gaussian(0, 2))) {
      DelayAssertions.assertMedianWithin(DelayAssertions.defaults(type()), s, StreamBounds.kswin(c, s));
    }
  }

  /** At most 2 alpha per test (asymptotic Smirnov), window refill after each drift. */
  @Test
  void falseAlarmsWithinTheSmirnovBound() {
    double bound = FalseAlarmBounds.kswin(Kswin.Config.DEFAULT);
    DelayAssertions.assertFalseAlarmsAtMost(DelayAssertions.defaults(type()), true, 0, bound);
    DelayAssertions.assertFalseAlarmsAtMost(DelayAssertions.defaults(type()), false, 0.2, bound);
  }
}
