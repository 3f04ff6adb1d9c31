package dev.eddy.drift.testing;

import dev.eddy.drift.Adwin;
import dev.eddy.drift.Eddm;
import dev.eddy.drift.Kswin;

/**
 * Delay bounds that depend on the stream only, not on the detector's state at the change (see
 * {@link Bounds} for the conditional ones). ADWIN: Theorem 3 (2) of Bifet and Gavaldà 2007, a worst
 * case for every run with probability 1 - delta. EDDM and KSWIN (abrupt changes): the delay at
 * which the statistic computed from the expected pre- and post-change distributions crosses the
 * threshold; for those two the noise is on the alarm side (EDDM's reference is a maximum, KSWIN's
 * distance a supremum), so the median delay over seeds is within the bound. {@link Bounds#NEVER}
 * when no bound applies.
 */
public final class StreamBounds {
  private StreamBounds() {}

  /**
   * ADWIN, Theorem 3 (2), abrupt Bernoulli changes: once |mu0 - mu1| &gt; 2 eps_cut(n0, n1), a check
   * shrinks the window with probability at least 1 - delta. n1 is the first k satisfying it with n0
   * = the change point and var(W) its expected value; the check clock adds up to {@code clock - 1}
   * values, and cuts lie on bucket boundaries, which lose at most a fraction 1/M of W1.
   */
  public static int adwinMaxDelay(Adwin.Config c, Scenario s) {
    if (s.width() > 0 || s.gaussian()) {
      return Bounds.NEVER;
    }
    double n0 = s.changeAt();
    double p0 = s.before();
    double p1 = s.after();
    double gap = Math.abs(p1 - p0);
    int k = Bounds.firstCrossing(
        s,
        n1 -> {
          double w = n0 + n1;
          double var = (n0 * p0 * (1 - p0) + n1 * p1 * (1 - p1)) / w + n0 * n1 * gap * gap / (w * w);
          double inv = 1 / n0 + 1.0 / n1;
          double log = Math.log(2 * Math.log(w) / c.delta());
          double eps = Math.sqrt(2 * inv * var * log) + 2.0 / 3.0 * inv * log;
          return n1 >= c.minWindowLength() && gap > 2 * eps;
        });
    return k == Bounds.NEVER ? Bounds.NEVER : (int) Math.ceil((k + 1) / (1 - 1.0 / c.maxBuckets())) + c.clock() - 1;
  }

  /**
   * EDDM (abrupt changes): after j post-change errors the distances are a mixture of geometric
   * distances with means 1/p0 (n0 p0 errors) and 1/p1 (j errors); the level p' + 2 s' of the
   * mixture against its pre-change value falls below drift-threshold after j* errors, about j* / p1
   * values.
   */
  public static int eddm(Eddm.Config c, Scenario s) {
    if (s.width() > 0) {
      return Bounds.NEVER;
    }
    double p0 = s.before();
    double p1 = s.after();
    double e0 = s.changeAt() * p0;
    double max = mixtureLevel(1, p0, p1);
    for (int j = 1; j < (s.length() - s.changeAt()) * p1; j++) {
      if (mixtureLevel(e0 / (e0 + j), p0, p1) / max < c.driftThreshold()) {
        return (int) Math.ceil(j / p1) - 1;
      }
    }
    return Bounds.NEVER;
  }

  private static double mixtureLevel(double w0, double p0, double p1) {
    double w1 = 1 - w0;
    double mean = w0 / p0 + w1 / p1;
    double second = w0 * (2 - p0) / (p0 * p0) + w1 * (2 - p1) / (p1 * p1);
    return mean + 2 * Math.sqrt(second - mean * mean);
  }

  /**
   * KSWIN (abrupt changes): with k &lt;= r new values in R and none in W, the expected KS distance is
   * (k / r) sup |F0 - F1|, with sup |F0 - F1| = |p1 - p0| for Bernoulli and 2 Phi(|mu1 - mu0| / 2) -
   * 1 for unit Gaussians; it is largest at k = r.
   */
  public static int kswin(Kswin.Config c, Scenario s) {
    if (s.width() > 0) {
      return Bounds.NEVER;
    }
    double gap = s.gaussian()
        ? 2 * phi(Math.abs(s.after() - s.before()) / 2) - 1
        : Math.abs(s.after() - s.before());
    double threshold = Math.sqrt(-Math.log(c.alpha()) / c.statSize());
    int k = (int) Math.floor(threshold * c.statSize() / gap) + 1;
    return k <= c.statSize() ? k - 1 : Bounds.NEVER;
  }

  /** The standard normal distribution function (Abramowitz and Stegun 7.1.26, error &lt; 1.5e-7). */
  static double phi(double x) {
    double z = Math.abs(x) / Math.sqrt(2);
    double t = 1 / (1 + 0.3275911 * z);
    double poly =
        t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
    double erf = 1 - poly * Math.exp(-z * z);
    return x >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
  }
}
