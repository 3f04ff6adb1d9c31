package dev.eddy.learners;

import java.util.Arrays;

/**
 * A feature vector over primitive arrays: dense (every coordinate stored) or sparse (index/value
 * pairs, e.g. from the hashing trick). Learners read it through {@link #dot}, {@link #addTo} and
 * {@link #squaredNorm} so that the per-event path has no boxing and no allocation.
 *
 * <p>Vectors are immutable for learners: learning never mutates its input (a contract every learner's
 * test checks).
 */
public final class FeatureVector {
  private final int dimension;
  private final int[] indices; // null when dense
  private final double[] values;
  private final int size;

  private FeatureVector(int dimension, int[] indices, double[] values, int size) {
    this.dimension = dimension;
    this.indices = indices;
    this.values = values;
    this.size = size;
  }

  /** A dense vector backed by {@code values} (not copied). */
  public static FeatureVector dense(double[] values) {
    return new FeatureVector(values.length, null, values, values.length);
  }

  /**
   * A sparse vector of the given dimension holding the first {@code size} pairs of {@code indices}
   * and {@code values} (not copied). Indices must lie in [0, dimension).
   */
  public static FeatureVector sparse(int dimension, int[] indices, double[] values, int size) {
    if (size > indices.length || size > values.length) {
      throw new IllegalArgumentException(
          "sparse size " + size + " exceeds arrays of " + indices.length + "/" + values.length);
    }
    for (int k = 0; k < size; k++) {
      if (indices[k] < 0 || indices[k] >= dimension) {
        throw new IllegalArgumentException(
            "feature index " + indices[k] + " outside dimension " + dimension);
      }
    }
    return new FeatureVector(dimension, indices, values, size);
  }

  public boolean isDense() {
    return indices == null;
  }

  /** Number of coordinates of the space (2^b for hashed vectors). */
  public int dimension() {
    return dimension;
  }

  /** Number of stored entries: the dimension when dense, the non-zeros when sparse. */
  public int size() {
    return size;
  }

  /** Coordinate of the k-th stored entry. */
  public int index(int k) {
    return indices == null ? k : indices[k];
  }

  /** Value of the k-th stored entry. */
  public double value(int k) {
    return values[k];
  }

  /** Inner product with a weight array of at least {@link #dimension()} entries. */
  public double dot(double[] w) {
    double s = 0;
    if (indices == null) {
      for (int i = 0; i < size; i++) {
        s += w[i] * values[i];
      }
    } else {
      for (int k = 0; k < size; k++) {
        s += w[indices[k]] * values[k];
      }
    }
    return s;
  }

  /** {@code w += scale * this}. */
  public void addTo(double[] w, double scale) {
    if (indices == null) {
      for (int i = 0; i < size; i++) {
        w[i] += scale * values[i];
      }
    } else {
      for (int k = 0; k < size; k++) {
        w[indices[k]] += scale * values[k];
      }
    }
  }

  /** Squared Euclidean norm. */
  public double squaredNorm() {
    double s = 0;
    for (int k = 0; k < size; k++) {
      s += values[k] * values[k];
    }
    return s;
  }

  /**
   * Throws {@link IllegalArgumentException} naming the first NaN or infinite entry; the job
   * dead-letters such events. The common, all-finite case is one branch-free pass of integer ORs
   * (NaN and ±∞ are the doubles whose exponent bits are all ones; adding one to the exponent field
   * carries into the sign bit exactly for them), so that learners can check every input cheaply.
   */
  public void requireFinite() {
    long probe = 0;
    for (int k = 0; k < size; k++) {
      probe |= (Double.doubleToRawLongBits(values[k]) & EXPONENT) + EXPONENT_ONE;
    }
    if (probe < 0) {
      throw notFinite();
    }
  }

  private static final long EXPONENT = 0x7FF0_0000_0000_0000L;
  private static final long EXPONENT_ONE = 0x0010_0000_0000_0000L;

  private IllegalArgumentException notFinite() {
    for (int k = 0; k < size; k++) {
      if (!Double.isFinite(values[k])) {
        return new IllegalArgumentException("feature " + index(k) + " is not finite: " + values[k]);
      }
    }
    throw new IllegalStateException("no non-finite entry in " + this);
  }

  /** A dense copy of this vector. */
  public double[] toDenseArray() {
    double[] out = new double[dimension];
    for (int k = 0; k < size; k++) {
      out[index(k)] += values[k];
    }
    return out;
  }

  @Override
  public String toString() {
    return isDense()
        ? "dense" + Arrays.toString(Arrays.copyOf(values, size))
        : "sparse[" + dimension + "]" + Arrays.toString(Arrays.copyOf(indices, size));
  }
}
