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

class HddmWTest extends DriftDetectorContract {

  @Override
  protected String type() {
    return "hddm-w";
  }

  @Override
  protected Map<String, String> expectedDefaults() {
    return Maps.ordered(
        "drift-confidence", "0.001", "warning-confidence", "0.005", "lambda", "0.05", "two-sided", "false");
  }

  @Override
  protected List<String[]> invalidParameters() {
    return List.of(
        new String[] {"drift-confidence", "1.5"}, new String[] {"warning-confidence", "1.0E-4"},
        new String[] {"lambda", "0.0"}, new String[] {"lambda", "1.5"}, new String[] {"two-sided", "yes"});
  }

  /**
   * lambda 0.2, default confidences; ten 0s then 1s. An average started fresh has coefficient c_j =
   * 1/9 + (8/9) 0.64^(j-1) after j values (c_1 = 1, c' = 0.04 + 0.64 c). While the input is 0, T = 0
   * and T + eps falls at every update, so the cut follows it: S1 = (0, c_10 = 0.127124). The 1s
   * leave T + eps above the cut (T = 0.2 at the first 1) and feed S2, whose mean is exactly 1 with
   * coefficient c_k. The W-test 1 - 0 &gt; sqrt((c1 + c2) ln(1/a) / 2) becomes c1 + c2 &lt; 2 / ln(1/a):
   * 0.289530 (drift), 0.377478 (warning), i.e. c2 &lt; 0.162406 and c2 &lt; 0.250355. c_5 = 0.260242 (S),
   * c_6 = 0.206555 (W), c_7 = 0.172195 (W), c_8 = 0.150205 (D). Then T = 1 - 0.8^8 = 0.832228 with
   * coefficient c_18 = 0.111562.
   */
  @Test
  void goldenTraceOfARise() {
    HddmW d = new HddmW(new HddmW.Config(0.001, 0.005, 0.2, false));
    assertThat(trace(d, repeat(0, 10))).isEqualTo("S".repeat(10));
    assertThat(d.cutMean()).isZero();
    assertThat(d.cutCoefficient()).isCloseTo(0.1271239098, within(1e-9));
    assertThat(trace(d, repeat(1, 7))).isEqualTo("SSSSSWW");
    assertThat(d.sinceCutCoefficient()).isCloseTo(0.1721950904, within(1e-9));
    assertThat(trace(d, 1)).isEqualTo("D");
    assertThat(d.mean()).isCloseTo(0.83222784, within(1e-12));
    assertThat(d.coefficient()).isCloseTo(0.1115618313, within(1e-9));
    assertThat(d.sinceCutMean()).isEqualTo(1.0);
    assertThat(d.sinceCutCoefficient()).isCloseTo(0.1502048579, within(1e-9));
    assertThat(d.cutCoefficient()).isCloseTo(0.1271239098, within(1e-9));
  }

  /** The mirror image, ten 1s then 0s: the fall test (two-sided only) fires at the same steps. */
  @Test
  void goldenTraceOfAFall() {
    double[] input = concat(repeat(1, 10), repeat(0, 8));
    assertThat(trace(new HddmW(new HddmW.Config(0.001, 0.005, 0.2, true)), input))
        .isEqualTo("S".repeat(15) + "WWD");
    assertThat(trace(new HddmW(new HddmW.Config(0.001, 0.005, 0.2, false)), input))
        .isEqualTo("S".repeat(18));
  }

  /** Pinned positions (regression): default HDDM-W on a seeded stream. */
  @Test
  void pinnedDriftPositions() {
    assertThat(drifts(create(), Scenario.bernoulli(0.2, 0.6).generate(7)))
        .containsExactly(2008, 2647, 3280, 4480, 4918);
  }

  /**
   * Conditional bound (see Bounds#hddmW): with lambda = 0.05 the W-test's radius stays above 0.4,
   * so only the 0.2 -&gt; 0.8 change crosses on the expected path; the others are detected through
   * the cut point's bias, with no derivable bound.
   */
  @Test
  void detectsWithinTheConditionalBound() {
    DelayAssertions.assertConditionalBound(
        DelayAssertions.defaults(type()), Scenario.bernoulli(0.2, 0.8), (d, s) -> Bounds.hddmW((HddmW) d, s));
    for (Scenario s : List.of(
        Scenario.bernoulli(0.2, 0.4), Scenario.bernoulli(0.2, 0.6), Scenario.bernoulliGradual(0.2, 0.6, 1000))) {
      DelayAssertions.assertAlwaysDetected(DelayAssertions.defaults(type()), s);
    }
  }

  @Test
  void falseAlarmsWithinThePapersBound() {
    DelayAssertions.assertFalseAlarmsAtMost(
        DelayAssertions.defaults(type()), false, 0.2, FalseAlarmBounds.hddm(0.001));
  }
}
