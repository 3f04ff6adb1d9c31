package dev.eddy.drift.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eddy.drift.Detectors;
import dev.eddy.drift.DriftDetector;
import dev.eddy.drift.Signal;
import dev.eddy.drift.WarmUp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.function.ToIntBiFunction;

/** Assertions of measured delays and false alarms against {@link Bounds}. */
public final class DelayAssertions {
  /** Seeds per change scenario in the tests. */
  public static final int SEEDS = 40;
  /** Stationary streams of 100,000 values per false-alarm test. */
  public static final int STATIONARY_STREAMS = 3;

  private DelayAssertions() {}

  /**
   * A conditional bound holds for each run with probability at least 97.7% (see {@link Bounds}):
   * asserts it makes a claim for at least 80% of the runs and holds for at least 85% of those.
   */
  public static DetectionRuns.Result assertConditionalBound(
      Supplier<DriftDetector> factory, Scenario s, ToIntBiFunction<DriftDetector, Scenario> bound) {
    DetectionRuns.Result r = DetectionRuns.run(factory, s, SEEDS, bound);
    assertThat(r.bounded()).as("%s: runs with a finite bound", s.name()).isGreaterThanOrEqualTo(SEEDS * 4 / 5);
    assertThat(r.withinBound())
        .as("%s: runs within their bound, of %d (%s)", s.name(), r.bounded(), r)
        .isGreaterThanOrEqualTo((int) Math.ceil(r.bounded() * 0.85));
    return r;
  }

  /** An unconditional expected-path bound: the median delay is within it (see {@link Bounds}). */
  public static DetectionRuns.Result assertMedianWithin(Supplier<DriftDetector> factory, Scenario s, int bound) {
    assertThat(bound).as("%s: bound", s.name()).isNotEqualTo(Bounds.NEVER);
    DetectionRuns.Result r = DetectionRuns.run(factory, s, SEEDS);
    assertThat(r.medianDelay()).as("%s: median delay (%s)", s.name(), r).isLessThanOrEqualTo(bound);
    return r;
  }

  /** A worst-case bound: every run detects within it. */
  public static DetectionRuns.Result assertEveryRunWithin(Supplier<DriftDetector> factory, Scenario s, int bound) {
    assertThat(bound).as("%s: bound", s.name()).isNotEqualTo(Bounds.NEVER);
    DetectionRuns.Result r = DetectionRuns.run(factory, s, SEEDS);
    assertThat(r.missed()).as("%s: missed runs", s.name()).isZero();
    assertThat(r.maxDelay()).as("%s: largest delay (%s)", s.name(), r).isLessThanOrEqualTo(bound);
    return r;
  }

  /** Every run detects the change (no bound is derivable for this detector and scenario). */
  public static DetectionRuns.Result assertAlwaysDetected(Supplier<DriftDetector> factory, Scenario s) {
    DetectionRuns.Result r = DetectionRuns.run(factory, s, SEEDS);
    assertThat(r.missed()).as("%s: missed runs (%s)", s.name(), r).isZero();
    return r;
  }

  /** False alarms per 100,000 on stationary streams are at most {@code bound}. */
  public static double assertFalseAlarmsAtMost(
      Supplier<DriftDetector> factory, boolean gaussian, double level, double bound) {
    Scenario s = Scenario.stationary(gaussian, level, 100_000);
    double rate = DetectionRuns.run(factory, s, STATIONARY_STREAMS).falseAlarmsPer100k();
    assertThat(rate).as("%s: false alarms per 100,000", s.name()).isLessThanOrEqualTo(bound);
    return rate;
  }

  /** The default detector of {@code type} as its paper has it: without Eddy's warm-up. */
  public static Supplier<DriftDetector> defaults(String type) {
    return () -> Detectors.create(type, Map.of(WarmUp.NAME, "0"));
  }

  /** The 0-based positions of the DRIFTs of a fresh detector on {@code values}. */
  public static List<Integer> drifts(DriftDetector d, double[] values) {
    List<Integer> out = new ArrayList<>();
    for (int t = 0; t < values.length; t++) {
      if (d.update(values[t]) == Signal.DRIFT) {
        out.add(t);
      }
    }
    return out;
  }

  /** The signals of a fresh detector on {@code values}, as one letter each (S, W, D). */
  public static String trace(DriftDetector d, double... values) {
    StringBuilder out = new StringBuilder();
    for (double v : values) {
      out.append(d.update(v).name().charAt(0));
    }
    return out.toString();
  }

  /** {@code n} copies of {@code value}. */
  public static double[] repeat(double value, int n) {
    double[] out = new double[n];
    java.util.Arrays.fill(out, value);
    return out;
  }

  /** The concatenation of the arrays. */
  public static double[] concat(double[]... parts) {
    int n = 0;
    for (double[] p : parts) {
      n += p.length;
    }
    double[] out = new double[n];
    int at = 0;
    for (double[] p : parts) {
      System.arraycopy(p, 0, out, at, p.length);
      at += p.length;
    }
    return out;
  }
}
