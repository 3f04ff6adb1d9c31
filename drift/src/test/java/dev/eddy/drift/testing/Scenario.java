package dev.eddy.drift.testing;

import java.util.SplittableRandom;

/**
 * A seeded synthetic stream with one known change: values follow {@code before} until {@code
 * changeAt}, then move to {@code after} either at once ({@code width} = 0, abrupt) or linearly over
 * {@code width} values (gradual). Bernoulli streams draw 0/1 with the given probability (an error
 * indicator); Gaussian streams draw N(mean, 1). {@code before == after} makes a stationary stream.
 *
 * @param name a short label for tables, e.g. {@code bern .2->.6}
 * @param gaussian Gaussian (true) or Bernoulli (false) values
 * @param before the probability or mean before the change
 * @param after the probability or mean after the change
 * @param changeAt index of the first changed value
 * @param width 0 for an abrupt change, else the length of the linear transition
 * @param length total number of values
 */
public record Scenario(
    String name, boolean gaussian, double before, double after, int changeAt, int width, int length) {

  /** An abrupt Bernoulli change at 2,000 with 3,000 values after it. */
  public static Scenario bernoulli(double before, double after) {
    return new Scenario(label("bern", before, after, 0), false, before, after, 2000, 0, 5000);
  }

  /** A gradual Bernoulli change starting at 2,000 and lasting {@code width} values. */
  public static Scenario bernoulliGradual(double before, double after, int width) {
    return new Scenario(label("bern", before, after, width), false, before, after, 2000, width, 5000);
  }

  /** An abrupt change of a unit-variance Gaussian's mean at 2,000. */
  public static Scenario gaussian(double before, double after) {
    return new Scenario(label("gauss", before, after, 0), true, before, after, 2000, 0, 5000);
  }

  /** A gradual change of a unit-variance Gaussian's mean. */
  public static Scenario gaussianGradual(double before, double after, int width) {
    return new Scenario(label("gauss", before, after, width), true, before, after, 2000, width, 5000);
  }

  /** A stationary stream of {@code length} values. */
  public static Scenario stationary(boolean gaussian, double level, int length) {
    String name = (gaussian ? "gauss " : "bern ") + trim(level) + " stationary";
    return new Scenario(name, gaussian, level, level, length, 0, length);
  }

  private static String label(String kind, double before, double after, int width) {
    return kind + " " + trim(before) + "->" + trim(after) + (width == 0 ? "" : " over " + width);
  }

  private static String trim(double v) {
    String s = Double.toString(v);
    return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s.replaceFirst("^0\\.", ".");
  }

  /** The probability or mean at index {@code t}. */
  public double level(int t) {
    if (t < changeAt) {
      return before;
    }
    if (width == 0 || t >= changeAt + width) {
      return after;
    }
    return before + (after - before) * (t - changeAt + 1) / width;
  }

  /** The stream for {@code seed}. */
  public double[] generate(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    double[] out = new double[length];
    for (int t = 0; t < length; t++) {
      double level = level(t);
      out[t] = gaussian ? level + random.nextGaussian() : (random.nextDouble() < level ? 1 : 0);
    }
    return out;
  }

  /** True if every value is 0 or 1. */
  public boolean binary() {
    return !gaussian;
  }
}
