package dev.eddy.cli;

import dev.eddy.core.model.ModelState;
import dev.eddy.core.model.Scored;
import dev.eddy.learners.Task;
import dev.eddy.learners.eval.EvaluationReport;
import java.io.PrintWriter;
import java.util.Arrays;

/**
 * The prequential loop of {@code bin/eddy evaluate}: each example goes through the model step's two
 * halves at once (predict, then learn), as the job does for an event that carries its label. Keeps
 * the metric of each consecutive block of {@code window} examples (accuracy, or RMSE for
 * regression), the curve a user compares learners by.
 */
final class EvaluationRun {
  private final ModelState model;
  private final int window;
  private final DriftOptions drift;
  private final PrintWriter predictions; // null: not written
  private double[] perWindow = new double[16];
  private int windows;

  /**
   * @param window N of the per-window curve; the model's metrics window should be the same
   * @param predictions where each example's prediction goes as a CSV line, or null
   */
  EvaluationRun(ModelState model, int window, DriftOptions drift, PrintWriter predictions) {
    this.model = model;
    this.window = window;
    this.drift = drift;
    this.predictions = predictions;
    if (predictions != null) {
      predictions.println("example,score,predictedLabel,modelVersion");
    }
  }

  /** Test-then-train on one example. */
  void step(double[] numbers, String[] categories, double label) {
    Scored scored = model.predict(numbers, categories);
    if (predictions != null) {
      predictions.println(model.metrics().count() + "," + scored.prediction().score() + ","
          + scored.prediction().label() + "," + scored.version());
    }
    drift.record(model.learn(scored, label));
    if (model.metrics().count() % window == 0) {
      if (windows == perWindow.length) {
        perWindow = Arrays.copyOf(perWindow, windows * 2);
      }
      perWindow[windows++] = regression() ? model.metrics().window().rmse() : model.metrics().windowAccuracy();
    }
  }

  private boolean regression() {
    return model.config().task() == Task.REGRESSION;
  }

  /**
   * The summary of the run so far.
   *
   * @param seconds the wall-clock time the caller measured (parsing included)
   * @param skipped rows the caller could not turn into examples
   */
  EvaluationReport report(double seconds, long skipped) {
    var champion = model.champion();
    return new EvaluationReport(champion.type(), champion.hyperparameters(), champion.task(),
        model.metrics().count(), skipped, seconds, model.metrics().toMap(), window,
        regression() ? "rmse" : "accuracy", Arrays.copyOf(perWindow, windows));
  }
}
