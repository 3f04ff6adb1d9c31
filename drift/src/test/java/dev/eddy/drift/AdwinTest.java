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

class AdwinTest extends DriftDetectorContract {

  @Override
  protected String type() {
    return "adwin";
  }

  @Override
  protected Map<String, String> expectedDefaults() {
    return Maps.ordered(
        "delta", "0.002", "clock", "32", "min-window-length", "5", "max-buckets", "5", "direction", "up");
  }

  @Override
  protected List<String[]> invalidParameters() {
    return List.of(
        new String[] {"delta", "0.0"}, new String[] {"delta", "1.0"}, new String[] {"delta", "NaN"},
        new String[] {"clock", "0"}, new String[] {"min-window-length", "0"},
        new String[] {"max-buckets", "1"}, new String[] {"direction", "sideways"});
  }

  private static Adwin adwin(int maxBuckets, int clock, double delta) {
    return new Adwin(new Adwin.Config(delta, clock, 1, maxBuckets, Direction.UP));
  }

  /**
   * Compression with M = 2 (a row holds at most 2 buckets; a third merges the two oldest into the
   * next row), no cut checks (clock 1000), input 1..7:
   *
   * <pre>
   * 1: [1]            2: [1,1]           3: [1,1,1] -> merge {1,2} -> [2,1]
   * 4: [2,1,1]        5: [2,1,1,1] -> merge {3,4} -> [2,2,1]
   * 6: [2,2,1,1]      7: [2,2,1,1,1] -> merge {5,6} -> [2,2,2,1] -> merge {1,2},{3,4} -> [4,2,1]
   * </pre>
   *
   * Sizes oldest first [4, 2, 1]; width 7; mean 28/7 = 4; variance sum (x - 4)^2 / 7 = (9+4+1+0+1+4+9)
   * / 7 = 4 (Welford's update gives m2 = 28). The merged bucket {1,2,3,4} carries m2 = 0.5 + 0.5 +
   * (2/2)(1.5 - 3.5)^2 = 5 = sum (x - 2.5)^2, which the shrink test below relies on.
   */
  @Test
  void compressesTheHistogramAsInThePaper() {
    Adwin a = adwin(2, 1000, 0.1);
    long[][] sizes = {{1}, {1, 1}, {2, 1}, {2, 1, 1}, {2, 2, 1}, {2, 2, 1, 1}, {4, 2, 1}};
    for (int x = 1; x <= 7; x++) {
      assertThat(a.update(x)).isEqualTo(Signal.STABLE);
      assertThat(a.bucketSizes()).as("after %d", x).containsExactly(sizes[x - 1]);
    }
    assertThat(a.width()).isEqualTo(7);
    assertThat(a.mean()).isEqualTo(4.0);
    assertThat(a.variance()).isCloseTo(4.0, within(1e-12));
    assertThat(a.buckets()).isEqualTo(3);
  }

  /**
   * M = 2, clock 1, min-window-length 1, delta 0.1; eight 0s then 10s. After the 11th value the
   * buckets are [4,4,2,1] (sums 0, 0, 20, 10); W = 11, mean 30/11, var(W) = (8 (30/11)^2 + 3
   * (80/11)^2) / 11 = 19.834711, ln(2 ln 11 / 0.1) = ln 47.958 = 3.870324. Cuts, oldest first:
   *
   * <ul>
   *   <li>n0 = 4, n1 = 7: |0 - 30/7| = 4.285714; 1/n0 + 1/n1 = 0.392857; eps = sqrt(2 * 0.392857 *
   *       19.834711 * 3.870324) + (2/3) 0.392857 * 3.870324 = 7.7667 + 1.0137 = 8.780: no cut;
   *   <li>n0 = 8, n1 = 3: |0 - 10| = 10; 1/n0 + 1/n1 = 0.458333; eps = 8.3885 + 1.1826 = 9.571 &lt;
   *       10: cut, drop the oldest bucket (4 zeros).
   * </ul>
   *
   * Then W = 7 = {0 x4, 10 x3}: mean 30/7, m2 = 4 (30/7)^2 + 3 (40/7)^2 = 171.428571, var 24.489796;
   * ln(2 ln 7 / 0.1) = 3.661449; cut n0 = 4, n1 = 3: 1/n0 + 1/n1 = 0.583333, eps = 10.227 + 1.424 =
   * 11.65 &gt; 10; n0 = 6, n1 = 1: |20/6 - 10| = 6.67 &lt; eps: the window stops shrinking. Values 1-10
   * never satisfy a cut (at 9 and 10 the largest differences, 10 at n1 = 1 and 1 or 2, stay below
   * eps = 12.0 and 10.6). The 12th update resets (the detector contract).
   */
  @Test
  void shrinksTheWindowWhenACutPassesTheTest() {
    Adwin a = adwin(2, 1, 0.1);
    assertThat(trace(a, concat(repeat(0, 8), repeat(10, 3)))).isEqualTo("SSSSSSSSSSD");
    assertThat(a.bucketSizes()).containsExactly(4, 2, 1);
    assertThat(a.width()).isEqualTo(7);
    assertThat(a.mean()).isCloseTo(30.0 / 7, within(1e-12));
    assertThat(a.variance()).isCloseTo(171.428571428571 / 7, within(1e-9));
    a.update(10);
    assertThat(a.width()).isEqualTo(1);
    assertThat(a.mean()).isEqualTo(10.0);
  }

  /**
   * The mirror image of the trace above (x -&gt; 10 - x: the same variance and the same |difference|
   * at every cut): eight 10s then three 0s make the same cut at the 11th value, the window becomes
   * {10 x4, 0 x3} with mean 40/7, lower than before. {@code up} shrinks the window silently (as MOA's
   * ADWINChangeDetector, which reports only a rising estimate); {@code down} and {@code both} signal.
   */
  @Test
  void aFallingMeanShrinksTheWindowButSignalsOnlyWhenWatched() {
    double[] fall = concat(repeat(10, 8), repeat(0, 3));
    Adwin up = adwin(2, 1, 0.1);
    assertThat(trace(up, fall)).isEqualTo("SSSSSSSSSSS");
    assertThat(up.width()).isEqualTo(7);
    assertThat(up.mean()).isCloseTo(40.0 / 7, within(1e-12));
    for (Direction d : new Direction[] {Direction.DOWN, Direction.BOTH}) {
      Adwin a = new Adwin(new Adwin.Config(0.1, 1, 1, 2, d));
      assertThat(trace(a, fall)).as("%s", d).isEqualTo("SSSSSSSSSSD");
      assertThat(a.width()).isEqualTo(7);
    }
    Adwin down = new Adwin(new Adwin.Config(0.1, 1, 1, 2, Direction.DOWN));
    assertThat(trace(down, concat(repeat(0, 8), repeat(10, 3)))).isEqualTo("SSSSSSSSSSS");
  }

  @Test
  void checksForCutsOnlyEveryClockUpdates() {
    // With clock 4 the cut found at update 11 above waits for update 12.
    Adwin a = adwin(2, 4, 0.1);
    assertThat(trace(a, concat(repeat(0, 8), repeat(10, 4)))).isEqualTo("SSSSSSSSSSSD");
  }

  /** Pinned positions (regression): default ADWIN on seeded streams. */
  @Test
  void pinnedDriftPositions() {
    assertThat(drifts(create(), Scenario.gaussian(0, 2).generate(7))).containsExactly(2015);
    assertThat(drifts(create(), Scenario.bernoulli(0.2, 0.6).generate(7))).containsExactly(2047);
  }

  /** Theorem 3 (2): every run detects within the worst-case delay (see Bounds#adwinMaxDelay). */
  @Test
  void detectsAbruptChangesWithinTheoremThreeBound() {
    for (Scenario s : List.of(
        Scenario.bernoulli(0.2, 0.4), Scenario.bernoulli(0.2, 0.6), Scenario.bernoulli(0.2, 0.8))) {
      DelayAssertions.assertEveryRunWithin(
          DelayAssertions.defaults(type()), s, StreamBounds.adwinMaxDelay(Adwin.Config.DEFAULT, s));
    }
  }

  @Test
  void detectsGradualAndGaussianChanges() {
    for (Scenario s : List.of(
        Scenario.bernoulliGradual(0.2, 0.6, 1000), Scenario.gaussian(0, 1), Scenario.gaussian(0, 2),
        Scenario.gaussianGradual(0, 2, 1000))) {
      DelayAssertions.assertAlwaysDetected(DelayAssertions.defaults(type()), s);
    }
  }

  /** Theorem 3 (1): at most delta false shrinks per check, one check per clock updates. */
  @Test
  void falseAlarmsWithinTheoremThreeBound() {
    DelayAssertions.assertFalseAlarmsAtMost(
        DelayAssertions.defaults(type()), false, 0.2, FalseAlarmBounds.adwin(Adwin.Config.DEFAULT));
  }
}
