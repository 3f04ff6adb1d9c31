package dev.eddy.core.input;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/** Parses labels as JSON: {@code {"id": "e-1", "key": "tenant-a", "label": 1, "timestamp": 1700000000000}}. */
public final class JsonLabelParser implements RecordParser<InputLabel> {
  private static final long serialVersionUID = 1L;
  private static final JsonFactory JSON = new JsonFactory();
  private final FeatureLayout layout;

  public JsonLabelParser(FeatureLayout layout) {
    this.layout = layout;
  }

  @Override
  public InputLabel parse(RawRecord r) throws InvalidEventException {
    if (r.value == null) {
      throw new InvalidEventException("no value (null record)");
    }
    try (JsonParser p = JSON.createParser(r.value)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new InvalidEventException("not a JSON object");
      }
      String id = null;
      String key = null;
      long timestamp = r.timestamp;
      Double label = null;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        JsonToken t = p.nextToken();
        switch (field) {
          case "id" -> id = t == JsonToken.VALUE_STRING ? p.getText() : fail("'id' must be a string");
          case "key" -> key = t == JsonToken.VALUE_NULL ? null
              : t == JsonToken.VALUE_STRING ? p.getText() : fail("'key' must be a string");
          case "timestamp" -> timestamp = t == JsonToken.VALUE_NUMBER_INT ? p.getLongValue()
              : fail("'timestamp' must be an integer (epoch ms)");
          case "label" -> label = t.isNumeric() ? p.getDoubleValue() : fail("'label' must be a number");
          default -> throw new InvalidEventException("unknown field '" + field + "'; allowed: id, key, timestamp, label");
        }
      }
      if (p.nextToken() != null) {
        throw new InvalidEventException("trailing data after the JSON object");
      }
      if (label == null) {
        throw new InvalidEventException("missing field 'label'");
      }
      return layout.label(id, key, timestamp, label, r);
    } catch (JsonProcessingException e) {
      throw new InvalidEventException("malformed JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new InvalidEventException("malformed JSON: " + e.getMessage());
    }
  }

  private static <T> T fail(String reason) throws InvalidEventException {
    throw new InvalidEventException(reason);
  }
}
