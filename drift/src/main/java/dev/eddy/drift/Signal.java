package dev.eddy.drift;

/**
 * What a {@link DriftDetector} says after one update. {@link #DRIFT} is an event: the detector
 * reports it once and resets itself on the next update. {@link #WARNING} is a zone: it is reported
 * on every update while the detector's warning test holds.
 */
public enum Signal {
  /** No evidence of change. */
  STABLE(0),
  /** The warning test holds: change is possible; a retraining policy may start a challenger. */
  WARNING(1),
  /** The drift test holds: the data changed; the detector resets itself on the next update. */
  DRIFT(2);

  private final int code;

  Signal(int code) {
    this.code = code;
  }

  /** The stable code used in snapshots (never the ordinal, so reordering cannot break them). */
  public int code() {
    return code;
  }

  /** The signal with the given snapshot code. */
  public static Signal fromCode(int code) {
    for (Signal s : values()) {
      if (s.code == code) {
        return s;
      }
    }
    throw new IllegalArgumentException("unknown signal code " + code + "; known: 0, 1, 2");
  }
}
