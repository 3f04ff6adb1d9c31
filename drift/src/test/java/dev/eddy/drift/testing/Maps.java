package dev.eddy.drift.testing;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Test helper: insertion-ordered string maps. */
public final class Maps {
  private Maps() {}

  /** A map from alternating names and values, the values written with {@link String#valueOf}. */
  public static Map<String, String> ordered(Object... namesAndValues) {
    Map<String, String> out = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      out.put((String) namesAndValues[i], String.valueOf(namesAndValues[i + 1]));
    }
    return Collections.unmodifiableMap(out);
  }
}
