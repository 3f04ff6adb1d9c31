package dev.eddy.core.synthetic;

import java.util.SplittableRandom;

/**
 * A hyperplane stream after Hulten, Spencer and Domingos ("Mining time-changing data streams", KDD
 * 2001): features uniform in [0, 1]^d; the label is 1 when {@code sum_i w_i (x_i - 0.5) >= 0}, i.e.
 * on one side of a hyperplane through the cube's centre; a fraction of labels is flipped as noise.
 * The paper rotates the plane gradually; here the concept changes abruptly at known points, where a
 * new orientation is drawn (weights uniform in [-1, 1]), so a model of the old concept is wrong on
 * about half of the space and the drift is unmistakable. Seeded.
 */
public final class HyperplaneGenerator {
  private final SplittableRandom random;
  private final long[] driftPoints;
  private final double noise;
  private final double[] weights;
  private long position;
  private int concept;

  /**
   * @param dimension number of features
   * @param driftPoints 0-based positions where a new concept starts, ascending
   * @param noise fraction of flipped labels
   */
  public HyperplaneGenerator(long seed, int dimension, long[] driftPoints, double noise) {
    this.random = new SplittableRandom(seed);
    this.driftPoints = driftPoints.clone();
    this.noise = noise;
    this.weights = new double[dimension];
    drawWeights();
  }

  private void drawWeights() {
    for (int i = 0; i < weights.length; i++) {
      weights[i] = random.nextDouble(-1.0, 1.0);
    }
  }

  /** Fills {@code features} (length = dimension) with the next example and returns its label (0/1). */
  public double next(double[] features) {
    if (concept < driftPoints.length && position == driftPoints[concept]) {
      drawWeights();
      concept++;
    }
    double side = 0;
    for (int i = 0; i < weights.length; i++) {
      features[i] = random.nextDouble();
      side += weights[i] * (features[i] - 0.5);
    }
    double label = side >= 0 ? 1.0 : 0.0;
    if (random.nextDouble() < noise) {
      label = 1.0 - label;
    }
    position++;
    return label;
  }
}
