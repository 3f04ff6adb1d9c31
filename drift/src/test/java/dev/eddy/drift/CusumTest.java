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
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CusumTest extends DriftDetectorContract {

  @Override
  protected String type() {
    return "cusum";
  }

  @Override
  protected Map<String, String> expectedDefaults() {
    return Maps.ordered("min-instances", "30", "slack", "0.5", "threshold", "5.0", "direction", "up");
  }

  @Override
  protected List<String[]> invalidParameters() {
    return List.of(
        new String[] {"min-instances", "1"}, new String[] {"slack", "-0.5"},
        new String[] {"threshold", "0.0"}, new String[] {"direction", "left"});
  }

  private static Cusum cusum(Direction direction) {
    return new Cusum(new Cusum.Config(4, 0.5, 2, direction));
  }

  /**
   * min-instances 4, slack 0.5, threshold 2. Warm-up 1 3 1 3: Welford gives mean 2 and m2 = 4, so
   * sigma = sqrt(4/3) = 1.154701, k sigma = 0.577350, h sigma = 2.309401. Then 3: C+ = 1 - 0.577350
   * = 0.422650 (S); 4: C+ = 0.422650 + 1.422650 = 1.845299 (S); 4: C+ = 3.267949 &gt; 2.309401 (D). A
   * fall instead (0, 0): C- = 1.422650, then 2.845299 (D when watching down or both).
   */
  @Test
  void goldenTraces() {
    Cusum d = cusum(Direction.BOTH);
    assertThat(trace(d, 1, 3, 1, 3)).isEqualTo("SSSS");
    assertThat(d.reference()).isCloseTo(2, within(1e-12));
    assertThat(d.sigma()).isCloseTo(1.154700538, within(1e-9));
    assertThat(trace(d, 3, 4)).isEqualTo("SS");
    assertThat(d.upSum()).isCloseTo(1.845299462, within(1e-9));
    assertThat(trace(d, 4)).isEqualTo("D");
    assertThat(d.upSum()).isCloseTo(3.267949192, within(1e-9));
    assertThat(d.downSum()).isZero();

    Cusum down = cusum(Direction.DOWN);
    assertThat(trace(down, 1, 3, 1, 3, 0, 0)).isEqualTo("SSSSSD");
    assertThat(down.downSum()).isCloseTo(2.845299462, within(1e-9));
    assertThat(trace(cusum(Direction.UP), 1, 3, 1, 3, 0, 0)).isEqualTo("SSSSSS");
  }

  /**
   * Pinned positions (regression) on a seeded stream: CUSUM watching both directions (the default
   * before it took {@code up}), and the default, which keeps only the rises.
   */
  @Test
  void pinnedDriftPositions() {
    double[] values = Scenario.gaussian(0, 2).generate(7);
    assertThat(drifts(Detectors.create(type(), Map.of("direction", "both", WarmUp.NAME, "0")), values))
        .containsExactly(784, 831, 895, 1605, 2002, 2055, 2276, 2921, 2987, 3037, 3445, 3600, 3672, 3813);
    assertThat(drifts(create(), values)).containsExactly(784, 831, 895, 2003);
  }

  /**
   * Conditional bound from the frozen warm-up estimates (see Bounds#cusum). Shifts of at most the
   * slack (0.5 sigma, or 0.2 -&gt; 0.4 for Bernoulli: 0.5 sigma) do not cross on the expected path.
   */
  @Test
  void detectsWithinTheConditionalBound() {
    for (Scenario s : List.of(
        Scenario.bernoulli(0.2, 0.6), Scenario.bernoulli(0.2, 0.8), Scenario.gaussian(0, 1),
        Scenario.gaussian(0, 2), Scenario.gaussianGradual(0, 2, 1000))) {
      DelayAssertions.assertConditionalBound(
          DelayAssertions.defaults(type()), s, (d, sc) -> Bounds.cusum((Cusum) d, sc));
    }
  }

  /**
   * Siegmund's run length at the 99.7% corner of the warm-up estimates (see
   * Bounds#cusumFalseAlarms), with a warm-up of 1,000 values so that the corner is informative.
   */
  @Test
  void falseAlarmsWithinSiegmundsRunLength() {
    Cusum.Config c = new Cusum.Config(1000, 0.5, 5, Direction.BOTH);
    DelayAssertions.assertFalseAlarmsAtMost(() -> new Cusum(c), true, 0, FalseAlarmBounds.cusum(c));
  }
}
