package dev.eddy.core.synthetic;

import java.util.SplittableRandom;

/**
 * The random RBF stream with drift (as MOA's {@code RandomRBFGeneratorDrift}, after A. Bifet et al.,
 * "New ensemble methods for evolving data streams", KDD 2009): {@code centroids} random centres in
 * [0, 1]^d, each with a class (0/1), a weight and a spread; an example picks a centre by weight and
 * lies in a uniformly random direction from it at a N(0, spread) distance; its class is the
 * centre's. Every centre moves {@code speed} per example in its own direction, bouncing off the
 * cube's faces: a continuous (gradual) drift. Not linearly separable: a test of how far a linear
 * model gets. With {@code classes} k &gt; 2 each centre draws one of k classes: a multiclass stream
 * (two classes give exactly the binary stream of the same seed). Seeded.
 */
public final class RbfDriftGenerator {
  private final SplittableRandom random;
  private final double[][] centres;
  private final double[][] moves;
  private final int[] classes;
  private final double[] cumulativeWeight;
  private final double[] spread;
  private final double speed;

  public RbfDriftGenerator(long seed, int dimension, int centroids, double speed) {
    this(seed, dimension, centroids, speed, 2);
  }

  /** A stream of {@code classes} classes (labels 0 .. classes-1). */
  public RbfDriftGenerator(long seed, int dimension, int centroids, double speed, int classes) {
    if (classes < 2) {
      throw new IllegalArgumentException("classes must be >= 2 but was " + classes);
    }
    this.random = new SplittableRandom(seed);
    this.speed = speed;
    centres = new double[centroids][dimension];
    moves = new double[centroids][dimension];
    this.classes = new int[centroids];
    cumulativeWeight = new double[centroids];
    spread = new double[centroids];
    double total = 0;
    for (int c = 0; c < centroids; c++) {
      for (int i = 0; i < dimension; i++) {
        centres[c][i] = random.nextDouble();
      }
      this.classes[c] = random.nextInt(classes);
      total += random.nextDouble();
      cumulativeWeight[c] = total;
      spread[c] = random.nextDouble();
      unitDirection(moves[c]);
    }
    for (int c = 0; c < centroids; c++) {
      cumulativeWeight[c] /= total;
    }
  }

  private void unitDirection(double[] v) {
    double norm = 0;
    for (int i = 0; i < v.length; i++) {
      v[i] = random.nextGaussian();
      norm += v[i] * v[i];
    }
    norm = Math.sqrt(norm);
    for (int i = 0; i < v.length; i++) {
      v[i] /= norm;
    }
  }

  /** Fills {@code x} (length = dimension) and returns the label (0 .. classes-1). */
  public double next(double[] x) {
    double u = random.nextDouble();
    int c = 0;
    while (c < cumulativeWeight.length - 1 && cumulativeWeight[c] < u) {
      c++;
    }
    unitDirection(x);
    double distance = random.nextGaussian() * spread[c];
    for (int i = 0; i < x.length; i++) {
      x[i] = centres[c][i] + x[i] * distance;
    }
    int label = classes[c];
    for (int k = 0; k < centres.length; k++) {
      for (int i = 0; i < x.length; i++) {
        double p = centres[k][i] + moves[k][i] * speed;
        if (p < 0 || p > 1) {
          moves[k][i] = -moves[k][i];
          p = centres[k][i] + moves[k][i] * speed;
        }
        centres[k][i] = p;
      }
    }
    return label;
  }

  /** The current centre of centroid {@code c} (a copy), for tests. */
  double[] centre(int c) {
    return centres[c].clone();
  }
}
