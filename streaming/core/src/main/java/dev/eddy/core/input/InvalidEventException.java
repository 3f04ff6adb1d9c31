package dev.eddy.core.input;

/** An event that cannot be used; its message becomes the dead letter's reason. */
public final class InvalidEventException extends Exception {
  private static final long serialVersionUID = 1L;

  public InvalidEventException(String reason) {
    super(reason, null, false, false); // no stack trace: these are expected, per bad record
  }

  /** The same reason for every format: bytes follow the record ({@code record}: event, label), {@code what} says which. */
  static InvalidEventException trailingData(String record, String what) {
    return new InvalidEventException("trailing data after the " + record + ": " + what);
  }

  /** The same reason for every format: a feature's name given twice. */
  static InvalidEventException repeatedFeature(String name) {
    return new InvalidEventException("feature '" + name + "' given twice");
  }
}
