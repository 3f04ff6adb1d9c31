package dev.eddy.core.input;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.List;

/**
 * Parses JSON events, one object per record, so that any Kafka client (kcat included) can feed
 * Eddy: {@code {"id": "...", "key": "...", "timestamp": 1700000000000, "features": {"x": 1.5},
 * "label": 1}}. {@code key}, {@code timestamp} (default: the Kafka record's) and {@code label} are
 * optional. Streams tokens (no tree per record). Strict: a field given twice and anything but
 * whitespace after the object (a second object, stray text) are errors, never ignored or decided by
 * the last value.
 */
public final class JsonEventParser implements EventParser {
  private static final long serialVersionUID = 1L;
  private static final JsonFactory JSON = new JsonFactory();
  private static final List<String> FIELDS = List.of("id", "key", "timestamp", "features", "label");
  private final FeatureLayout layout;

  public JsonEventParser(FeatureLayout layout) {
    this.layout = layout;
  }

  @Override
  public InputEvent parse(byte[] value, long recordTimestamp) throws InvalidEventException {
    if (value == null) {
      throw new InvalidEventException("no value (null record)");
    }
    try (JsonParser p = JSON.createParser(value)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new InvalidEventException("not a JSON object");
      }
      String id = null;
      String key = null;
      long timestamp = recordTimestamp;
      Double label = null;
      double[] x = null;
      int seen = 0; // bit i: FIELDS.get(i) was read
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        JsonToken t = p.nextToken();
        seen = markSeen(seen, field);
        switch (field) {
          case "id" -> id = requireText(p, t, "id");
          case "key" -> key = t == JsonToken.VALUE_NULL ? null : requireText(p, t, "key");
          case "timestamp" -> timestamp = requireLong(p, t);
          case "label" -> label = t == JsonToken.VALUE_NULL ? null : requireNumber(p, t, "label");
          case "features" -> x = features(p, t);
          default -> throw new InvalidEventException(
              "unknown field '" + field + "'; allowed: " + String.join(", ", FIELDS));
        }
      }
      if (x == null) {
        throw new InvalidEventException("missing field 'features'");
      }
      requireEnd(p);
      return layout.event(id, key, timestamp, x, label);
    } catch (IOException e) {
      throw new InvalidEventException("malformed JSON: " + message(e));
    }
  }

  /** Adds {@code field}'s bit to {@code seen}, refusing a field given twice; unknown fields pass. */
  private static int markSeen(int seen, String field) throws InvalidEventException {
    int i = FIELDS.indexOf(field);
    if (i < 0) {
      return seen; // the caller refuses it, naming the allowed fields
    }
    if ((seen & 1 << i) != 0) {
      throw new InvalidEventException("field '" + field + "' given twice");
    }
    return seen | 1 << i;
  }

  /** Nothing but whitespace may follow the event's object. */
  private static void requireEnd(JsonParser p) throws InvalidEventException {
    JsonToken after;
    try {
      after = p.nextToken();
    } catch (IOException e) { // text that is not JSON at all, e.g. {...} garbage
      throw InvalidEventException.trailingData("not JSON: " + message(e));
    }
    if (after != null) {
      throw InvalidEventException.trailingData("a second JSON value starting with " + after.asString());
    }
  }

  private static String message(IOException e) {
    return e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
  }

  private double[] features(JsonParser p, JsonToken t) throws IOException, InvalidEventException {
    if (t != JsonToken.START_OBJECT) {
      throw new InvalidEventException("'features' must be an object of name: number");
    }
    double[] x = layout.newVector();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      layout.set(x, name, requireNumber(p, p.nextToken(), "feature '" + name + "'"));
    }
    return x;
  }

  private static String requireText(JsonParser p, JsonToken t, String what) throws IOException, InvalidEventException {
    if (t != JsonToken.VALUE_STRING) {
      throw new InvalidEventException("'" + what + "' must be a string");
    }
    return p.getText();
  }

  private static long requireLong(JsonParser p, JsonToken t) throws IOException, InvalidEventException {
    if (t != JsonToken.VALUE_NUMBER_INT) {
      throw new InvalidEventException("'timestamp' must be an integer (epoch ms)");
    }
    return p.getLongValue();
  }

  private static double requireNumber(JsonParser p, JsonToken t, String what) throws IOException, InvalidEventException {
    if (t != JsonToken.VALUE_NUMBER_INT && t != JsonToken.VALUE_NUMBER_FLOAT) {
      throw new InvalidEventException(what + " must be a number, got " + (t == null ? "nothing" : p.getText()));
    }
    return p.getDoubleValue();
  }
}
