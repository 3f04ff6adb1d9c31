package dev.eddy.core.input;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The registry of input formats, by the name a spec's {@code input.format} gives: each is one
 * {@link EventParser} built for the job's {@link FeatureLayout}. A new format is one line here; the
 * spec's validation and the job read the registry.
 */
public final class EventFormats {
  /** The default format. */
  public static final String DEFAULT = "avro";

  private static final Map<String, Function<FeatureLayout, EventParser>> FORMATS = new LinkedHashMap<>();

  static {
    FORMATS.put("avro", AvroEventParser::new); // Avro single-object encoding of schemas/Event.avsc
    FORMATS.put("json", JsonEventParser::new); // {"id": ..., "features": {...}, ...}
  }

  private EventFormats() {}

  /** The registered format names, default first. */
  public static Set<String> names() {
    return FORMATS.keySet();
  }

  /** The parser of {@code format}; IllegalArgumentException naming the known formats otherwise. */
  public static EventParser parser(String format, FeatureLayout layout) {
    Function<FeatureLayout, EventParser> factory = FORMATS.get(format);
    if (factory == null) {
      throw new IllegalArgumentException("unknown input format '" + format + "'; allowed: " + String.join(", ", names()));
    }
    return factory.apply(layout);
  }
}
