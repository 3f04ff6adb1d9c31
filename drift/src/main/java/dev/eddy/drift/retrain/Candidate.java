package dev.eddy.drift.retrain;

import dev.eddy.learners.codec.Framing;
import dev.eddy.learners.FeatureVector;
import dev.eddy.learners.OnlineLearner;
import dev.eddy.learners.Prediction;
import dev.eddy.learners.Task;
import dev.eddy.learners.codec.LearnerCodec;
import dev.eddy.learners.metrics.MetricTotals;
import dev.eddy.learners.metrics.PrequentialMetrics;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Locale;

/**
 * A model learning beside the champion: a challenger started at a warning, or a gated candidate
 * waiting to pass the promotion gate. Both models are scored prequentially on the same examples
 * (each predicts before it learns), over a window of the last N examples.
 */
final class Candidate {
  /** Scored examples before "the challenger beats the champion" may be said. */
  static final int MIN_SCORED = 30;

  private final OnlineLearner learner;
  private PrequentialMetrics mine;
  private PrequentialMetrics champions;
  private long age;
  private boolean awaitingPromotion;
  private boolean beaten;

  private Candidate(
      OnlineLearner learner, PrequentialMetrics mine, PrequentialMetrics champions, boolean awaiting) {
    this.learner = learner;
    this.mine = mine;
    this.champions = champions;
    this.awaitingPromotion = awaiting;
  }

  /** A new candidate scored over windows of {@code window} examples. */
  static Candidate start(OnlineLearner learner, int window, boolean awaitingPromotion) {
    Task task = learner.task();
    return new Candidate(
        learner, new PrequentialMetrics(task, window), new PrequentialMetrics(task, window), awaitingPromotion);
  }

  /** Scores both models on one example (before either learns it). */
  void score(FeatureVector x, double label, Prediction championPrediction) {
    mine.record(learner.predict(x), label);
    champions.record(championPrediction, label);
    age++;
    if (mine.count() >= Math.min(MIN_SCORED, mine.windowSize()) && score(mine) > score(champions)) {
      beaten = true;
    }
  }

  /** Accuracy, or minus the mean absolute error for regression, over the window. */
  private static double score(PrequentialMetrics m) {
    return m.task() == Task.REGRESSION ? -m.window().mae() : m.windowAccuracy();
  }

  /**
   * True once {@code n} examples are scored and the candidate scores at least the champion on all
   * of them: every example since the scores (re)started, which for a candidate awaiting promotion is
   * the drift, so a candidate worse than the champion since the drift is never promoted.
   */
  boolean passesGate(int n) {
    return mine.count() >= n && cumulativeScore(mine) >= cumulativeScore(champions);
  }

  /** Accuracy, or minus the mean absolute error for regression, over every scored example. */
  private static double cumulativeScore(PrequentialMetrics m) {
    return m.task() == Task.REGRESSION ? -m.cumulative().mae() : m.accuracy();
  }

  /** The two window scores in words, for reasons. */
  String comparison() {
    return describe(mine.window(), mine.windowAccuracy(), champions.window(), champions.windowAccuracy(),
        "over the last " + Math.min(mine.count(), mine.windowSize()) + " examples");
  }

  /** The two scores since the drift in words, for the gate's reasons. */
  String sinceTheDrift() {
    return describe(mine.cumulative(), mine.accuracy(), champions.cumulative(), champions.accuracy(),
        "on the " + mine.count() + " examples since the drift");
  }

  private String describe(MetricTotals a, double accuracyA, MetricTotals b, double accuracyB, String over) {
    boolean regression = mine.task() == Task.REGRESSION;
    return String.format(Locale.ROOT, "challenger %s %.4f vs champion %.4f %s",
        regression ? "mean absolute error" : "accuracy",
        regression ? a.mae() : accuracyA, regression ? b.mae() : accuracyB, over);
  }

  OnlineLearner learner() {
    return learner;
  }

  long age() {
    return age;
  }

  boolean awaitingPromotion() {
    return awaitingPromotion;
  }

  /**
   * Waits for the gate from now on: both scores restart, so the gate compares the two models on the
   * examples since the drift only (a challenger started at a warning is not judged on the examples
   * before the drift).
   */
  void awaitPromotion() {
    awaitingPromotion = true;
    age = 0;
    mine = new PrequentialMetrics(mine.task(), mine.windowSize());
    champions = new PrequentialMetrics(champions.task(), champions.windowSize());
  }

  boolean beaten() {
    return beaten;
  }

  /** Grants another horizon to a challenger that beat the champion during this one. */
  void extend() {
    age = 0;
    beaten = false;
  }

  void write(DataOutput out) throws IOException {
    Framing.writeBytes(out, LearnerCodec.encode(learner));
    Framing.writeBytes(out, mine.toBytes());
    Framing.writeBytes(out, champions.toBytes());
    out.writeLong(age);
    out.writeBoolean(awaitingPromotion);
    out.writeBoolean(beaten);
  }

  static Candidate read(DataInput in) throws IOException {
    OnlineLearner learner = LearnerCodec.decode(Framing.readBytes(in));
    PrequentialMetrics mine = PrequentialMetrics.fromBytes(Framing.readBytes(in));
    PrequentialMetrics champions = PrequentialMetrics.fromBytes(Framing.readBytes(in));
    Candidate c = new Candidate(learner, mine, champions, false);
    c.age = in.readLong();
    c.awaitingPromotion = in.readBoolean();
    c.beaten = in.readBoolean();
    return c;
  }
}
