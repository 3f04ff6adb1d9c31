package dev.eddy.learners.linear;

/** One-line argument checks for the config records; messages name the parameter and the value. */
final class Checks {
  private Checks() {}

  /** Requires {@code value > 0} and finite. */
  static double positive(String name, double value) {
    if (!(value > 0) || !Double.isFinite(value)) {
      throw new IllegalArgumentException(
          "parameter " + name + " must be > 0 and finite but was " + value);
    }
    return value;
  }

  /** Requires {@code value >= 0} and finite. */
  static double nonNegative(String name, double value) {
    if (!(value >= 0) || !Double.isFinite(value)) {
      throw new IllegalArgumentException(
          "parameter " + name + " must be >= 0 and finite but was " + value);
    }
    return value;
  }

  /** Requires a non-null value. */
  static <T> T present(String name, T value) {
    if (value == null) {
      throw new IllegalArgumentException("parameter " + name + " must be given but was null");
    }
    return value;
  }
}
