package dev.eddy.learners;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Seeded, learnable example streams for learner tests: every vector is built on fresh arrays (so
 * tests can check that learning leaves them alone), and the same seed gives the same stream.
 *
 * <ul>
 *   <li>binary: x ~ N(0, I), label 1 when w*·x + 0.3 + N(0, 0.1²) > 0 for a fixed random w*;
 *   <li>multiclass: K Gaussian blobs (σ = 1) whose centres lie at distance 4 apart on the axes;
 *   <li>regression: y = w*·x + 0.5 + N(0, 0.1²).
 * </ul>
 *
 * Sparse streams draw {@code active} coordinates of a large dimension and apply the same rules to
 * the drawn coordinates (with w* over the whole space).
 */
public final class SyntheticStreams {

  /** One labelled example. */
  public record Example(FeatureVector x, double label) {}

  private SyntheticStreams() {}

  /** A dense stream of {@code n} examples of dimension {@code d}. */
  public static List<Example> dense(long seed, int n, int d, Task task, int classes) {
    SplittableRandom random = new SplittableRandom(seed);
    double[] target = target(seed, d);
    List<Example> examples = new ArrayList<>(n);
    for (int e = 0; e < n; e++) {
      double[] x = new double[d];
      int cls = random.nextInt(classes);
      for (int i = 0; i < d; i++) {
        x[i] = random.nextGaussian();
      }
      if (task == Task.MULTICLASS) {
        x[cls % d] += 4.0;
      }
      examples.add(new Example(FeatureVector.dense(x), label(task, cls, target, x, null, random)));
    }
    return examples;
  }

  /** A sparse stream: {@code active} distinct coordinates out of {@code d} per example. */
  public static List<Example> sparse(long seed, int n, int d, int active, Task task, int classes) {
    SplittableRandom random = new SplittableRandom(seed);
    double[] target = target(seed, d);
    List<Example> examples = new ArrayList<>(n);
    for (int e = 0; e < n; e++) {
      int[] indices = new int[active];
      double[] values = new double[active];
      int cls = random.nextInt(classes);
      for (int k = 0; k < active; k++) {
        int index;
        do {
          index = random.nextInt(d);
        } while (contains(indices, k, index));
        indices[k] = index;
        values[k] = random.nextGaussian();
      }
      if (task == Task.MULTICLASS) {
        indices[0] = cls;
        values[0] = 4.0 + random.nextGaussian();
        for (int k = 1; k < active; k++) {
          indices[k] = classes + random.nextInt(d - classes);
          while (contains(indices, k, indices[k])) {
            indices[k] = classes + random.nextInt(d - classes);
          }
        }
      }
      examples.add(new Example(FeatureVector.sparse(d, indices, values, active),
          label(task, cls, target, values, indices, random)));
    }
    return examples;
  }

  private static boolean contains(int[] indices, int count, int index) {
    for (int k = 0; k < count; k++) {
      if (indices[k] == index) {
        return true;
      }
    }
    return false;
  }

  private static double[] target(long seed, int d) {
    SplittableRandom random = new SplittableRandom(seed ^ 0x5DEECE66DL);
    double[] w = new double[d];
    for (int i = 0; i < d; i++) {
      w[i] = random.nextGaussian();
    }
    return w;
  }

  private static double label(Task task, int cls, double[] target, double[] values, int[] indices,
      SplittableRandom random) {
    if (task == Task.MULTICLASS) {
      return cls;
    }
    double s = 0;
    for (int k = 0; k < values.length; k++) {
      s += target[indices == null ? k : indices[k]] * values[k];
    }
    if (task == Task.REGRESSION) {
      return s + 0.5 + 0.1 * random.nextGaussian();
    }
    return s + 0.3 + 0.1 * random.nextGaussian() > 0 ? 1.0 : 0.0;
  }
}
