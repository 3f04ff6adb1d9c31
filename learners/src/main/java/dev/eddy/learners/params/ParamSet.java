package dev.eddy.learners.params;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The parameters of one owner (a learner type, a detector, a retraining policy), in declaration
 * order. {@link #parse} turns a spec's string map into typed {@link ParamValues}, rejecting unknown
 * names (listing the allowed ones), missing values, unparsable values and out-of-range values with a
 * {@link ParamException} naming the owner, the parameter and the value. The owner's config record
 * validates through {@link #check} and renders through {@link #render}, so each parameter's name,
 * default and range are written once, in its {@link Param}.
 */
public final class ParamSet {
  private final String owner;
  private final String context;
  private final Map<String, Param<?>> params;

  private ParamSet(String owner, String context, List<Param<?>> params) {
    Map<String, Param<?>> byName = new LinkedHashMap<>();
    for (Param<?> p : params) {
      if (byName.put(p.name(), p) != null) {
        throw new IllegalArgumentException(owner + " declares parameter " + p.name() + " twice");
      }
    }
    this.owner = owner;
    this.context = context;
    this.params = Collections.unmodifiableMap(byName);
  }

  /** The parameters of {@code owner}, in this order. */
  public static ParamSet of(String owner, Param<?>... params) {
    return new ParamSet(owner, null, List.of(params));
  }

  /** The parameters of {@code owner}, in this order. */
  public static ParamSet of(String owner, List<Param<?>> params) {
    return new ParamSet(owner, null, params);
  }

  /**
   * The subset of these parameters that {@code keep} names, in this set's order; {@code context}
   * (e.g. "for task BINARY") explains in errors why the others are not allowed.
   */
  public ParamSet subset(String context, List<Param<?>> keep) {
    List<Param<?>> out = new ArrayList<>();
    for (Param<?> p : params.values()) {
      if (keep.contains(p)) {
        out.add(p);
      }
    }
    return new ParamSet(owner, context, out);
  }

  /** These parameters followed by {@code more}. */
  public ParamSet plus(Param<?>... more) {
    List<Param<?>> all = new ArrayList<>(params.values());
    all.addAll(List.of(more));
    return new ParamSet(owner, context, all);
  }

  /** Whose parameters these are, e.g. {@code adwin}. */
  public String owner() {
    return owner;
  }

  /** The declarations, in order. */
  public List<Param<?>> params() {
    return List.copyOf(params.values());
  }

  /** The names, in order. */
  public List<String> names() {
    return List.copyOf(params.keySet());
  }

  /** The declaration of {@code name}, or null. */
  public Param<?> get(String name) {
    return params.get(name);
  }

  /** Whether {@code param} belongs to this set. */
  public boolean contains(Param<?> param) {
    return params.get(param.name()) == param;
  }

  /**
   * Reads a spec's parameters (null: none); absent ones take their defaults.
   *
   * @throws ParamException for an unknown name, a missing or unparsable value, or a value out of
   *     range
   */
  public ParamValues parse(Map<String, String> raw) {
    Map<String, String> given = raw == null ? Map.of() : raw;
    for (String name : given.keySet()) {
      if (!params.containsKey(name)) {
        throw ParamException.unknown(owner, name, context,
            params.isEmpty() ? "none" : String.join(", ", params.keySet()));
      }
    }
    Map<Param<?>, Object> values = new LinkedHashMap<>();
    for (Param<?> p : params.values()) {
      values.put(p, given.containsKey(p.name())
          ? p.parse(owner, given.get(p.name()))
          : p.defaultValue());
    }
    return new ParamValues(this, values);
  }

  /**
   * Checks typed values given in declaration order (a config record's components).
   *
   * @throws ParamException for the first value out of its range
   */
  public void check(Object... values) {
    List<Param<?>> list = positional(values);
    for (int i = 0; i < values.length; i++) {
      list.get(i).check(owner, values[i]);
    }
  }

  /** Spec strings of typed values given in declaration order, as an insertion-ordered map. */
  public Map<String, String> render(Object... values) {
    List<Param<?>> list = positional(values);
    Map<String, String> out = new LinkedHashMap<>();
    for (int i = 0; i < values.length; i++) {
      if (values[i] != null) {
        out.put(list.get(i).name(), list.get(i).format(values[i]));
      }
    }
    return Collections.unmodifiableMap(out);
  }

  /** The entries of {@code rendered} that this set declares, in this set's order. */
  public Map<String, String> select(Map<String, String> rendered) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String name : params.keySet()) {
      if (rendered.containsKey(name)) {
        out.put(name, rendered.get(name));
      }
    }
    return Collections.unmodifiableMap(out);
  }

  private List<Param<?>> positional(Object[] values) {
    if (values.length != params.size()) {
      throw new IllegalStateException(owner + " has " + params.size() + " parameters "
          + params.keySet() + " but " + values.length + " values were given");
    }
    return List.copyOf(params.values());
  }

  /** The defaults as spec strings (parameters without a default are left out), in order. */
  public Map<String, String> defaults() {
    return parse(Map.of()).effective();
  }

  /** One {@link Param#help()} line per parameter. */
  public String help() {
    StringJoiner lines = new StringJoiner("\n");
    params.values().forEach(p -> lines.add(p.help()));
    return lines.toString();
  }

  @Override
  public String toString() {
    return owner + params.keySet();
  }
}
