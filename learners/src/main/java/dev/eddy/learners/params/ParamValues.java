package dev.eddy.learners.params;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Typed parameter values read by {@link ParamSet#parse}: every declared one, defaults filled in. */
public final class ParamValues {
  private final ParamSet set;
  private final Map<Param<?>, Object> values;

  ParamValues(ParamSet set, Map<Param<?>, Object> values) {
    this.set = set;
    this.values = values;
  }

  /**
   * The value of {@code param}: as given, else its default (null when it has none). A parameter the
   * set does not declare reads as its default, so that owners sharing one record (the retraining
   * policies) need no special case.
   */
  @SuppressWarnings("unchecked")
  public <T> T get(Param<T> param) {
    return set.contains(param) ? (T) values.get(param) : param.defaultValue();
  }

  /** Every parameter that has a value (given or default), as spec strings, in declaration order. */
  public Map<String, String> effective() {
    Map<String, String> out = new LinkedHashMap<>();
    values.forEach((p, v) -> {
      if (v != null) {
        out.put(p.name(), p.format(v));
      }
    });
    return Collections.unmodifiableMap(out);
  }
}
