package dev.eddy.core.synthetic;

import java.util.SplittableRandom;

/**
 * The SEA concepts stream (Street and Kim, "A streaming ensemble algorithm (SEA) for large-scale
 * classification", KDD 2001): three features uniform in [0, 10]; the label is 1 when
 * {@code f1 + f2 <= theta}, else 0 (f3 is irrelevant); a fraction of labels is flipped as noise. The
 * concept, and so {@code theta}, changes abruptly at known points, cycling through the paper's
 * thresholds 8, 9, 7 and 9.5. Seeded: the same seed gives the same stream.
 */
public final class SeaGenerator {
  /** The paper's four concepts. */
  static final double[] THRESHOLDS = {8.0, 9.0, 7.0, 9.5};

  private final SplittableRandom random;
  private final long[] driftPoints;
  private final double noise;
  private long position;

  /**
   * @param seed random seed
   * @param driftPoints 0-based positions where the next concept starts, ascending
   * @param noise fraction of flipped labels (the paper uses 0.1)
   */
  public SeaGenerator(long seed, long[] driftPoints, double noise) {
    this.random = new SplittableRandom(seed);
    this.driftPoints = driftPoints.clone();
    this.noise = noise;
  }

  /** Drift points splitting a stream of {@code n} events into four equal concepts. */
  public static long[] quarters(long n) {
    return new long[] {n / 4, n / 2, 3 * n / 4};
  }

  /** Index of the concept at the current position. */
  public int concept() {
    int c = 0;
    while (c < driftPoints.length && position >= driftPoints[c]) {
      c++;
    }
    return c % THRESHOLDS.length;
  }

  /** Fills {@code features} (length 3) with the next example and returns its label (0 or 1). */
  public double next(double[] features) {
    double theta = THRESHOLDS[concept()];
    for (int i = 0; i < 3; i++) {
      features[i] = random.nextDouble() * 10.0;
    }
    double label = features[0] + features[1] <= theta ? 1.0 : 0.0;
    if (random.nextDouble() < noise) {
      label = 1.0 - label;
    }
    position++;
    return label;
  }

  /** Number of examples generated so far. */
  public long position() {
    return position;
  }
}
