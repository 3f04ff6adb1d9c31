package dev.eddy.learners.tensorflow;

import dev.eddy.learners.FeatureVector;
import java.util.SplittableRandom;

/**
 * Seeded, learnable example streams for the tests and the benchmark: a linear binary concept, the
 * XOR of two signs (not linearly separable), and a linear multiclass concept (argmax of K random
 * projections).
 */
final class SyntheticStream {
  /** One labelled example. */
  record Example(FeatureVector x, double label) {}

  private SyntheticStream() {}

  /** {@code y = 1[w·x > 0]} with Gaussian x and a random unit-free w drawn from {@code seed}. */
  static Example[] linearBinary(int count, int dimension, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    double[] w = gaussian(random, dimension);
    Example[] examples = new Example[count];
    for (int n = 0; n < count; n++) {
      FeatureVector x = FeatureVector.dense(gaussian(random, dimension));
      examples[n] = new Example(x, x.dot(w) > 0 ? 1 : 0);
    }
    return examples;
  }

  /** {@code y = 1[x0 · x1 > 0]} with x uniform in [-1, 1]^2. */
  static Example[] xor(int count, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    Example[] examples = new Example[count];
    for (int n = 0; n < count; n++) {
      double[] x = {random.nextDouble(-1, 1), random.nextDouble(-1, 1)};
      examples[n] = new Example(FeatureVector.dense(x), x[0] * x[1] > 0 ? 1 : 0);
    }
    return examples;
  }

  /** {@code y = argmax_k w_k·x} over {@code classes} random directions. */
  static Example[] linearMulticlass(int count, int dimension, int classes, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    double[][] w = new double[classes][];
    for (int k = 0; k < classes; k++) {
      w[k] = gaussian(random, dimension);
    }
    Example[] examples = new Example[count];
    for (int n = 0; n < count; n++) {
      FeatureVector x = FeatureVector.dense(gaussian(random, dimension));
      int best = 0;
      for (int k = 1; k < classes; k++) {
        best = x.dot(w[k]) > x.dot(w[best]) ? k : best;
      }
      examples[n] = new Example(x, best);
    }
    return examples;
  }

  private static double[] gaussian(SplittableRandom random, int dimension) {
    double[] values = new double[dimension];
    for (int i = 0; i < dimension; i++) {
      // Box-Muller: SplittableRandom has no nextGaussian on JDK 17.
      values[i] =
          Math.sqrt(-2 * Math.log(1 - random.nextDouble()))
              * Math.cos(2 * Math.PI * random.nextDouble());
    }
    return values;
  }
}
