package dev.eddy.drift;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;

/**
 * ADWIN2's exponential histogram (Bifet and Gavaldà 2007, section 4; after Datar, Gionis, Indyk and
 * Motwani, "Maintaining Stream Statistics over Sliding Windows", SIAM J. Computing 31(6), 2002).
 * Row r holds buckets of 2^r values, each with the sum and the sum of squared deviations (m2) of
 * its values; a row that reaches M + 1 buckets merges its two oldest into one bucket of row r + 1,
 * combining m2 by the parallel-variance formula m2 = m2a + m2b + (n / 2)(mean_a - mean_b)^2 for two
 * buckets of n values. The window's width, total and m2 are kept exactly (Welford's update on
 * insertion, the reverse parallel formula on deletion).
 *
 * <p>Invariants: width = sum of bucket sizes; rows holds exactly the rows in use (the last one is
 * not empty); every row holds at most M buckets between operations.
 */
final class ExponentialHistogram {
  private final int maxBuckets;
  private final int slots; // M + 1: a row overflows by one before it is compressed
  private double[] sums; // row-major: row r, bucket i (0 = oldest in the row) at r * slots + i
  private double[] m2s;
  private int[] counts;
  private int rows;
  private long width;
  private double total;
  private double m2;

  ExponentialHistogram(int maxBuckets) {
    this.maxBuckets = maxBuckets;
    this.slots = maxBuckets + 1;
    allocate(16); // 2^16 M values before the first growth
  }

  private void allocate(int rowCapacity) {
    sums = new double[rowCapacity * slots];
    m2s = new double[rowCapacity * slots];
    counts = new int[rowCapacity];
  }

  /** Adds a value as a new bucket of row 0, then compresses. */
  void insert(double x) {
    if (width > 0) {
      double d = x - total / width;
      m2 += d * d * width / (width + 1.0);
    }
    width++;
    total += x;
    if (rows == 0) {
      rows = 1;
    }
    append(0, x, 0.0);
    for (int r = 0; counts[r] == slots; r++) {
      if (r + 1 == rows) {
        if (rows == counts.length) {
          grow();
        }
        rows++;
      }
      int a = r * slots;
      double size = Math.scalb(1.0, r);
      double diff = sums[a] / size - sums[a + 1] / size;
      append(r + 1, sums[a] + sums[a + 1], m2s[a] + m2s[a + 1] + size / 2 * diff * diff);
      removeOldest(r, 2);
    }
  }

  private void grow() {
    int capacity = counts.length * 2;
    sums = Arrays.copyOf(sums, capacity * slots);
    m2s = Arrays.copyOf(m2s, capacity * slots);
    counts = Arrays.copyOf(counts, capacity);
  }

  private void append(int row, double sum, double bucketM2) {
    int at = row * slots + counts[row];
    sums[at] = sum;
    m2s[at] = bucketM2;
    counts[row]++;
  }

  private void removeOldest(int row, int n) {
    int a = row * slots;
    int left = counts[row] - n;
    System.arraycopy(sums, a + n, sums, a, left);
    System.arraycopy(m2s, a + n, m2s, a, left);
    counts[row] = left;
  }

  /** Drops the oldest bucket of the window. */
  void dropOldest() {
    int r = rows - 1;
    double n = Math.scalb(1.0, r);
    double s = sums[r * slots];
    double v = m2s[r * slots];
    width -= (long) n;
    total -= s;
    if (width > 0) {
      double d = s / n - total / width;
      m2 = Math.max(0.0, m2 - v - n * width * d * d / (n + width));
    } else {
      m2 = 0;
    }
    removeOldest(r, 1);
    while (rows > 0 && counts[rows - 1] == 0) {
      rows--;
    }
  }

  int rows() {
    return rows;
  }

  int count(int row) {
    return counts[row];
  }

  /** Sum of the i-th oldest bucket of a row. */
  double sum(int row, int i) {
    return sums[row * slots + i];
  }

  long width() {
    return width;
  }

  double total() {
    return total;
  }

  /** Population variance of the window (0 when empty). */
  double variance() {
    return width == 0 ? 0 : m2 / width;
  }

  int buckets() {
    int b = 0;
    for (int r = 0; r < rows; r++) {
      b += counts[r];
    }
    return b;
  }

  void clear() {
    Arrays.fill(counts, 0);
    rows = 0;
    width = 0;
    total = 0;
    m2 = 0;
  }

  void write(DataOutput out) throws IOException {
    out.writeLong(width);
    out.writeDouble(total);
    out.writeDouble(m2);
    out.writeInt(rows);
    for (int r = 0; r < rows; r++) {
      out.writeByte(counts[r]);
      for (int i = 0; i < counts[r]; i++) {
        out.writeDouble(sums[r * slots + i]);
        out.writeDouble(m2s[r * slots + i]);
      }
    }
  }

  void read(DataInput in) throws IOException {
    width = in.readLong();
    total = in.readDouble();
    m2 = in.readDouble();
    int r = in.readInt();
    if (r < 0 || r > 63) {
      throw new IOException("adwin: bad row count " + r);
    }
    allocate(Math.max(16, r));
    rows = r;
    for (int row = 0; row < rows; row++) {
      int c = in.readUnsignedByte();
      if (c > maxBuckets) {
        throw new IOException("adwin: row " + row + " holds " + c + " buckets, more than " + maxBuckets);
      }
      for (int i = 0; i < c; i++) {
        append(row, in.readDouble(), in.readDouble());
      }
    }
  }
}
