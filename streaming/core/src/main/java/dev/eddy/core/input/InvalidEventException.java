package dev.eddy.core.input;

/** An event that cannot be used; its message becomes the dead letter's reason. */
public final class InvalidEventException extends Exception {
  private static final long serialVersionUID = 1L;

  public InvalidEventException(String reason) {
    super(reason, null, false, false); // no stack trace: these are expected, per bad record
  }
}
