package dev.eddy.learners.params;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One hyperparameter, declared once: its spec name, type, default, allowed range or values, search
 * {@link Scale} and a one-line description. Parsing a spec string and checking a typed value both go
 * through the declaration, so a learner, detector or policy never writes a parameter's name, bounds
 * or error message twice, and the CLI help, the docs and a tuner's search space read the same facts.
 *
 * <p>Immutable: the bound methods ({@link #atLeast}, {@link #in}, ...) return a new declaration.
 * Real values must always be finite. A parameter without a default ({@link #withoutDefault()}) is
 * optional: absent, it reads as null and its owner decides what that means.
 *
 * @param <T> Double, Integer, Long, Boolean, String (a choice) or List&lt;Integer&gt;
 */
public final class Param<T> {

  /** The value types. */
  public enum Kind {
    REAL,
    INTEGER,
    LONG,
    BOOLEAN,
    CHOICE,
    INTEGER_LIST
  }

  private final String name;
  private final Kind kind;
  private final T defaultValue;
  private final String description;
  private final Scale scale;
  private final double min;
  private final double max;
  private final boolean minOpen;
  private final boolean maxOpen;
  private final List<String> choices;
  /** The range a tuner searches (NaN, NaN: not searched); for a choice 0 and the last index. */
  private final double searchLo;
  private final double searchHi;

  private Param(String name, Kind kind, T defaultValue, String description, Scale scale,
      double min, boolean minOpen, double max, boolean maxOpen, List<String> choices) {
    this(name, kind, defaultValue, description, scale, min, minOpen, max, maxOpen, choices,
        Double.NaN, Double.NaN);
  }

  private Param(String name, Kind kind, T defaultValue, String description, Scale scale,
      double min, boolean minOpen, double max, boolean maxOpen, List<String> choices,
      double searchLo, double searchHi) {
    if (name == null || name.isBlank() || description == null || description.isBlank()) {
      throw new IllegalArgumentException("a parameter needs a name and a description: " + name);
    }
    this.name = name;
    this.kind = kind;
    this.defaultValue = defaultValue;
    this.description = description;
    this.scale = scale;
    this.min = min;
    this.minOpen = minOpen;
    this.max = max;
    this.maxOpen = maxOpen;
    this.choices = List.copyOf(choices);
    this.searchLo = searchLo;
    this.searchHi = searchHi;
  }

  private static <T> Param<T> of(String name, Kind kind, T dflt, String description) {
    return new Param<>(name, kind, dflt, description, Scale.LINEAR,
        Double.NEGATIVE_INFINITY, false, Double.POSITIVE_INFINITY, false, List.of());
  }

  /** A real number (finite), e.g. a learning rate. */
  public static Param<Double> real(String name, double dflt, String description) {
    return of(name, Kind.REAL, dflt, description);
  }

  /** An int. */
  public static Param<Integer> integer(String name, int dflt, String description) {
    return of(name, Kind.INTEGER, dflt, description);
  }

  /** A long, e.g. a seed. */
  public static Param<Long> longInteger(String name, long dflt, String description) {
    return of(name, Kind.LONG, dflt, description);
  }

  /** {@code true} or {@code false}. */
  public static Param<Boolean> bool(String name, boolean dflt, String description) {
    return of(name, Kind.BOOLEAN, dflt, description);
  }

  /** One of {@code choices} (exact spelling). */
  public static Param<String> choice(
      String name, String dflt, List<String> choices, String description) {
    return new Param<>(name, Kind.CHOICE, dflt, description, Scale.LINEAR,
        Double.NEGATIVE_INFINITY, false, Double.POSITIVE_INFINITY, false, choices);
  }

  /** A comma-separated list of ints, e.g. layer sizes {@code 64,32}; bounds apply to each entry. */
  public static Param<List<Integer>> integers(String name, List<Integer> dflt, String description) {
    return of(name, Kind.INTEGER_LIST, dflt == null ? null : List.copyOf(dflt), description);
  }

  private Param<T> bounded(double lo, boolean loOpen, double hi, boolean hiOpen) {
    return new Param<>(name, kind, defaultValue, description, scale, lo, loOpen, hi, hiOpen,
        choices, searchLo, searchHi);
  }

  /** Requires {@code value >= lo}. */
  public Param<T> atLeast(double lo) {
    return bounded(lo, false, max, maxOpen);
  }

  /** Requires {@code value > lo}. */
  public Param<T> above(double lo) {
    return bounded(lo, true, max, maxOpen);
  }

  /** Requires {@code value <= hi}. */
  public Param<T> atMost(double hi) {
    return bounded(min, minOpen, hi, false);
  }

  /** Requires {@code value < hi}. */
  public Param<T> below(double hi) {
    return bounded(min, minOpen, hi, true);
  }

  /** Requires {@code lo <= value <= hi}. */
  public Param<T> in(double lo, double hi) {
    return bounded(lo, false, hi, false);
  }

  /** Searched on a log scale by a tuner. */
  public Param<T> log() {
    return new Param<>(name, kind, defaultValue, description, Scale.LOG, min, minOpen, max,
        maxOpen, choices, searchLo, searchHi);
  }

  /** The same parameter with no default: absent, it reads as null. */
  public Param<T> withoutDefault() {
    return new Param<>(name, kind, null, description, scale, min, minOpen, max, maxOpen, choices,
        searchLo, searchHi);
  }

  /**
   * The same parameter with another default, for a learner that shares the declaration but was
   * measured to want another value (PA-II's {@code C}, BENCHMARKS.md "Defaults against the best");
   * the default must satisfy the bounds.
   */
  public Param<T> withDefault(T value) {
    check("default of " + name, value);
    return new Param<>(name, kind, value, description, scale, min, minOpen, max, maxOpen, choices,
        searchLo, searchHi);
  }

  /**
   * Searched by a tuner ({@code bin/eddy tune}) over [lo, hi], on this parameter's {@link #scale}:
   * the range is declared here, with the parameter, never in the tuner. Declare bounds and scale
   * first; the range must lie inside the bounds (and above 0 on a log scale).
   */
  public Param<T> search(double lo, double hi) {
    if (kind != Kind.REAL && kind != Kind.INTEGER) {
      throw new IllegalArgumentException(name + ": only reals and ints have a search range");
    }
    boolean inside = lo < hi && (lo > min || (lo == min && !minOpen)) && (hi < max || (hi == max && !maxOpen));
    if (!inside || (scale == Scale.LOG && lo <= 0)) {
      throw new IllegalArgumentException(name + ": search range [" + lo + ", " + hi + "] outside " + rule());
    }
    return new Param<>(name, kind, defaultValue, description, scale, min, minOpen, max, maxOpen,
        choices, lo, hi);
  }

  /** A choice that a tuner searches over all its values. */
  public Param<T> searched() {
    if (kind != Kind.CHOICE && kind != Kind.BOOLEAN) {
      throw new IllegalArgumentException(name + ": only choices and booleans are searched whole");
    }
    int last = kind == Kind.BOOLEAN ? 1 : choices.size() - 1;
    return new Param<>(name, kind, defaultValue, description, scale, min, minOpen, max, maxOpen,
        choices, 0, last);
  }

  /** True if a tuner searches this parameter. */
  public boolean isSearched() {
    return !Double.isNaN(searchLo);
  }

  /** The lower end of the search range (for a choice, 0); NaN when not searched. */
  public double searchMin() {
    return searchLo;
  }

  /** The upper end of the search range (for a choice, its last index); NaN when not searched. */
  public double searchMax() {
    return searchHi;
  }

  /** The spec name, e.g. {@code learning-rate}. */
  public String name() {
    return name;
  }

  /** The value type. */
  public Kind kind() {
    return kind;
  }

  /** The default, or null when the parameter has none. */
  public T defaultValue() {
    return defaultValue;
  }

  /** One line saying what the parameter does. */
  public String description() {
    return description;
  }

  /** How a tuner should search it. */
  public Scale scale() {
    return scale;
  }

  /** Lower bound ({@code -Infinity} when none). */
  public double min() {
    return min;
  }

  /** Upper bound ({@code +Infinity} when none). */
  public double max() {
    return max;
  }

  /** Whether {@link #min()} itself is excluded. */
  public boolean minOpen() {
    return minOpen;
  }

  /** Whether {@link #max()} itself is excluded. */
  public boolean maxOpen() {
    return maxOpen;
  }

  /** The allowed values of a choice (empty for other kinds). */
  public List<String> choices() {
    return choices;
  }

  /**
   * What a valid value is, as in error messages: {@code "> 0 and finite"}, {@code "in (0, 1)"},
   * {@code ">= 1"}, {@code "one of up, down, both"}; empty when anything of the type goes.
   */
  public String rule() {
    return switch (kind) {
      case BOOLEAN -> "true or false";
      case CHOICE -> "one of " + String.join(", ", choices);
      case INTEGER_LIST -> "comma-separated integers " + range(true);
      case REAL -> {
        String range = range(false);
        yield range.isEmpty() ? "finite" : range;
      }
      default -> range(false);
    };
  }

  private String range(boolean list) {
    boolean lo = min != Double.NEGATIVE_INFINITY;
    boolean hi = max != Double.POSITIVE_INFINITY;
    String finite = kind == Kind.REAL ? " and finite" : "";
    if (lo && hi) {
      return "in " + (minOpen ? "(" : "[") + number(min) + ", " + number(max)
          + (maxOpen ? ")" : "]");
    }
    if (lo) {
      return (list ? "each " : "") + (minOpen ? "> " : ">= ") + number(min) + finite;
    }
    if (hi) {
      return (list ? "each " : "") + (maxOpen ? "< " : "<= ") + number(max) + finite;
    }
    return "";
  }

  private static String number(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
  }

  /**
   * Parses and checks a spec string (surrounding blanks ignored).
   *
   * @throws ParamException naming {@code owner}, the parameter and the value
   */
  public T parse(String owner, String raw) {
    if (raw == null) {
      throw ParamException.invalid(owner, name, "has no value");
    }
    T value = convert(owner, raw.trim());
    check(owner, value);
    return value;
  }

  @SuppressWarnings("unchecked")
  private T convert(String owner, String text) {
    try {
      return (T) switch (kind) {
        case REAL -> Double.valueOf(text);
        case INTEGER -> {
          long v = Long.parseLong(text);
          if (v != (int) v) {
            throw notA(owner, text, "an integer of at " + (v > 0 ? "most " + Integer.MAX_VALUE
                : "least " + Integer.MIN_VALUE));
          }
          yield (int) v;
        }
        case LONG -> Long.valueOf(text);
        case BOOLEAN -> {
          if (!text.equalsIgnoreCase("true") && !text.equalsIgnoreCase("false")) {
            throw notA(owner, text, "true or false");
          }
          yield Boolean.valueOf(text.toLowerCase(Locale.ROOT));
        }
        case CHOICE -> {
          if (!choices.contains(text)) {
            throw notA(owner, text, rule());
          }
          yield text;
        }
        case INTEGER_LIST -> {
          List<Integer> out = new ArrayList<>();
          for (String part : text.split(",", -1)) {
            out.add(Integer.valueOf(part.trim()));
          }
          yield List.copyOf(out);
        }
      };
    } catch (NumberFormatException e) {
      throw notA(owner, text, switch (kind) {
        case REAL -> "a number";
        case INTEGER_LIST -> rule() + ", e.g. 64,32";
        default -> "an integer";
      });
    }
  }

  private ParamException notA(String owner, String text, String what) {
    return ParamException.invalid(owner, name, "must be " + what + " but was '" + text + "'");
  }

  /**
   * Checks a typed value against the declaration (a choice also accepts an object whose {@code
   * toString()} is one of the choices, e.g. an enum with spec names).
   *
   * @throws ParamException naming {@code owner}, the parameter and the value
   */
  public void check(String owner, Object value) {
    if (!valid(value)) {
      throw ParamException.invalid(owner, name, "must be " + rule() + " but was " + format(value));
    }
  }

  private boolean valid(Object value) {
    if (value == null) {
      return false;
    }
    return switch (kind) {
      case REAL -> value instanceof Double d && Double.isFinite(d) && inRange(d);
      case INTEGER, LONG -> value instanceof Number n && inRange(n.doubleValue());
      case BOOLEAN -> value instanceof Boolean;
      case CHOICE -> choices.contains(value.toString());
      case INTEGER_LIST -> value instanceof List<?> list && !list.isEmpty()
          && list.stream().allMatch(e -> e instanceof Integer i && inRange(i));
    };
  }

  private boolean inRange(double v) {
    return (minOpen ? v > min : v >= min) && (maxOpen ? v < max : v <= max);
  }

  /** The spec string of a value: what {@link #parse} reads back to it. */
  public String format(Object value) {
    if (value instanceof List<?> list) {
      List<String> parts = new ArrayList<>();
      list.forEach(e -> parts.add(String.valueOf(e)));
      return String.join(",", parts);
    }
    return String.valueOf(value);
  }

  /**
   * One line of help: {@code "C  real > 0 and finite, log scale, default 1.0 — aggressiveness"}.
   */
  public String help() {
    String type = switch (kind) {
      case REAL -> "real";
      case INTEGER, LONG -> "integer";
      case BOOLEAN -> "boolean";
      case CHOICE -> "choice";
      case INTEGER_LIST -> "list";
    };
    String rule = rule();
    return name + "  " + type + (rule.isEmpty() || kind == Kind.BOOLEAN ? "" : " " + rule)
        + (scale == Scale.LOG ? ", log scale" : "")
        + (defaultValue == null ? ", no default" : ", default " + format(defaultValue))
        + " — " + description;
  }

  @Override
  public String toString() {
    return help();
  }
}
