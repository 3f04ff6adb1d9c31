package dev.eddy.learners.params;

/**
 * A rejected parameter: unknown, unparsable or out of range. The message reads {@code "OWNER:
 * parameter NAME must be RULE but was VALUE"} (or {@code "OWNER: unknown parameter 'NAME'; allowed:
 * ..."}); {@link #detail()} drops the owner ({@code "C: must be > 0 and finite but was -1.0"}) for a
 * caller that prefixes its own context, such as a job spec's {@code learner.} field.
 */
public final class ParamException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final String owner;
  private final String parameter;
  private final String problem;

  private ParamException(String owner, String parameter, String problem, String message) {
    super(message);
    this.owner = owner;
    this.parameter = parameter;
    this.problem = problem;
  }

  /** {@code "OWNER: parameter NAME PROBLEM"}, e.g. problem {@code "must be > 0 but was 0"}. */
  public static ParamException invalid(String owner, String parameter, String problem) {
    return new ParamException(
        owner, parameter, problem, owner + ": parameter " + parameter + " " + problem);
  }

  /** An unknown name, listing the allowed ones ({@code context} e.g. "for task BINARY", or null). */
  static ParamException unknown(String owner, String parameter, String context, String allowed) {
    String problem = "unknown parameter; allowed" + (context == null ? "" : " " + context) + ": "
        + allowed;
    return new ParamException(owner, parameter, problem, owner + ": unknown parameter '" + parameter
        + "'; allowed" + (context == null ? "" : " " + context) + ": " + allowed);
  }

  /**
   * Throws {@code "OWNER: parameter NAME must be RULE but was VALUE"} unless {@code ok}: for the
   * checks that span several parameters (e.g. drift-level &gt;= warning-level), which a single
   * {@link Param} cannot declare.
   */
  public static void require(boolean ok, String owner, String name, Object value, String rule) {
    if (!ok) {
      throw invalid(owner, name, "must be " + rule + " but was " + value);
    }
  }

  /** The learner, detector or policy type whose parameter was rejected, e.g. {@code adwin}. */
  public String owner() {
    return owner;
  }

  /** The parameter's name. */
  public String parameter() {
    return parameter;
  }

  /** What is wrong, without owner and name: {@code "must be > 0 and finite but was -1.0"}. */
  public String problem() {
    return problem;
  }

  /** The message without the owner: {@code "NAME: PROBLEM"}. */
  public String detail() {
    return parameter + ": " + problem;
  }
}
