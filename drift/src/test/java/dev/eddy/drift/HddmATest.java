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
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HddmATest extends DriftDetectorContract {

  @Override
  protected String type() {
    return "hddm-a";
  }

  @Override
  protected Map<String, String> expectedDefaults() {
    return Maps.ordered("drift-confidence", "0.001", "warning-confidence", "0.005", "two-sided", "false");
  }

  @Override
  protected List<String[]> invalidParameters() {
    return List.of(
        new String[] {"drift-confidence", "0.0"}, new String[] {"drift-confidence", "1.0"},
        new String[] {"warning-confidence", "5.0E-4"}, new String[] {"warning-confidence", "1.0"},
        new String[] {"two-sided", "maybe"});
  }

  /**
   * Default confidences; twenty 0s then 1s. While the input is constant, X + eps(n_x) &gt;= Z + eps(n)
   * holds at every update (eps shrinks with n), so the cut follows the present: after the 0s, n_x =
   * 20 and X = 0. The k-th 1 gives Z = k / (20 + k); the cut stays (at k = 1: X + eps(20) = 0.415565
   * &lt; Z + eps(21) = 0.047619 + 0.405549, and Z only grows). The A-test Z - X &gt;= sqrt(k / (2 * 20
   * (20 + k)) ln(2/a)) squares to k / (20 + k) &gt;= ln(2/a) / 40: 0.190023 for a = 0.001 and 0.149787
   * for a = 0.005. k = 3: 3/23 = 0.130 (S); k = 4: 4/24 = 0.1667 (W); k = 5: 5/25 = 0.2 (D).
   */
  @Test
  void goldenTraceOfARise() {
    HddmA d = new HddmA(HddmA.Config.DEFAULT);
    assertThat(trace(d, repeat(0, 20))).isEqualTo("S".repeat(20));
    assertThat(d.cutLength()).isEqualTo(20);
    assertThat(trace(d, 1, 1, 1, 1)).isEqualTo("SSSW");
    assertThat(d.mean()).isCloseTo(4.0 / 24, within(1e-12));
    assertThat(trace(d, 1)).isEqualTo("D");
    assertThat(d.mean()).isCloseTo(0.2, within(1e-12));
    assertThat(d.cutLength()).isEqualTo(20);
    assertThat(d.cutMean()).isZero();
    assertThat(d.statistics()).containsEntry("high-cut-length", 25.0);
  }

  /** The mirror image: twenty 1s then 0s, detected only when two-sided (same thresholds). */
  @Test
  void goldenTraceOfAFall() {
    double[] input = concat(repeat(1, 20), repeat(0, 5));
    assertThat(trace(new HddmA(new HddmA.Config(0.001, 0.005, true)), input))
        .isEqualTo("S".repeat(23) + "WD");
    assertThat(trace(new HddmA(HddmA.Config.DEFAULT), input)).isEqualTo("S".repeat(25));
  }

  /** Pinned positions (regression): default HDDM-A on a seeded stream. */
  @Test
  void pinnedDriftPositions() {
    assertThat(drifts(create(), Scenario.bernoulli(0.2, 0.6).generate(7))).containsExactly(2020);
  }

  /** Conditional bound from the actual cut point (see Bounds#hddmA). */
  @Test
  void detectsWithinTheConditionalBound() {
    for (Scenario s : List.of(
        Scenario.bernoulli(0.2, 0.4), Scenario.bernoulli(0.2, 0.6), Scenario.bernoulli(0.2, 0.8),
        Scenario.bernoulliGradual(0.2, 0.6, 1000))) {
      DelayAssertions.assertConditionalBound(
          DelayAssertions.defaults(type()), s, (d, sc) -> Bounds.hddmA((HddmA) d, sc));
    }
  }

  @Test
  void falseAlarmsWithinThePapersBound() {
    DelayAssertions.assertFalseAlarmsAtMost(
        DelayAssertions.defaults(type()), false, 0.2, FalseAlarmBounds.hddm(0.001));
  }
}
