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

class DdmTest extends DriftDetectorContract {

  @Override
  protected String type() {
    return "ddm";
  }

  @Override
  protected Map<String, String> expectedDefaults() {
    return Maps.ordered("min-instances", "30", "warning-level", "2.0", "drift-level", "3.0");
  }

  @Override
  protected List<String[]> invalidParameters() {
    return List.of(
        new String[] {"min-instances", "0"}, new String[] {"warning-level", "0.0"},
        new String[] {"warning-level", "-1.0"}, new String[] {"drift-level", "1.5"},
        new String[] {"drift-level", "Infinity"});
  }

  /**
   * min-instances 3, levels 2 and 3; input 0 1 0 0 0 1 1 1 1 1 0. With p = errors / n and s =
   * sqrt(p (1 - p) / n):
   *
   * <pre>
   * n  x  p         s         p + s     min?  warning thr  drift thr   signal
   * 1  0  (n &lt; 3: no test)                                              S
   * 2  1                                                                S
   * 3  0  0.333333  0.272166  0.605500  yes   0.877664     1.149830    S
   * 4  0  0.25      0.216506  0.466506  yes   0.683013     0.899519    S
   * 5  0  0.2       0.178885  0.378885  yes   0.557771     0.736656    S
   * 6  1  0.333333  0.192450  0.525783  no    0.557771     0.736656    S
   * 7  1  0.428571  0.187044  0.615615  no    (above 0.557771)          W
   * 8  1  0.5       0.176777  0.676777  no                              W
   * 9  1  0.555556  0.165635  0.721191  no    (below 0.736656)          W
   * 10 1  0.6       0.154919  0.754919  no    (above 0.736656)          D
   * 11 0  reset first: n = 1, no errors                                 S
   * </pre>
   */
  @Test
  void goldenTrace() {
    Ddm d = new Ddm(new Ddm.Config(3, 2.0, 3.0));
    assertThat(trace(d, 0, 1, 0, 0, 0)).isEqualTo("SSSSS");
    assertThat(d.pMin()).isCloseTo(0.2, within(1e-12));
    assertThat(d.sMin()).isCloseTo(0.178885438, within(1e-9));
    assertThat(trace(d, 1, 1, 1, 1)).isEqualTo("SWWW");
    assertThat(d.errorRate()).isCloseTo(5.0 / 9, within(1e-12));
    assertThat(d.std()).isCloseTo(0.165634664, within(1e-9));
    assertThat(trace(d, 1)).isEqualTo("D");
    assertThat(d.errorRate()).isCloseTo(0.6, within(1e-12));
    assertThat(d.std()).isCloseTo(0.154919334, within(1e-9));
    assertThat(trace(d, 0)).isEqualTo("S");
    assertThat(d.updates()).isEqualTo(1);
    assertThat(d.pMin()).isInfinite();
  }

  @Test
  void aPerfectWarmUpMakesTheFirstErrorADriftAsInThePaper() {
    Ddm d = new Ddm(new Ddm.Config(3, 2.0, 3.0));
    assertThat(trace(d, 0, 0, 0, 0, 1)).isEqualTo("SSSSD");
  }

  /** Pinned positions (regression): default DDM on a seeded stream. */
  @Test
  void pinnedDriftPositions() {
    assertThat(drifts(create(), Scenario.bernoulli(0.2, 0.6).generate(7)))
        .containsExactly(952, 1010, 1111, 2360);
  }

  /** Conditional expected-path bound (see Bounds#ddm), abrupt and gradual changes. */
  @Test
  void detectsWithinTheConditionalBound() {
    for (Scenario s : List.of(
        Scenario.bernoulli(0.2, 0.4), Scenario.bernoulli(0.2, 0.6), Scenario.bernoulli(0.2, 0.8),
        Scenario.bernoulliGradual(0.2, 0.6, 1000))) {
      DelayAssertions.assertConditionalBound(
          DelayAssertions.defaults(type()), s, (d, sc) -> Bounds.ddm((Ddm) d, sc));
    }
  }

  @Test
  void falseAlarmsWithinTheUnionBoundOfThePapersConfidence() {
    DelayAssertions.assertFalseAlarmsAtMost(
        DelayAssertions.defaults(type()), false, 0.2, FalseAlarmBounds.ddm());
  }
}
