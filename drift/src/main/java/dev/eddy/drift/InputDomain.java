package dev.eddy.drift;

/** The values a {@link DriftDetector} accepts. */
public enum InputDomain {
  /** Exactly 0 or 1: an error indicator (1 = the prediction was wrong). */
  BINARY,
  /** Any finite number. */
  REAL;

  /**
   * Throws {@link IllegalArgumentException} naming the detector type and the value when {@code
   * value} is outside this domain.
   */
  public void check(String type, double value) {
    if (this == BINARY) {
      if (value != 0.0 && value != 1.0) {
        throw new IllegalArgumentException(
            type
                + " accepts only 0 or 1 (1 = a wrong prediction) but got "
                + value
                + "; use a real-valued detector (adwin, page-hinkley, cusum, kswin) for other values");
      }
    } else if (!Double.isFinite(value)) {
      throw new IllegalArgumentException(type + " accepts only finite values but got " + value);
    }
  }
}
