package dev.eddy.drift.retrain;

import dev.eddy.learners.FeatureVector;
import dev.eddy.learners.OnlineLearner;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;

/**
 * The last {@code capacity} labelled examples, copied into slot arrays that are reused (a slot's
 * arrays grow only when a larger example arrives), so adding allocates nothing in steady state.
 * Dense and sparse vectors are both kept in their own form.
 */
final class ExampleWindow {
  private final double[][] values;
  private final int[][] indices; // null entry: the slot holds a dense vector
  private final int[] sizes;
  private final int[] dimensions;
  private final double[] labels;
  private int count;
  private int next;

  ExampleWindow(int capacity) {
    values = new double[capacity][];
    indices = new int[capacity][];
    sizes = new int[capacity];
    dimensions = new int[capacity];
    labels = new double[capacity];
  }

  int size() {
    return count;
  }

  void add(FeatureVector x, double label) {
    int slot = next;
    int n = x.size();
    if (x.isDense()) {
      if (values[slot] == null || values[slot].length != n) {
        values[slot] = new double[n]; // a dense view must be exactly the dimension long
      }
      indices[slot] = null;
    } else {
      if (values[slot] == null || values[slot].length < n) {
        values[slot] = new double[Math.max(n, 8)];
      }
      if (indices[slot] == null || indices[slot].length < values[slot].length) {
        indices[slot] = new int[values[slot].length];
      }
      for (int k = 0; k < n; k++) {
        indices[slot][k] = x.index(k);
      }
    }
    for (int k = 0; k < n; k++) {
      values[slot][k] = x.value(k);
    }
    sizes[slot] = n;
    dimensions[slot] = x.dimension();
    labels[slot] = label;
    next = next + 1 == labels.length ? 0 : next + 1;
    count = Math.min(count + 1, labels.length);
  }

  /** The i-th example's slot, 0 = oldest. */
  private int slot(int i) {
    int oldest = count == labels.length ? next : 0;
    return (oldest + i) % labels.length;
  }

  private FeatureVector vector(int slot) {
    return indices[slot] == null
        ? FeatureVector.dense(values[slot])
        : FeatureVector.sparse(dimensions[slot], indices[slot], values[slot], sizes[slot]);
  }

  /** Lets {@code model} learn every example, oldest first, {@code passes} times. */
  void trainInto(OnlineLearner model, int passes) {
    for (int p = 0; p < passes; p++) {
      for (int i = 0; i < count; i++) {
        int s = slot(i);
        model.learn(vector(s), labels[s]);
      }
    }
  }

  void write(DataOutput out) throws IOException {
    out.writeInt(count);
    for (int i = 0; i < count; i++) {
      int s = slot(i);
      out.writeDouble(labels[s]);
      out.writeBoolean(indices[s] != null);
      out.writeInt(dimensions[s]);
      out.writeInt(sizes[s]);
      for (int k = 0; k < sizes[s]; k++) {
        if (indices[s] != null) {
          out.writeInt(indices[s][k]);
        }
        out.writeDouble(values[s][k]);
      }
    }
  }

  void read(DataInput in) throws IOException {
    int n = in.readInt();
    if (n < 0 || n > labels.length) {
      throw new IOException("window of " + n + " examples exceeds its capacity " + labels.length);
    }
    Arrays.fill(indices, null);
    count = 0;
    next = 0;
    for (int i = 0; i < n; i++) {
      double label = in.readDouble();
      boolean sparse = in.readBoolean();
      int dimension = in.readInt();
      int size = in.readInt();
      if (size < 0 || size > dimension) {
        throw new IOException("window example of " + size + " entries in dimension " + dimension);
      }
      int[] idx = sparse ? new int[size] : null;
      double[] val = new double[size];
      for (int k = 0; k < size; k++) {
        if (sparse) {
          idx[k] = in.readInt();
        }
        val[k] = in.readDouble();
      }
      add(sparse ? FeatureVector.sparse(dimension, idx, val, size) : FeatureVector.dense(val), label);
    }
  }
}
