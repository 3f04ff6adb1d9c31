package dev.eddy.learners.tensorflow;

import dev.eddy.learners.FeatureVector;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;

/**
 * The examples waiting for the next training step, in arrays allocated once: {@code features} is
 * {@code capacity × dimension} floats, row-major (dense, as TensorFlow takes them), {@code labels}
 * one float per row. Rows past {@link #rows()} are stale and are masked out of the step.
 *
 * <p>It also remembers when its first row arrived, for the {@code max-wait} flush.
 */
final class MiniBatch {
  final float[] features;
  final float[] labels;
  private final int capacity;
  private final int dimension;
  private int rows;
  private long firstArrivalNanos;

  MiniBatch(int capacity, int dimension) {
    this.capacity = capacity;
    this.dimension = dimension;
    this.features = new float[capacity * dimension];
    this.labels = new float[capacity];
  }

  /** Appends one example (the batch must not be full). */
  void add(FeatureVector x, float label, long nowNanos) {
    int offset = rows * dimension;
    if (x.isDense()) {
      for (int i = 0; i < dimension; i++) {
        features[offset + i] = (float) x.value(i);
      }
    } else {
      // Duplicate sparse indices add up, as in FeatureVector.dot.
      Arrays.fill(features, offset, offset + dimension, 0f);
      for (int k = 0, size = x.size(); k < size; k++) {
        features[offset + x.index(k)] += (float) x.value(k);
      }
    }
    labels[rows] = label;
    if (rows == 0) {
      firstArrivalNanos = nowNanos;
    }
    rows++;
  }

  int rows() {
    return rows;
  }

  boolean isEmpty() {
    return rows == 0;
  }

  boolean isFull() {
    return rows == capacity;
  }

  /** True when rows are waiting and the first has waited {@code maxWaitNanos} (> 0) or more. */
  boolean isDue(long nowNanos, long maxWaitNanos) {
    return rows > 0 && maxWaitNanos > 0 && nowNanos - firstArrivalNanos >= maxWaitNanos;
  }

  void clear() {
    rows = 0;
  }

  /** The waiting rows: count, then each row's features and label. */
  void write(DataOutput out) throws IOException {
    out.writeInt(rows);
    for (int i = 0; i < rows * dimension; i++) {
      out.writeFloat(features[i]);
    }
    for (int i = 0; i < rows; i++) {
      out.writeFloat(labels[i]);
    }
  }

  /** Replaces the rows with those written by {@link #write}; their wait restarts at {@code now}. */
  void read(DataInput in, long nowNanos) throws IOException {
    int count = in.readInt();
    if (count < 0 || count > capacity) {
      throw new IOException(
          "snapshot holds " + count + " waiting examples but batch-size is " + capacity);
    }
    for (int i = 0; i < count * dimension; i++) {
      features[i] = in.readFloat();
    }
    for (int i = 0; i < count; i++) {
      labels[i] = in.readFloat();
    }
    rows = count;
    firstArrivalNanos = nowNanos;
  }
}
