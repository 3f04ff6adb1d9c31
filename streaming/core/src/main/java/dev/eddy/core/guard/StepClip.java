package dev.eddy.core.guard;

import dev.eddy.learners.FeatureVector;
import dev.eddy.learners.PlainWeights;

/**
 * Bounds the change one learn makes to a {@link PlainWeights} learner (the guard's {@code max-step}):
 * {@link #before} saves the weights the example can touch (its non-zero coordinates and the bias of
 * every class model), {@link #after} measures the Euclidean norm of their change and, when it exceeds
 * the bound, scales the change back to it: w ← w₀ + (w − w₀)·maxStep/‖w − w₀‖. Such a learner changes
 * no other weight, so this is the norm of the whole update. A class model born during the learn
 * (multiclass, a class seen for the first time) is not bounded.
 */
final class StepClip {
  private double[] saved = new double[0];
  private int rows;

  /** Saves the weights {@code x} can change. */
  void before(PlainWeights w, FeatureVector x, int dimension) {
    int n = x.size();
    rows = w.classes();
    int needed = rows * (n + 1);
    if (saved.length < needed) {
      saved = new double[needed];
    }
    int at = 0;
    for (int r = 0; r < rows; r++) {
      for (int e = 0; e < n; e++) {
        saved[at++] = w.weight(r, x.index(e));
      }
      saved[at++] = w.weight(r, dimension);
    }
  }

  /** Scales the change since {@link #before} back to {@code maxStep}; returns whether it did. */
  boolean after(PlainWeights w, FeatureVector x, int dimension, double maxStep) {
    int n = x.size();
    double squared = 0;
    int at = 0;
    for (int r = 0; r < rows; r++) {
      for (int e = 0; e < n; e++) {
        double d = w.weight(r, x.index(e)) - saved[at++];
        squared += d * d;
      }
      double d = w.weight(r, dimension) - saved[at++];
      squared += d * d;
    }
    if (squared <= maxStep * maxStep) {
      return false;
    }
    double scale = maxStep / Math.sqrt(squared);
    at = 0;
    for (int r = 0; r < rows; r++) {
      for (int e = 0; e < n; e++) {
        int i = x.index(e);
        double old = saved[at++];
        w.setWeight(r, i, old + (w.weight(r, i) - old) * scale);
      }
      double old = saved[at++];
      w.setWeight(r, dimension, old + (w.weight(r, dimension) - old) * scale);
    }
    return true;
  }
}
