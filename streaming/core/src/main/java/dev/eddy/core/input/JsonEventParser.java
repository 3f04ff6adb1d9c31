package dev.eddy.core.input;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.List;

/**
 * Parses JSON events, one object per record, so that any Kafka client (kcat included) can feed
 * Eddy: {@code {"id": "...", "key": "...", "timestamp": 1700000000000, "features": {"x": 1.5},
 * "label": 1}}. {@code label} is a number, or a string naming a class (multiclass: {@code "label":
 * "setosa"}). {@code key}, {@code timestamp} (default: the Kafka record's) and {@code label} are
 * optional. Streams tokens (no tree per record). Strict: a field given twice and anything but
 * whitespace after the object (a second object, stray text) are errors, never ignored or decided by
 * the last value. An event of the plain shape (ASCII strings without escapes, the known fields and
 * features once each) is read by {@link FastJsonEventReader} straight into the feature vector, with the
 * values this parser would give; every other record is read here.
 */
public final class JsonEventParser implements EventParser {
  private static final long serialVersionUID = 1L;
  private static final JsonFactory JSON = InputLimits.jsonFactory();
  private static final List<String> FIELDS = List.of("id", "key", "timestamp", "features", "label");
  private final FeatureLayout layout;
  private transient FastJsonEventReader fast;

  public JsonEventParser(FeatureLayout layout) {
    this.layout = layout;
  }

  @Override
  public InputEvent parse(byte[] value, long recordTimestamp) throws InvalidEventException {
    if (value == null) {
      throw new InvalidEventException("no value (null record)");
    }
    InputLimits.checkSize(value);
    if (fast == null) {
      fast = new FastJsonEventReader(layout.names());
    }
    double[] vector = layout.newVector();
    if (fast.read(value, recordTimestamp, vector)) {
      return fast.event(layout, vector);
    }
    return parseStrictly(value, recordTimestamp);
  }

  /** The strict parser alone (Jackson's tokens): what a record the fast path leaves gets, and its reason. */
  InputEvent parseStrictly(byte[] value, long recordTimestamp) throws InvalidEventException {
    try (JsonParser p = JSON.createParser(value)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new InvalidEventException("not a JSON object");
      }
      String id = null;
      String key = null;
      long timestamp = recordTimestamp;
      Double label = null;
      String labelName = null;
      double[] x = null;
      int seen = 0; // bit i: FIELDS.get(i) was read
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        JsonToken t = p.nextToken();
        seen = JsonReading.markSeen(FIELDS, seen, field);
        switch (field) {
          case "id" -> id = JsonReading.requireText(p, t, "id");
          case "key" -> key = t == JsonToken.VALUE_NULL ? null : JsonReading.requireText(p, t, "key");
          case "timestamp" -> timestamp = JsonReading.requireLong(p, t);
          case "label" -> {
            if (t == JsonToken.VALUE_STRING) {
              labelName = p.getText();
            } else if (t != JsonToken.VALUE_NULL) {
              label = JsonReading.requireNumber(p, t, JsonReading.LABEL);
            }
          }
          case "features" -> x = features(p, t);
          default -> throw new InvalidEventException(
              "unknown field '" + field + "'; allowed: " + String.join(", ", FIELDS));
        }
      }
      if (x == null) {
        throw new InvalidEventException("missing field 'features'");
      }
      JsonReading.requireEnd(p, "event");
      return layout.event(id, key, timestamp, x, label, labelName);
    } catch (IOException e) {
      throw new InvalidEventException("malformed JSON: " + JsonReading.message(e));
    }
  }

  private double[] features(JsonParser p, JsonToken t) throws IOException, InvalidEventException {
    if (t != JsonToken.START_OBJECT) {
      throw new InvalidEventException("'features' must be an object of name: number");
    }
    double[] x = layout.newVector();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      layout.set(x, name, JsonReading.requireNumber(p, p.nextToken(), "feature '" + name + "'"));
    }
    return x;
  }
}
