package dev.eddy.drift.testing;

import dev.eddy.drift.Cusum;
import dev.eddy.drift.Ddm;
import dev.eddy.drift.HddmA;
import dev.eddy.drift.HddmW;
import dev.eddy.drift.PageHinkley;
import dev.eddy.drift.Signal;
import java.util.function.IntPredicate;

/**
 * Detection-delay bounds derived from each detector's paper, for the {@link
 * Scenario}s of the synthetic suite. Each delay bound is a function of the detector as it stands
 * just before the first changed value (see {@link DetectionRuns#run}).
 *
 * <p><b>Conditional bounds</b> (DDM, HDDM-A, HDDM-W, Page-Hinkley, CUSUM): the detector's own test
 * statistic is a (weighted) sum of the values; starting from the detector's actual statistics at
 * the change, the bound is the first delay at which the statistic, with every post-change value
 * replaced by its expected value and the sum lowered by two standard deviations of its post-change
 * noise, passes the paper's threshold. The statistic is then past the threshold with probability
 * at least 97.7% (normal approximation), so each run's delay is within its bound with that
 * probability. The tests assert it for at least 90% of runs. These detectors keep state from far
 * before the change (DDM's s_min, the HDDM cut points, CUSUM's warm-up estimates), which is why the
 * bound must start from the actual state rather than from the stream's expected values.
 *
 * <p>ADWIN, EDDM and KSWIN have bounds that depend on the stream only: see {@link StreamBounds}.
 *
 * <p>{@link #NEVER}: no claim for this run (the expected path does not cross within the scenario,
 * or the detector is still warming up at the change). False-alarm bounds are in {@link
 * FalseAlarmBounds}.
 */
public final class Bounds {

  /** The update rule's parameters of {@code d}: its parameters without the warm-up. */
  private static java.util.Map<String, String> rule(dev.eddy.drift.DriftDetector d) {
    java.util.Map<String, String> out = new java.util.LinkedHashMap<>(d.parameters());
    out.remove(dev.eddy.drift.WarmUp.NAME);
    return out;
  }
  /** No claim. */
  public static final int NEVER = Integer.MAX_VALUE;

  private Bounds() {}

  /** Delay k - 1 of the first k (post-change values) for which {@code crossed} holds. */
  static int firstCrossing(Scenario s, IntPredicate crossed) {
    for (int k = 1; k <= s.length() - s.changeAt(); k++) {
      if (crossed.test(k)) {
        return k - 1;
      }
    }
    return NEVER;
  }

  /** The expected value of the k-th post-change value (k from 1). */
  private static double level(Scenario s, int k) {
    return s.level(s.changeAt() + k - 1);
  }

  /** The variance of the k-th post-change value. */
  private static double variance(Scenario s, int k) {
    double p = level(s, k);
    return s.gaussian() ? 1 : p * (1 - p);
  }

  /** Running expected sum (index 0) and noise variance (index 1) of the post-change values. */
  private static void accumulate(double[] acc, Scenario s, int k) {
    acc[0] += level(s, k);
    acc[1] += variance(s, k);
  }

  private static boolean unusable(Signal last, boolean warmingUp) {
    return last == Signal.DRIFT || warmingUp;
  }

  /** DDM: p + s &gt; p_min + drift-level * s_min, p from the errors so far plus the low sum. */
  public static int ddm(Ddm d, Scenario s) {
    Ddm.Config c = Ddm.Config.fromParams(rule(d));
    if (unusable(d.lastSignal(), d.updates() < c.minInstances())) {
      return NEVER;
    }
    double n0 = d.updates();
    double errors = d.errorRate() * n0;
    double threshold = d.pMin() + c.driftLevel() * d.sMin();
    double[] acc = new double[2];
    return firstCrossing(
        s,
        k -> {
          accumulate(acc, s, k);
          double n = n0 + k;
          double p = (errors + acc[0] - 2 * Math.sqrt(acc[1])) / n;
          return p + Math.sqrt(Math.max(0, p * (1 - p)) / n) > threshold;
        });
  }

  /** HDDM-A: the A-test Z - X &gt;= sqrt((n - n_x) / (2 n_x n) ln(2 / a_D)) from the actual cut. */
  public static int hddmA(HddmA d, Scenario s) {
    if (unusable(d.lastSignal(), d.updates() == 0)) {
      return NEVER;
    }
    HddmA.Config c = HddmA.Config.fromParams(rule(d));
    double n0 = d.updates();
    double sum = d.mean() * n0;
    double nx = d.cutLength();
    double x = d.cutMean();
    double log = Math.log(2 / c.driftConfidence());
    double[] acc = new double[2];
    return firstCrossing(
        s,
        k -> {
          accumulate(acc, s, k);
          double n = n0 + k;
          double z = (sum + acc[0] - 2 * Math.sqrt(acc[1])) / n;
          return z - x >= Math.sqrt((n - nx) / (2 * nx * n) * log);
        });
  }

  /**
   * HDDM-W: S2 continues from its actual value with the expected post-change values (its noise
   * variance is the part of its coefficient due to them, times the value variance); W-test S2 - S1
   * &gt; sqrt((c1 + c2) ln(1 / a_D) / 2) against the actual S1 and c1.
   */
  public static int hddmW(HddmW d, Scenario s) {
    if (unusable(d.lastSignal(), d.cutCoefficient() == 0)) {
      return NEVER;
    }
    HddmW.Config c = HddmW.Config.fromParams(rule(d));
    double lambda = c.lambda();
    double log = Math.log(1 / c.driftConfidence());
    double s1 = d.cutMean();
    double c1 = d.cutCoefficient();
    // S2's mean, coefficient and noise variance
    double[] s2 = {d.sinceCutMean(), d.sinceCutCoefficient(), 0};
    return firstCrossing(
        s,
        k -> {
          double x = level(s, k);
          if (s2[1] == 0) {
            s2[0] = x;
            s2[1] = 1;
            s2[2] = variance(s, k);
          } else {
            double keep = (1 - lambda) * (1 - lambda);
            s2[0] = lambda * x + (1 - lambda) * s2[0];
            s2[1] = lambda * lambda + keep * s2[1];
            s2[2] = lambda * lambda * variance(s, k) + keep * s2[2];
          }
          return s2[0] - 2 * Math.sqrt(s2[2]) - s1 > Math.sqrt((c1 + s2[1]) * log / 2);
        });
  }

  /**
   * Page-Hinkley: U_k &gt;= alpha^k U_0 + sum alpha^(k-j) (x_j - mean_j - delta) (dropping the max with
   * 0 only lowers it); the noise weights are at most 1.
   */
  public static int pageHinkley(PageHinkley d, Scenario s) {
    if (d.lastSignal() == Signal.DRIFT) {
      return NEVER;
    }
    PageHinkley.Config c = PageHinkley.Config.fromParams(rule(d));
    double n0 = d.updates();
    double[] st = {d.mean(), d.upSum(), 0}; // running mean, U, noise variance
    return firstCrossing(
        s,
        k -> {
          double x = level(s, k);
          st[0] += (x - st[0]) / (n0 + k);
          st[1] = c.alpha() * st[1] + x - st[0] - c.delta();
          st[2] += variance(s, k);
          return n0 + k >= c.minInstances() && st[1] - 2 * Math.sqrt(st[2]) > c.lambda();
        });
  }

  /** CUSUM: C+_k &gt;= C+_0 + sum (x_j - mu - k sigma) against h sigma, with the frozen estimates. */
  public static int cusum(Cusum d, Scenario s) {
    Cusum.Config c = Cusum.Config.fromParams(rule(d));
    if (unusable(d.lastSignal(), d.updates() < c.minInstances())) {
      return NEVER;
    }
    double mu = d.reference();
    double sigma = d.sigma();
    double[] acc = {d.upSum(), 0};
    return firstCrossing(
        s,
        k -> {
          acc[0] += level(s, k) - mu - c.slack() * sigma;
          acc[1] += variance(s, k);
          return acc[0] - 2 * Math.sqrt(acc[1]) > c.threshold() * sigma;
        });
  }
}
