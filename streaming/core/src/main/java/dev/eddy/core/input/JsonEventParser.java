package dev.eddy.core.input;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/**
 * Parses JSON events, one object per record, so that any Kafka client (kcat included) can feed
 * Eddy: {@code {"id": "...", "key": "...", "timestamp": 1700000000000, "features": {"x": 1.5},
 * "label": 1}}. {@code key}, {@code timestamp} (default: the Kafka record's) and {@code label} are
 * optional. Streams tokens (no tree per record).
 */
public final class JsonEventParser implements EventParser {
  private static final long serialVersionUID = 1L;
  private static final JsonFactory JSON = new JsonFactory();
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
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        JsonToken t = p.nextToken();
        switch (field) {
          case "id" -> id = requireText(p, t, "id");
          case "key" -> key = t == JsonToken.VALUE_NULL ? null : requireText(p, t, "key");
          case "timestamp" -> timestamp = requireLong(p, t);
          case "label" -> label = t == JsonToken.VALUE_NULL ? null : requireNumber(p, t, "label");
          case "features" -> x = features(p, t);
          default -> throw new InvalidEventException(
              "unknown field '" + field + "'; allowed: id, key, timestamp, features, label");
        }
      }
      if (x == null) {
        throw new InvalidEventException("missing field 'features'");
      }
      return layout.event(id, key, timestamp, x, label);
    } catch (IOException e) {
      throw new InvalidEventException("malformed JSON: " + (e instanceof com.fasterxml.jackson.core.JsonProcessingException j ? j.getOriginalMessage() : e.getMessage()));
    }
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
