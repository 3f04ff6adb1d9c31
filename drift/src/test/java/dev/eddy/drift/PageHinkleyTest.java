package dev.eddy.drift;

import static dev.eddy.drift.testing.DelayAssertions.drifts;
import static dev.eddy.drift.testing.DelayAssertions.trace;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.eddy.drift.testing.Maps;
import dev.eddy.drift.testing.Bounds;
import dev.eddy.drift.testing.DelayAssertions;
import dev.eddy.drift.testing.DriftSuite;
import dev.eddy.drift.testing.FalseAlarmBounds;
import dev.eddy.drift.testing.Scenario;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PageHinkleyTest extends DriftDetectorContract {

  @Override
  protected String type() {
    return "page-hinkley";
  }

  @Override
  protected Map<String, String> expectedDefaults() {
    return Maps.ordered(
        "delta", "0.005", "lambda", "50.0", "alpha", "0.9999", "min-instances", "30", "direction", "up");
  }

  @Override
  protected List<String[]> invalidParameters() {
    return List.of(
        new String[] {"delta", "-0.1"}, new String[] {"lambda", "0.0"}, new String[] {"alpha", "0.0"},
        new String[] {"alpha", "1.5"}, new String[] {"min-instances", "0"},
        new String[] {"direction", "sideways"});
  }

  private static PageHinkley ph(double alpha, int minInstances, Direction direction) {
    return new PageHinkley(new PageHinkley.Config(0.1, 2, alpha, minInstances, direction));
  }

  /**
   * delta 0.1, lambda 2; input 0 0 0 0 2 2 (2 2). Four 0s keep mean = U = L = 0 (the increments are
   * -0.1, floored at 0). 5th (2): mean = 2/5 = 0.4, U = 2 - 0.4 - 0.1 = 1.5 (S). 6th (2): mean =
   * 0.4 + 1.6/6 = 0.666667, U = 1.5 + 2 - 0.666667 - 0.1 = 2.733333 &gt; 2 (D). With alpha 0.5 the
   * 6th gives U = 0.75 + 1.233333 = 1.983333 (S) and the 7th (mean 0.857143) U = 0.991667 + 2 -
   * 0.857143 - 0.1 = 2.034524 (D). With min-instances 7 the 6th cannot signal; the 7th gives U =
   * 2.733333 + 1.042857 = 3.776190 (D).
   */
  @Test
  void goldenTraces() {
    PageHinkley d = ph(1, 1, Direction.UP);
    assertThat(trace(d, 0, 0, 0, 0, 2)).isEqualTo("SSSSS");
    assertThat(d.upSum()).isCloseTo(1.5, within(1e-12));
    assertThat(d.mean()).isCloseTo(0.4, within(1e-12));
    assertThat(trace(d, 2)).isEqualTo("D");
    assertThat(d.upSum()).isCloseTo(2.733333333, within(1e-9));
    assertThat(d.downSum()).isZero();

    PageHinkley faded = ph(0.5, 1, Direction.UP);
    assertThat(trace(faded, 0, 0, 0, 0, 2, 2)).isEqualTo("SSSSSS");
    assertThat(faded.upSum()).isCloseTo(1.983333333, within(1e-9));
    assertThat(trace(faded, 2)).isEqualTo("D");
    assertThat(faded.upSum()).isCloseTo(2.034523810, within(1e-9));

    PageHinkley late = ph(1, 7, Direction.UP);
    assertThat(trace(late, 0, 0, 0, 0, 2, 2, 2)).isEqualTo("SSSSSSD");
    assertThat(late.upSum()).isCloseTo(3.776190476, within(1e-9));
  }

  /** The mirror image: a fall by 2 raises L exactly as the rise raised U. */
  @Test
  void directionSelectsTheWatchedSum() {
    double[] fall = {0, 0, 0, 0, -2, -2};
    PageHinkley down = ph(1, 1, Direction.DOWN);
    assertThat(trace(down, fall)).isEqualTo("SSSSSD");
    assertThat(down.downSum()).isCloseTo(2.733333333, within(1e-9));
    assertThat(trace(ph(1, 1, Direction.BOTH), fall)).isEqualTo("SSSSSD");
    assertThat(trace(ph(1, 1, Direction.UP), fall)).isEqualTo("SSSSSS");
    assertThat(trace(ph(1, 1, Direction.DOWN), 0, 0, 0, 0, 2, 2)).isEqualTo("SSSSSS");
  }

  /** Pinned positions (regression): default Page-Hinkley on seeded streams. */
  @Test
  void pinnedDriftPositions() {
    assertThat(drifts(create(), Scenario.gaussian(0, 2).generate(7))).containsExactly(900, 2008, 3578);
    assertThat(drifts(create(), Scenario.bernoulli(0.2, 0.6).generate(7))).containsExactly(2078);
  }

  /** Conditional bound on U (see Bounds#pageHinkley), every change scenario of the suite. */
  @Test
  void detectsWithinTheConditionalBound() {
    for (Scenario s : DriftSuite.changes()) {
      DelayAssertions.assertConditionalBound(
          DelayAssertions.defaults(type()), s, (d, sc) -> Bounds.pageHinkley((PageHinkley) d, sc));
    }
  }

  /** Siegmund's approximation of the in-control run length (see Bounds#pageHinkleyFalseAlarms). */
  @Test
  void falseAlarmsWithinSiegmundsRunLength() {
    PageHinkley.Config c = PageHinkley.Config.DEFAULT;
    DelayAssertions.assertFalseAlarmsAtMost(
        DelayAssertions.defaults(type()), true, 0, FalseAlarmBounds.pageHinkley(c, 1));
    DelayAssertions.assertFalseAlarmsAtMost(
        DelayAssertions.defaults(type()), false, 0.2, FalseAlarmBounds.pageHinkley(c, 0.4));
  }
}
