package dev.eddy.core.synthetic;

import java.util.SplittableRandom;

/**
 * Friedman #1, the standard regression stream (J. H. Friedman, "Multivariate adaptive regression
 * splines", Annals of Statistics 19, 1991; MOA's and River's {@code Friedman}): ten features uniform
 * on [0, 1], of which the first five matter, y = 10 sin(π x1 x2) + 20 (x3 − 0.5)² + 10 x4 + 5 x5 + ε,
 * ε ~ N(0, 1). Stationary and not linear (the sine and the square): a linear model's error has a
 * floor above the noise. Seeded.
 */
public final class FriedmanGenerator {
  /** The number of features. */
  public static final int DIMENSION = 10;
  private final SplittableRandom random;

  public FriedmanGenerator(long seed) {
    this.random = new SplittableRandom(seed);
  }

  /** Fills {@code x} (length {@link #DIMENSION}) and returns the noisy target. */
  public double next(double[] x) {
    for (int i = 0; i < DIMENSION; i++) {
      x[i] = random.nextDouble();
    }
    return target(x) + random.nextGaussian();
  }

  /** The noise-free target of {@code x}. */
  public static double target(double[] x) {
    double c = x[2] - 0.5;
    return 10 * Math.sin(Math.PI * x[0] * x[1]) + 20 * c * c + 10 * x[3] + 5 * x[4];
  }
}
