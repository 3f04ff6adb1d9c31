package dev.eddy.drift.retrain;

/**
 * What a {@link RetrainPolicy} did on one labelled example: the action, why, and whether the
 * operator must also reset its standardizer. The common case is the shared {@link #NONE} instance,
 * so the per-event path allocates nothing.
 */
public final class Outcome {
  /** Nothing happened. */
  public static final Outcome NONE = new Outcome(Action.NONE, "", false);

  private final Action action;
  private final String reason;
  private final boolean resetStandardizer;

  Outcome(Action action, String reason, boolean resetStandardizer) {
    this.action = action;
    this.reason = reason;
    this.resetStandardizer = resetStandardizer;
  }

  /** The action taken. */
  public Action action() {
    return action;
  }

  /** True if a new model version was born (the champion was replaced). */
  public boolean newVersion() {
    return action.newVersion();
  }

  /** Why, in words, e.g. "drift: challenger promoted after 140 examples" (empty for NONE). */
  public String reason() {
    return reason;
  }

  /** True if the operator must start a fresh standardizer for the new model ({@code reset} policy). */
  public boolean resetStandardizer() {
    return resetStandardizer;
  }

  @Override
  public String toString() {
    return reason.isEmpty() ? action.specName() : action.specName() + ": " + reason;
  }
}
