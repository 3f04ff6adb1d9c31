package dev.eddy.drift.retrain;

import dev.eddy.drift.DriftDetector;
import dev.eddy.drift.Signal;
import dev.eddy.learners.FeatureVector;
import dev.eddy.learners.Learners;
import dev.eddy.learners.OnlineLearner;
import dev.eddy.learners.Prediction;
import dev.eddy.learners.Task;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A seeded binary stream with two linear concepts: x ~ N(0, I_5), y = 1 if w.x &gt; 0 with w = W1
 * before {@link #CHANGE} and W2 after (the two normals are 120 degrees apart, so the old model is
 * right only about a third of the time on the new concept), each label flipped with probability
 * 5%. Learner: logistic regression with the inverse-scaling rate 0.5 / sqrt(t), whose old champion
 * therefore adapts slowly: the situation retraining is for.
 */
final class TwoConcepts {
  static final int DIMENSION = 5;
  static final int CHANGE = 3000;
  static final int LENGTH = 6000;
  static final double NOISE = 0.05;
  static final double[] W1 = {1, -1, 0.5, 0, 2};
  static final double[] W2 = rotate120();

  private TwoConcepts() {}

  /** W1 rotated by 120 degrees in the plane of W1 and (0, 0, 0, 1, 0) (orthogonal to W1). */
  private static double[] rotate120() {
    double norm = Math.sqrt(dot(W1, W1));
    double[] out = new double[DIMENSION];
    for (int i = 0; i < DIMENSION; i++) {
      out[i] = Math.cos(2 * Math.PI / 3) * W1[i] + (i == 3 ? Math.sin(2 * Math.PI / 3) * norm : 0);
    }
    return out;
  }

  static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }

  static OnlineLearner learner() {
    return Learners.create(
        "logistic", Map.of("learning-rate", "0.5", "schedule", "inverse-scaling"), DIMENSION, Task.BINARY);
  }

  /** The stream's examples: x[t] and y[t]; {@code onlySecond} draws every label from W2. */
  static double[][] features(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    double[][] x = new double[LENGTH][DIMENSION];
    for (double[] row : x) {
      for (int i = 0; i < DIMENSION; i++) {
        row[i] = r.nextGaussian();
      }
    }
    return x;
  }

  static double[] labels(double[][] x, long seed, boolean onlySecond) {
    SplittableRandom r = new SplittableRandom(seed ^ 0x5DEECE66DL);
    double[] y = new double[x.length];
    for (int t = 0; t < x.length; t++) {
      double[] w = onlySecond || t >= CHANGE ? W2 : W1;
      boolean positive = dot(w, x[t]) > 0;
      y[t] = (positive ^ r.nextDouble() < NOISE) ? 1 : 0;
    }
    return y;
  }

  /**
   * Runs test-then-train over the stream: with {@code policy} (and the detector), or a bare learner
   * when {@code policy} is null. Returns 1 for each correct prediction, 0 otherwise.
   */
  static int[] run(RetrainPolicy policy, DriftDetector detector, double[][] x, double[] y) {
    OnlineLearner bare = policy == null ? learner() : null;
    int[] correct = new int[x.length];
    for (int t = 0; t < x.length; t++) {
      FeatureVector v = FeatureVector.dense(x[t]);
      OnlineLearner model = policy == null ? bare : policy.champion();
      Prediction p = model.predict(v);
      correct[t] = ConceptError.of(Task.BINARY, p, y[t]) == 0 ? 1 : 0;
      if (policy == null) {
        bare.learn(v, y[t]);
      } else {
        Signal s = detector.update(1 - correct[t]);
        policy.update(v, y[t], p, s);
      }
    }
    return correct;
  }

  /** Mean of {@code correct[from, to)}. */
  static double accuracy(int[] correct, int from, int to) {
    double s = 0;
    for (int t = from; t < to; t++) {
      s += correct[t];
    }
    return s / (to - from);
  }

  /**
   * Examples after the change until the accuracy over the last {@code window} examples first
   * reaches {@code level} (counting from the change); -1 if never.
   */
  static int recovery(int[] correct, double level, int window) {
    for (int n = window; CHANGE + n <= correct.length; n++) {
      if (accuracy(correct, CHANGE + n - window, CHANGE + n) >= level) {
        return n;
      }
    }
    return -1;
  }
}
