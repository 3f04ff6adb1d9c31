package dev.eddy.learners.eval;

import dev.eddy.learners.FeatureVector;
import dev.eddy.learners.OnlineLearner;
import dev.eddy.learners.Prediction;
import dev.eddy.learners.Task;
import dev.eddy.learners.metrics.PrequentialMetrics;
import java.util.Arrays;

/**
 * The prequential (test-then-train) loop that {@code bin/eddy evaluate} runs and the job mirrors:
 * for each example in order, predict, score the prediction against the label, then learn from the
 * example. It also keeps the metric of each consecutive block of {@code window} examples (accuracy
 * for classification, RMSE for regression), the curve a user compares learners by.
 */
public final class PrequentialEvaluator {
  private final OnlineLearner learner;
  private final PrequentialMetrics metrics;
  private final int window;
  private double[] perWindow = new double[16];
  private int windows;

  /**
   * @param learner the learner, which is trained as a side effect
   * @param window N for the windowed metrics and the per-window curve, {@code > 0}
   */
  public PrequentialEvaluator(OnlineLearner learner, int window) {
    this.learner = learner;
    this.metrics = new PrequentialMetrics(learner.task(), window);
    this.window = window;
  }

  /** Predicts, scores and learns one example; returns the prediction made before learning. */
  public Prediction step(FeatureVector x, double label) {
    Prediction prediction = learner.predict(x);
    metrics.record(prediction, label);
    learner.learn(x, label);
    if (metrics.count() % window == 0) {
      if (windows == perWindow.length) {
        perWindow = Arrays.copyOf(perWindow, windows * 2);
      }
      perWindow[windows++] = learner.task() == Task.REGRESSION
          ? metrics.window().rmse()
          : metrics.windowAccuracy();
    }
    return prediction;
  }

  /** The learner being evaluated. */
  public OnlineLearner learner() {
    return learner;
  }

  /** The metrics so far. */
  public PrequentialMetrics metrics() {
    return metrics;
  }

  /** Name of the per-window metric: {@code accuracy}, or {@code rmse} for regression. */
  public String perWindowMetric() {
    return learner.task() == Task.REGRESSION ? "rmse" : "accuracy";
  }

  /** The per-window metric of each complete block of N examples so far. */
  public double[] perWindow() {
    return Arrays.copyOf(perWindow, windows);
  }

  /**
   * The summary of the run so far.
   *
   * @param seconds the wall-clock time the caller measured (parsing included)
   * @param skipped rows the caller could not turn into examples
   */
  public EvaluationReport report(double seconds, long skipped) {
    return new EvaluationReport(learner.type(), learner.hyperparameters(), learner.task(),
        metrics.count(), skipped, seconds, metrics.toMap(), window, perWindowMetric(), perWindow());
  }
}
