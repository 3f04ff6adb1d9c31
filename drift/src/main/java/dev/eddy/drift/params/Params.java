package dev.eddy.drift.params;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the string parameters of a detector or policy (as written in job specs and on the command
 * line) into typed values, with errors that name the owner, the parameter and the bad value.
 *
 * <p>Unknown names are rejected when the reader is built, listing the allowed names, so a typo in a
 * spec fails at spec-loading time instead of silently using a default.
 */
public final class Params {
  private final String owner;
  private final Map<String, String> raw;

  private Params(String owner, Map<String, String> raw) {
    this.owner = owner;
    this.raw = raw;
  }

  /**
   * A reader over {@code raw} (may be null: no parameters) for {@code owner} (e.g. {@code adwin}),
   * rejecting any name not in {@code allowed}.
   */
  public static Params of(String owner, Map<String, String> raw, List<String> allowed) {
    Map<String, String> params = raw == null ? Map.of() : raw;
    for (Map.Entry<String, String> e : params.entrySet()) {
      if (!allowed.contains(e.getKey())) {
        throw new IllegalArgumentException(
            owner + ": unknown parameter '" + e.getKey() + "'; allowed: " + String.join(", ", allowed));
      }
      if (e.getValue() == null) {
        throw new IllegalArgumentException(owner + ": parameter " + e.getKey() + " has no value");
      }
    }
    return new Params(owner, params);
  }

  /** The number given for {@code name}, or {@code dflt}. */
  public double real(String name, double dflt) {
    String v = raw.get(name);
    if (v == null) {
      return dflt;
    }
    try {
      return Double.parseDouble(v.trim());
    } catch (NumberFormatException e) {
      throw invalid(name, v, "a number");
    }
  }

  /** The integer given for {@code name}, or {@code dflt}. */
  public int integer(String name, int dflt) {
    long v = longInteger(name, dflt);
    if (v != (int) v) {
      throw invalid(name, raw.get(name), "an integer of at most " + Integer.MAX_VALUE);
    }
    return (int) v;
  }

  /** The long integer given for {@code name}, or {@code dflt}. */
  public long longInteger(String name, long dflt) {
    String v = raw.get(name);
    if (v == null) {
      return dflt;
    }
    try {
      return Long.parseLong(v.trim());
    } catch (NumberFormatException e) {
      throw invalid(name, v, "an integer");
    }
  }

  /** The boolean ({@code true} or {@code false}) given for {@code name}, or {@code dflt}. */
  public boolean bool(String name, boolean dflt) {
    String v = raw.get(name);
    if (v == null) {
      return dflt;
    }
    String t = v.trim();
    if (t.equalsIgnoreCase("true")) {
      return true;
    }
    if (t.equalsIgnoreCase("false")) {
      return false;
    }
    throw invalid(name, v, "true or false");
  }

  /** The value of {@code name}, one of {@code allowed}, or {@code dflt}. */
  public String choice(String name, String dflt, List<String> allowed) {
    String v = raw.get(name);
    if (v == null) {
      return dflt;
    }
    String t = v.trim();
    if (!allowed.contains(t)) {
      throw invalid(name, v, "one of " + String.join(", ", allowed));
    }
    return t;
  }

  private IllegalArgumentException invalid(String name, String value, String must) {
    return new IllegalArgumentException(
        owner + ": parameter " + name + " must be " + must + " but was '" + value + "'");
  }

  /**
   * Throws {@link IllegalArgumentException} "OWNER: parameter NAME must be MUST but was VALUE" unless
   * {@code ok}. Used by the validated config records, so their errors read like spec errors.
   */
  public static void require(boolean ok, String owner, String name, Object value, String must) {
    if (!ok) {
      throw new IllegalArgumentException(
          owner + ": parameter " + name + " must be " + must + " but was " + value);
    }
  }

  /**
   * An insertion-ordered map from alternating names and values ({@code "delta", 0.002, ...}), the
   * values written with {@link String#valueOf(Object)} (which round-trips doubles exactly).
   */
  public static Map<String, String> ordered(Object... namesAndValues) {
    if (namesAndValues.length % 2 != 0) {
      throw new IllegalArgumentException("names and values must alternate");
    }
    Map<String, String> out = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      out.put((String) namesAndValues[i], String.valueOf(namesAndValues[i + 1]));
    }
    return Collections.unmodifiableMap(out);
  }
}
