package dev.eddy.drift.testing;

import dev.eddy.drift.Adwin;
import dev.eddy.drift.Cusum;
import dev.eddy.drift.Eddm;
import dev.eddy.drift.Kswin;
import dev.eddy.drift.PageHinkley;

/**
 * Bounds on the false alarms (DRIFTs) per 100,000 values of a stationary stream, each derived from
 * the detector's paper or from the theory it rests on (the source is given per method). Where the
 * paper gives a per-test false-alarm probability, the union bound over the tests is used; where a
 * detector is a sequential test with a known run length (Page-Hinkley, CUSUM), Siegmund's
 * approximation of the in-control run length.
 */
public final class FalseAlarmBounds {
  private FalseAlarmBounds() {}

  /** ADWIN, Theorem 3 (1): a check shrinks a stationary window with probability at most delta. */
  public static double adwin(Adwin.Config c) {
    return c.delta() * 100_000 / c.clock();
  }

  /**
   * DDM: Gama et al. set the drift level for 99% confidence; each update after min-instances is
   * one such test, so by the union bound at most 1,000 false drifts per 100,000 updates.
   */
  public static double ddm() {
    return 0.01 * 100_000;
  }

  /** EDDM: every drift needs min-errors errors since the last reset, and there are p N errors. */
  public static double eddm(Eddm.Config c, double p) {
    return p * 100_000 / c.minErrors();
  }

  /** HDDM: each test's false-alarm probability is at most a_D (the paper); union bound. */
  public static double hddm(double driftConfidence) {
    return driftConfidence * 100_000;
  }

  /**
   * Page-Hinkley: Siegmund's approximation of the mean run length of the increase sum under no
   * change (drift -delta, deviation sigma; fading only lengthens it), plus the warm-up.
   */
  public static double pageHinkley(PageHinkley.Config c, double sigma) {
    double arl = siegmund(c.delta() / sigma, c.lambda() / sigma);
    return 100_000 / (arl + c.minInstances());
  }

  /**
   * Two-sided CUSUM after a warm-up of m values: Siegmund's run length of each side, evaluated at
   * the corner of the 99.7% confidence region of the warm-up estimates (mean off by 3 sigma /
   * sqrt(m), deviation low by 3 / sqrt(2 (m - 1))), combined as 1 / (1/ARL+ + 1/ARL-), plus m.
   */
  public static double cusum(Cusum.Config c) {
    int m = c.minInstances();
    double meanError = 3 / Math.sqrt(m);
    double sigmaRatio = 1 - 3 / Math.sqrt(2.0 * (m - 1)); // estimated / true deviation
    double sd = 1 / sigmaRatio; // deviation of x / sigma-hat
    double up = siegmund((c.slack() - meanError / sigmaRatio) / sd, c.threshold() / sd);
    double down = siegmund((c.slack() + meanError / sigmaRatio) / sd, c.threshold() / sd);
    return 100_000 / (1 / (1 / up + 1 / down) + m);
  }

  /**
   * Siegmund's approximation of a one-sided CUSUM's mean run length for unit-variance normal
   * increments with drift -delta and threshold h: (e^(2 delta b) - 2 delta b - 1) / (2 delta^2),
   * b = h + 1.166.
   */
  static double siegmund(double delta, double h) {
    double b = h + 1.166;
    if (Math.abs(delta) < 1e-9) {
      return b * b;
    }
    double x = 2 * delta * b;
    return (Math.exp(x) - x - 1) / (2 * delta * delta);
  }

  /**
   * KSWIN: each test's false-alarm probability is at most 2 alpha (asymptotic Smirnov bound for
   * two samples of r), so by the union bound the mean wait for a false drift after the window
   * fills is at least 1 / (4 alpha); every drift empties the window, which takes n - 1 values to
   * refill.
   */
  public static double kswin(Kswin.Config c) {
    return 100_000 / (c.windowSize() - 1 + 1 / (4 * c.alpha()));
  }
}
