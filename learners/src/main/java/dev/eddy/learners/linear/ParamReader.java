package dev.eddy.learners.linear;

import dev.eddy.learners.Task;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Reads hyperparameters given as strings (job specs, CLI flags). Each read names a parameter, so the
 * reader knows the allowed names and {@link #finish()} rejects any other; values that do not parse
 * are rejected naming the learner type, the parameter and the value. Range checks belong to the
 * config records, which validate in their constructors.
 */
final class ParamReader {
  private final String type;
  private final Task task;
  private final Map<String, String> params;
  private final Set<String> allowed = new TreeSet<>();
  private final Map<String, String> effective = new TreeMap<>();

  ParamReader(String type, Task task, Map<String, String> params) {
    this.type = type;
    this.task = task;
    this.params = params;
  }

  /** A real-valued parameter, or its default. */
  double real(String name, double defaultValue) {
    String raw = raw(name);
    double value = defaultValue;
    if (raw != null) {
      try {
        value = Double.parseDouble(raw.trim());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "parameter " + name + " of learner " + type + " must be a number but was '" + raw + "'",
            e);
      }
    }
    effective.put(name, Double.toString(value));
    return value;
  }

  /** An integer parameter, or its default. */
  int integer(String name, int defaultValue) {
    String raw = raw(name);
    int value = defaultValue;
    if (raw != null) {
      try {
        value = Integer.parseInt(raw.trim());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "parameter " + name + " of learner " + type + " must be an integer but was '" + raw
                + "'",
            e);
      }
    }
    effective.put(name, Integer.toString(value));
    return value;
  }

  /** A parameter taking one of {@code choices}, or its default. */
  String choice(String name, String defaultValue, Set<String> choices) {
    String raw = raw(name);
    String value = raw == null ? defaultValue : raw.trim();
    if (!choices.contains(value)) {
      throw new IllegalArgumentException(
          "parameter " + name + " of learner " + type + " must be one of " + new TreeSet<>(choices)
              + " but was '" + raw + "'");
    }
    effective.put(name, value);
    return value;
  }

  private String raw(String name) {
    allowed.add(name);
    return params.get(name);
  }

  /**
   * Rejects parameters that were never read, naming them and the allowed ones; returns every
   * parameter read with its effective value (defaults included), sorted by name.
   */
  Map<String, String> finish() {
    for (String name : params.keySet()) {
      if (!allowed.contains(name)) {
        throw new IllegalArgumentException(
            "unknown parameter '" + name + "' for learner " + type + " (task " + task
                + "); allowed: " + allowed);
      }
    }
    return effective;
  }
}
