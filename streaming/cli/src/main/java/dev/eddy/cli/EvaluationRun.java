package dev.eddy.cli;

import dev.eddy.core.guard.GuardConfig;
import dev.eddy.core.guard.GuardedModel;
import dev.eddy.core.model.ModelState;
import dev.eddy.core.model.Scored;
import dev.eddy.learners.Task;
import dev.eddy.learners.eval.EvaluationReport;
import java.io.PrintWriter;
import java.util.ArrayDeque;
import java.util.Arrays;

/**
 * The prequential loop of {@code bin/eddy evaluate}: each example goes through the model step's two
 * halves, as the job runs them: predict when the row is read, learn when its label is known — at once
 * (delay 0, an event that carries its label), or {@code delay} rows later, as if its label came on the
 * labels topic while later events were predicted; the labels still pending at the end of the file
 * are learned then. Keeps
 * the metric of each consecutive block of {@code window} examples (accuracy, or RMSE for
 * regression), the curve a user compares learners by. {@code bin/eddy tune} runs every trial
 * through it too, so a tuned configuration scores in the tuner what it scores in evaluate.
 *
 * <p>With a poisoning guard ({@link #guarded}) each row passes the guard as the job's events do
 * ({@link GuardedModel}); row i's record time is i rows at the given rate after the start, and its
 * label's time that of the row at which it is learned.
 */
public final class EvaluationRun {
  private final ModelState model;
  private final int window;
  private final DriftOptions drift;
  private final PrintWriter predictions; // null: not written
  private final int delay;
  private final ArrayDeque<Waiting> waiting = new ArrayDeque<>();
  private GuardedModel guarded;
  private double msPerRow = 1;
  private long rows;

  /** A row whose label is not known yet. */
  private record Waiting(Scored scored, double label, long time) {}
  private double[] perWindow = new double[16];
  private int windows;

  /**
   * @param window N of the per-window curve; the model's metrics window should be the same
   * @param predictions where each example's prediction goes as a CSV line, or null
   * @param delay rows between an example and its label, {@code >= 0}
   */
  public EvaluationRun(ModelState model, int window, DriftOptions drift, PrintWriter predictions, int delay) {
    this.model = model;
    this.window = window;
    this.drift = drift;
    this.predictions = predictions;
    this.delay = delay;
    if (predictions != null) {
      predictions.println("example,score,predictedLabel,modelVersion");
    }
    this.guarded = new GuardedModel(model, GuardConfig.OFF);
  }

  /**
   * This run with the poisoning guard of {@code config}, the rows {@code rowsPerSecond} apart in
   * record time (the demo's stream: 1000).
   */
  public EvaluationRun guarded(GuardConfig config, double rowsPerSecond) {
    this.guarded = new GuardedModel(model, config);
    this.msPerRow = 1000.0 / rowsPerSecond;
    return this;
  }

  /** The guard's counts so far. */
  public GuardedModel guard() {
    return guarded;
  }

  /** Test-then-train on one example at its row's record time. */
  public Scored step(double[] numbers, String[] categories, double label) {
    return step(numbers, categories, label, (long) (rows * msPerRow));
  }

  /**
   * Test-then-train on one example at record time {@code time} (ms): predicted, then learned now or
   * {@code delay} rows later unless the guard refuses it; returns the prediction.
   */
  public Scored step(double[] numbers, String[] categories, double label, long time) {
    rows++;
    Scored scored = guarded.predict(numbers, categories);
    if (predictions != null) {
      predictions.println(model.events() - 1 + "," + scored.prediction().score() + ","
          + scored.prediction().label() + "," + scored.version());
    }
    if (guarded.lastOutlier() != null) {
      return scored; // predicted, not learned
    }
    if (delay == 0) {
      learn(scored, label, time, time);
      return scored;
    }
    waiting.add(new Waiting(scored.detached(), label, time));
    if (waiting.size() > delay) {
      Waiting oldest = waiting.poll();
      learn(oldest.scored(), oldest.label(), oldest.time(), time);
    }
    return scored;
  }

  /** Learns the labels still pending at the end of the input. */
  public void finish() {
    long end = (long) (rows * msPerRow);
    for (Waiting w; (w = waiting.poll()) != null; ) {
      learn(w.scored(), w.label(), w.time(), end);
    }
  }

  private void learn(Scored scored, double label, long eventTime, long labelTime) {
    var learned = guarded.learn(scored, label, eventTime, labelTime);
    if (learned == null) {
      return; // refused by the guard, counted
    }
    drift.record(learned);
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
