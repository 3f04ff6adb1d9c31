package dev.eddy.core.spec;

/** A job spec that cannot run; the message names the field and what is allowed. */
public final class JobSpecException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public JobSpecException(String field, String problem) {
    super("job spec: " + field + ": " + problem);
  }
}
