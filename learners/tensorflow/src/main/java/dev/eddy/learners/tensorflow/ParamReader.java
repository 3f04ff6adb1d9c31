package dev.eddy.learners.tensorflow;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Reads hyperparameters from a spec's string map, each read removing its key so that {@link
 * #requireAllRead} can reject unknown names. Every error names the learner type, the parameter and
 * its value.
 */
final class ParamReader {
  private final String type;
  private final Map<String, String> remaining;
  private final Set<String> known = new TreeSet<>();

  ParamReader(String type, Map<String, String> params) {
    this.type = type;
    this.remaining = new HashMap<>(params == null ? Map.of() : params);
  }

  /** The raw value, or null when absent. */
  String string(String name) {
    known.add(name);
    String value = remaining.remove(name);
    return value == null ? null : value.trim();
  }

  String string(String name, String fallback) {
    String value = string(name);
    return value == null ? fallback : value;
  }

  int intIn(String name, int fallback, int min, int max) {
    return parsed(
        name,
        fallback,
        Integer::valueOf,
        v -> v >= min && v <= max,
        "an integer in [" + min + ", " + max + "]");
  }

  long longAtLeast(String name, long fallback, long min) {
    return parsed(name, fallback, Long::valueOf, v -> v >= min, "an integer >= " + min);
  }

  long anyLong(String name, long fallback) {
    return parsed(name, fallback, Long::valueOf, v -> true, "an integer");
  }

  double positive(String name, double fallback) {
    return parsed(
        name, fallback, Double::valueOf, v -> v > 0 && Double.isFinite(v), "a finite number > 0");
  }

  private <T> T parsed(
      String name, T fallback, Function<String, T> parser, Predicate<T> valid, String allowed) {
    String value = string(name);
    if (value == null) {
      return fallback;
    }
    try {
      T parsed = parser.apply(value);
      if (valid.test(parsed)) {
        return parsed;
      }
    } catch (NumberFormatException e) {
      // reported below with what is allowed
    }
    throw fail(name, value, allowed);
  }

  /** A comma-separated list of positive layer sizes, e.g. {@code 64,32}. */
  List<Integer> sizes(String name, String fallback, int max) {
    String value = string(name, fallback);
    List<Integer> sizes = new ArrayList<>();
    for (String part : value.split(",", -1)) {
      try {
        int size = Integer.parseInt(part.trim());
        if (size >= 1 && size <= max) {
          sizes.add(size);
          continue;
        }
      } catch (NumberFormatException e) {
        // reported below
      }
      throw fail(name, value, "comma-separated layer sizes in [1, " + max + "], e.g. 64,32");
    }
    return List.copyOf(sizes);
  }

  /** Rejects any parameter that no read asked for. */
  void requireAllRead() {
    if (!remaining.isEmpty()) {
      String name = new TreeSet<>(remaining.keySet()).first();
      throw new IllegalArgumentException(
          type + ": unknown parameter " + name + "='" + remaining.get(name) + "'; known: " + known);
    }
  }

  IllegalArgumentException fail(String name, String value, String allowed) {
    return new IllegalArgumentException(
        type + ": " + name + " must be " + allowed + " but was '" + value + "'");
  }
}
