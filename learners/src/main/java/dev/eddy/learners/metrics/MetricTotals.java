package dev.eddy.learners.metrics;

import dev.eddy.learners.Task;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Sufficient statistics of prequential metrics over a set of (prediction, label) pairs, which can be
 * added and removed one pair at a time (removal serves the sliding window): the class marginals for
 * accuracy and Cohen's kappa (J. Cohen, "A coefficient of agreement for nominal scales", 1960), true
 * and false positives and false negatives for precision, recall and F1, the log loss sum, and the
 * absolute and squared error sums for MAE and RMSE.
 *
 * <p>Conventions: a metric over no pairs is NaN; precision (recall) is 0 when nothing was predicted
 * (is) positive, and F1 is 0 when both are 0, as in scikit-learn; kappa is NaN when the chance
 * agreement is 1 (one class only); log loss covers the pairs that had a probability, clipped to
 * [1e-15, 1 − 1e-15].
 */
public final class MetricTotals {
  private static final double CLIP = 1e-15;

  private final Task task;
  long count;
  long correct;
  long truePositives;
  long falsePositives;
  long falseNegatives;
  long probabilityCount;
  double logLossSum;
  double absoluteErrorSum;
  double squaredErrorSum;
  long[] actualPerClass = new long[2];
  long[] predictedPerClass = new long[2];

  MetricTotals(Task task) {
    this.task = task;
  }

  /** Adds (sign 1) or removes (sign −1) one pair given as class indices or values. */
  void add(double predicted, double actual, double probability, int sign) {
    count += sign;
    if (task == Task.REGRESSION) {
      double error = predicted - actual;
      absoluteErrorSum += sign * Math.abs(error);
      squaredErrorSum += sign * error * error;
      return;
    }
    int p = (int) predicted;
    int a = (int) actual;
    grow(Math.max(p, a) + 1);
    predictedPerClass[p] += sign;
    actualPerClass[a] += sign;
    if (p == a) {
      correct += sign;
    }
    if (task == Task.BINARY) {
      truePositives += p == 1 && a == 1 ? sign : 0;
      falsePositives += p == 1 && a == 0 ? sign : 0;
      falseNegatives += p == 0 && a == 1 ? sign : 0;
      if (!Double.isNaN(probability)) {
        probabilityCount += sign;
        logLossSum += sign * logLoss(probability, a);
      }
    }
  }

  static double logLoss(double probability, int actual) {
    double p = Math.min(1 - CLIP, Math.max(CLIP, probability));
    return -Math.log(actual == 1 ? p : 1 - p);
  }

  private void grow(int classes) {
    if (classes > actualPerClass.length) {
      int n = Math.max(classes, actualPerClass.length * 2);
      actualPerClass = Arrays.copyOf(actualPerClass, n);
      predictedPerClass = Arrays.copyOf(predictedPerClass, n);
    }
  }

  /** Number of pairs. */
  public long count() {
    return count;
  }

  /** Fraction of correct class predictions. */
  public double accuracy() {
    return count == 0 ? Double.NaN : (double) correct / count;
  }

  /** Cohen's kappa: (p0 − pe) / (1 − pe), pe = Σ_k actual_k · predicted_k / n². */
  public double kappa() {
    if (count == 0) {
      return Double.NaN;
    }
    double chance = 0;
    for (int k = 0; k < actualPerClass.length; k++) {
      chance += (double) actualPerClass[k] * predictedPerClass[k];
    }
    chance /= (double) count * count;
    return chance >= 1 ? Double.NaN : (accuracy() - chance) / (1 - chance);
  }

  /** Mean log loss of the binary probabilities. */
  public double logLoss() {
    return probabilityCount == 0 ? Double.NaN : logLossSum / probabilityCount;
  }

  /** TP / (TP + FP) of the binary positive class. */
  public double precision() {
    return count == 0 ? Double.NaN : ratio(truePositives, truePositives + falsePositives);
  }

  /** TP / (TP + FN) of the binary positive class. */
  public double recall() {
    return count == 0 ? Double.NaN : ratio(truePositives, truePositives + falseNegatives);
  }

  /** Harmonic mean of precision and recall. */
  public double f1() {
    double p = precision();
    double r = recall();
    return p + r == 0 ? 0.0 : 2 * p * r / (p + r);
  }

  private static double ratio(long numerator, long denominator) {
    return denominator == 0 ? 0.0 : (double) numerator / denominator;
  }

  /** Mean absolute error. */
  public double mae() {
    return count == 0 ? Double.NaN : absoluteErrorSum / count;
  }

  /** Root mean squared error. */
  public double rmse() {
    return count == 0 ? Double.NaN : Math.sqrt(Math.max(0, squaredErrorSum) / count);
  }

  /** The task's metrics by name ({@code prefix + Name}), leaving out undefined (NaN) ones. */
  public Map<String, Double> toMap(String prefix) {
    Map<String, Double> map = new LinkedHashMap<>();
    if (task == Task.REGRESSION) {
      put(map, prefix, "mae", mae());
      put(map, prefix, "rmse", rmse());
      return map;
    }
    put(map, prefix, "accuracy", accuracy());
    put(map, prefix, "kappa", kappa());
    if (task == Task.BINARY) {
      put(map, prefix, "logLoss", logLoss());
      put(map, prefix, "precision", precision());
      put(map, prefix, "recall", recall());
      put(map, prefix, "f1", f1());
    }
    return map;
  }

  private static void put(Map<String, Double> map, String prefix, String name, double value) {
    if (!Double.isNaN(value)) {
      map.put(prefix.isEmpty() ? name
          : prefix + Character.toUpperCase(name.charAt(0)) + name.substring(1), value);
    }
  }

  void clearSums() {
    logLossSum = 0;
    absoluteErrorSum = 0;
    squaredErrorSum = 0;
  }

  void write(DataOutput out) throws IOException {
    for (long v : new long[] {count, correct, truePositives, falsePositives, falseNegatives,
        probabilityCount}) {
      out.writeLong(v);
    }
    out.writeDouble(logLossSum);
    out.writeDouble(absoluteErrorSum);
    out.writeDouble(squaredErrorSum);
    out.writeInt(actualPerClass.length);
    for (int k = 0; k < actualPerClass.length; k++) {
      out.writeLong(actualPerClass[k]);
      out.writeLong(predictedPerClass[k]);
    }
  }

  void readFrom(DataInput in) throws IOException {
    count = in.readLong();
    correct = in.readLong();
    truePositives = in.readLong();
    falsePositives = in.readLong();
    falseNegatives = in.readLong();
    probabilityCount = in.readLong();
    logLossSum = in.readDouble();
    absoluteErrorSum = in.readDouble();
    squaredErrorSum = in.readDouble();
    int classes = in.readInt();
    if (classes < 0 || classes > 1 << 16) {
      throw new IllegalArgumentException("class count " + classes + " outside [0, 65536]");
    }
    actualPerClass = new long[classes];
    predictedPerClass = new long[classes];
    for (int k = 0; k < classes; k++) {
      actualPerClass[k] = in.readLong();
      predictedPerClass[k] = in.readLong();
    }
  }
}
