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
 * and false positives and false negatives for precision, recall and F1, the correct predictions per
 * class for the macro-averaged F1, the log loss sum, and the absolute and squared error sums for MAE
 * and RMSE with the label sums for R² (coefficient of determination, 1 − SSE/SST).
 *
 * <p>Conventions: a metric over no pairs is NaN; precision (recall) is 0 when nothing was predicted
 * (is) positive, and F1 is 0 when both are 0, as in scikit-learn; macro-F1 averages the per-class
 * F1 = 2·TP/(actual + predicted) over the classes that were predicted or true at least once (as
 * scikit-learn's {@code f1_score(average="macro")}); kappa is NaN when the chance agreement is 1 (one
 * class only); log loss covers the pairs that had a probability — binary: of class 1, multiclass: of
 * the true class — clipped to [1e-15, 1 − 1e-15]; R² is NaN when the labels do not vary. The label
 * sums are taken about the first label seen ({@code shift}), so that SST keeps its precision when
 * the labels' mean is far from 0.
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
  double labelSum; // of (label − shift)
  double labelSquareSum; // of (label − shift)²
  double shift = Double.NaN;
  /** False when restored from a format-1 snapshot, which lacks what macro-F1 and R² need. */
  boolean complete = true;
  long[] actualPerClass = new long[2];
  long[] predictedPerClass = new long[2];
  long[] correctPerClass = new long[2];

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
      if (Double.isNaN(shift)) {
        shift = actual;
      }
      double centered = actual - shift;
      labelSum += sign * centered;
      labelSquareSum += sign * centered * centered;
      return;
    }
    int p = (int) predicted;
    int a = (int) actual;
    grow(Math.max(p, a) + 1);
    predictedPerClass[p] += sign;
    actualPerClass[a] += sign;
    if (p == a) {
      correct += sign;
      correctPerClass[a] += sign;
    }
    if (task == Task.BINARY) {
      truePositives += p == 1 && a == 1 ? sign : 0;
      falsePositives += p == 1 && a == 0 ? sign : 0;
      falseNegatives += p == 0 && a == 1 ? sign : 0;
    }
    if (!Double.isNaN(probability)) {
      probabilityCount += sign;
      logLossSum += sign * logLoss(task, probability, a);
    }
  }

  /**
   * The log loss of one pair: binary, {@code probability} is P(1); multiclass, it is the
   * probability of the true class {@code actual}.
   */
  static double logLoss(Task task, double probability, int actual) {
    double p = Math.min(1 - CLIP, Math.max(CLIP, probability));
    return -Math.log(task == Task.BINARY && actual != 1 ? 1 - p : p);
  }

  private void grow(int classes) {
    if (classes > actualPerClass.length) {
      int n = Math.max(classes, actualPerClass.length * 2);
      actualPerClass = Arrays.copyOf(actualPerClass, n);
      predictedPerClass = Arrays.copyOf(predictedPerClass, n);
      correctPerClass = Arrays.copyOf(correctPerClass, n);
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

  /** Mean log loss of the probabilities (binary: of class 1; multiclass: of the true class). */
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

  /** The unweighted mean of the per-class F1 over the classes predicted or true at least once. */
  public double macroF1() {
    if (count == 0 || !complete) {
      return Double.NaN;
    }
    double sum = 0;
    int classes = 0;
    for (int k = 0; k < actualPerClass.length; k++) {
      long support = actualPerClass[k] + predictedPerClass[k];
      if (support > 0) {
        sum += 2.0 * correctPerClass[k] / support;
        classes++;
      }
    }
    return sum / classes;
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

  /** R² = 1 − SSE/SST, SST = Σ(y − ȳ)²; NaN when the labels do not vary. */
  public double r2() {
    if (count == 0 || !complete) {
      return Double.NaN;
    }
    double sst = labelSquareSum - labelSum * labelSum / count;
    return sst > 0 ? 1 - Math.max(0, squaredErrorSum) / sst : Double.NaN;
  }

  /** The task's metrics by name ({@code prefix + Name}), leaving out undefined (NaN) ones. */
  public Map<String, Double> toMap(String prefix) {
    Map<String, Double> map = new LinkedHashMap<>();
    if (task == Task.REGRESSION) {
      put(map, prefix, "mae", mae());
      put(map, prefix, "rmse", rmse());
      put(map, prefix, "r2", r2());
      return map;
    }
    put(map, prefix, "accuracy", accuracy());
    put(map, prefix, "kappa", kappa());
    put(map, prefix, "logLoss", logLoss());
    if (task == Task.MULTICLASS) {
      put(map, prefix, "macroF1", macroF1());
    } else {
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

  /** Takes every total of {@code other}. */
  void copyFrom(MetricTotals other) {
    count = other.count;
    correct = other.correct;
    truePositives = other.truePositives;
    falsePositives = other.falsePositives;
    falseNegatives = other.falseNegatives;
    probabilityCount = other.probabilityCount;
    logLossSum = other.logLossSum;
    absoluteErrorSum = other.absoluteErrorSum;
    squaredErrorSum = other.squaredErrorSum;
    labelSum = other.labelSum;
    labelSquareSum = other.labelSquareSum;
    shift = other.shift;
    complete = other.complete;
    actualPerClass = other.actualPerClass.clone();
    predictedPerClass = other.predictedPerClass.clone();
    correctPerClass = other.correctPerClass.clone();
  }

  void clearSums() {
    logLossSum = 0;
    absoluteErrorSum = 0;
    squaredErrorSum = 0;
    labelSum = 0;
    labelSquareSum = 0;
  }

  /** Format 2: format 1's fields, then the correct predictions per class, the label sums, shift and completeness. */
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
    for (int k = 0; k < actualPerClass.length; k++) {
      out.writeLong(correctPerClass[k]);
    }
    out.writeDouble(labelSum);
    out.writeDouble(labelSquareSum);
    out.writeDouble(shift);
    out.writeBoolean(complete);
  }

  /**
   * Reads format {@code version}. Format 1 lacks the per-class correct counts and the label sums:
   * binary counts are derived exactly (class 1's are the true positives), otherwise macro-F1 and R²
   * stay undefined ({@link #complete} false) until the caller rebuilds them (the window does, from
   * its pairs).
   */
  void readFrom(DataInput in, int version) throws IOException {
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
    correctPerClass = new long[classes];
    for (int k = 0; k < classes; k++) {
      actualPerClass[k] = in.readLong();
      predictedPerClass[k] = in.readLong();
    }
    if (version >= 2) {
      for (int k = 0; k < classes; k++) {
        correctPerClass[k] = in.readLong();
      }
      labelSum = in.readDouble();
      labelSquareSum = in.readDouble();
      shift = in.readDouble();
      complete = in.readBoolean();
    } else if (task == Task.BINARY && classes >= 2) {
      correctPerClass[1] = truePositives;
      correctPerClass[0] = correct - truePositives;
    } else {
      complete = count == 0;
    }
  }
}
