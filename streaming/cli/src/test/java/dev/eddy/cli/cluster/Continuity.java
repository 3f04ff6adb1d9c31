package dev.eddy.cli.cluster;

import java.util.List;

/**
 * Did the model carry on after a disruption, or start again from scratch? Prequential accuracy of the
 * job's predictions (ordered as it made them) just before the disruption, just after the job resumed,
 * and over a fresh model's first predictions (the start of the stream) for comparison.
 *
 * @param fresh accuracy of the first {@value #FRESH} predictions of the stream (a model from scratch)
 * @param before accuracy of the last {@value #BEFORE} predictions made before the disruption
 * @param after accuracy of the first {@value #AFTER} predictions made after the job resumed
 * @param firstScore score of the stream's first prediction (0 for a model with zero weights)
 * @param firstScoreAfter score of the first prediction after the job resumed
 * @param firstAfter the first prediction made after the job resumed
 */
record Continuity(double fresh, double before, double after, double firstScore, double firstScoreAfter,
    PredictionLog.Seen firstAfter) {
  static final int FRESH = 100;
  static final int BEFORE = 2000;
  static final int AFTER = 500;

  /**
   * @param seen predictions by processing time
   * @param disruptedAt when the disruption began (epoch ms)
   * @param resumedAt when the job resumed, e.g. the restore time reported by Flink (epoch ms)
   */
  static Continuity of(List<PredictionLog.Seen> seen, long disruptedAt, long resumedAt) {
    List<PredictionLog.Seen> before = seen.stream().filter(s -> s.processedAt() < disruptedAt).toList();
    List<PredictionLog.Seen> after = seen.stream().filter(s -> s.processedAt() >= resumedAt).toList();
    if (before.size() < BEFORE || after.size() < AFTER) {
      throw new AssertionError("too few predictions around the disruption: " + before.size() + " before, "
          + after.size() + " after");
    }
    return new Continuity(accuracy(seen.subList(0, FRESH)),
        accuracy(before.subList(before.size() - BEFORE, before.size())), accuracy(after.subList(0, AFTER)),
        seen.get(0).score(), after.get(0).score(), after.get(0));
  }

  private static double accuracy(List<PredictionLog.Seen> window) {
    return window.stream().filter(PredictionLog.Seen::correct).count() / (double) window.size();
  }

  @Override
  public String toString() {
    return String.format(java.util.Locale.ROOT,
        "accuracy: fresh model's first %d %.3f, last %d before %.3f, first %d after %.3f; first scores %.4f / %.4f",
        FRESH, fresh, BEFORE, before, AFTER, after, firstScore, firstScoreAfter);
  }
}
