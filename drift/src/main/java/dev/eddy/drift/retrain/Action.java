package dev.eddy.drift.retrain;

/** What a {@link RetrainPolicy} did on one labelled example. */
public enum Action {
  /** Nothing changed. */
  NONE("none", false),
  /** A challenger (or a gated candidate) started learning beside the champion. */
  CHALLENGER_STARTED("challenger-started", false),
  /** The challenger was discarded: it did not beat the champion, or did not pass the gate, in time. */
  CHALLENGER_DROPPED("challenger-dropped", false),
  /** The challenger replaced the champion: a new model version. */
  PROMOTED("promoted", true),
  /** A fresh model replaced the champion: a new model version. */
  RESET("reset", true),
  /** A fresh model trained on the window of recent examples replaced the champion: a new version. */
  WINDOW_RETRAINED("window-retrained", true);

  private final String specName;
  private final boolean newVersion;

  Action(String specName, boolean newVersion) {
    this.specName = specName;
    this.newVersion = newVersion;
  }

  /** The name used in drift events and reports, e.g. {@code challenger-started}. */
  public String specName() {
    return specName;
  }

  /** True if the action replaced the champion, i.e. a new model version was born. */
  public boolean newVersion() {
    return newVersion;
  }

  @Override
  public String toString() {
    return specName;
  }
}
