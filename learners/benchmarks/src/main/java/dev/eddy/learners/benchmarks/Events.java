package dev.eddy.learners.benchmarks;

import dev.eddy.learners.FeatureVector;
import java.util.SplittableRandom;

/**
 * A fixed, seeded set of binary-labelled events in one input shape, both as {@link FeatureVector}s
 * (for the learners) and as bare index/value arrays (for the raw loops), built before measuring so
 * that only predict+learn is timed.
 *
 * <p>Shapes: {@code dense10}, {@code dense100} (x ~ N(0, I)), and {@code hashed}: 20 active
 * coordinates out of 2^20, as the hashing trick produces.
 */
final class Events {
  static final int COUNT = 1024;
  static final int HASHED_BITS = 20;
  static final int HASHED_ACTIVE = 20;

  final int dimension;
  final FeatureVector[] vectors = new FeatureVector[COUNT];
  /** Null entries for dense events. */
  final int[][] indices = new int[COUNT][];
  final double[][] values = new double[COUNT][];
  final double[] labels = new double[COUNT];

  Events(String shape) {
    SplittableRandom random = new SplittableRandom(42);
    boolean hashed = shape.equals("hashed");
    dimension = hashed ? 1 << HASHED_BITS : Integer.parseInt(shape.substring("dense".length()));
    int size = hashed ? HASHED_ACTIVE : dimension;
    double[] target = new double[Math.min(dimension, 1 << 10)];
    for (int i = 0; i < target.length; i++) {
      target[i] = random.nextGaussian();
    }
    for (int e = 0; e < COUNT; e++) {
      double[] x = new double[size];
      int[] index = hashed ? new int[size] : null;
      double score = 0;
      for (int k = 0; k < size; k++) {
        x[k] = random.nextGaussian();
        if (hashed) {
          index[k] = distinct(random, index, k);
        }
        score += target[(hashed ? index[k] : k) % target.length] * x[k];
      }
      values[e] = x;
      indices[e] = index;
      labels[e] = score + 0.5 * random.nextGaussian() > 0 ? 1 : 0;
      vectors[e] = hashed ? FeatureVector.sparse(dimension, index, x, size) : FeatureVector.dense(x);
    }
  }

  private int distinct(SplittableRandom random, int[] index, int count) {
    while (true) {
      int candidate = random.nextInt(dimension);
      boolean seen = false;
      for (int k = 0; k < count; k++) {
        seen |= index[k] == candidate;
      }
      if (!seen) {
        return candidate;
      }
    }
  }
}
