package dev.eddy.core.input;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The registry of input formats, by the name a spec's {@code input.format} (and {@code labels.format})
 * gives: each is an {@link EventParser} and a label parser built for the job's {@link FeatureLayout}.
 * A new format is one line here; the spec's validation and the job read the registry.
 */
public final class EventFormats {
  /** The default format. */
  public static final String DEFAULT = "avro";

  /** The parsers of one format. */
  private record Format(Function<FeatureLayout, EventParser> events,
      Function<FeatureLayout, RecordParser<InputLabel>> labels) {}

  private static final Map<String, Format> FORMATS = new LinkedHashMap<>();

  static {
    // Avro single-object encoding of schemas/Event.avsc and schemas/Label.avsc
    FORMATS.put("avro", new Format(AvroEventParser::new, AvroLabelParser::new));
    // {"id": ..., "features": {...}, ...} and {"id": ..., "label": ...}
    FORMATS.put("json", new Format(JsonEventParser::new, JsonLabelParser::new));
  }

  private EventFormats() {}

  /** The registered format names, default first. */
  public static Set<String> names() {
    return FORMATS.keySet();
  }

  /** The parser of {@code format}; IllegalArgumentException naming the known formats otherwise. */
  public static EventParser parser(String format, FeatureLayout layout) {
    return format(format).events().apply(layout);
  }

  /** The parser of {@code format} for whole records of the events topic. */
  public static RecordParser<ModelInput> eventParser(String format, FeatureLayout layout) {
    EventParser parser = parser(format, layout);
    return r -> ModelInput.of(parser.parse(r.value, r.timestamp));
  }

  /** The parser of {@code format} for records of the labels topic. */
  public static RecordParser<ModelInput> labelParser(String format, FeatureLayout layout) {
    RecordParser<InputLabel> parser = format(format).labels().apply(layout);
    return r -> ModelInput.of(parser.parse(r));
  }

  private static Format format(String name) {
    Format format = FORMATS.get(name);
    if (format == null) {
      throw new IllegalArgumentException("unknown input format '" + name + "'; allowed: " + String.join(", ", names()));
    }
    return format;
  }
}
