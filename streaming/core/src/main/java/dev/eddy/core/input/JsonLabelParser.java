package dev.eddy.core.input;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.List;

/**
 * Parses labels as JSON: {@code {"id": "e-1", "key": "tenant-a", "label": 1, "timestamp": 1700000000000}}
 * ({@code key} and {@code timestamp} optional; {@code label} a number or a class name such as {@code
 * "setosa"}), as strictly as events: no unknown field, no field twice, nothing after the object.
 */
public final class JsonLabelParser implements RecordParser<InputLabel> {
  private static final long serialVersionUID = 1L;
  private static final JsonFactory JSON = InputLimits.jsonFactory();
  private static final List<String> FIELDS = List.of("id", "key", "timestamp", "label");
  private final FeatureLayout layout;

  public JsonLabelParser(FeatureLayout layout) {
    this.layout = layout;
  }

  @Override
  public InputLabel parse(RawRecord r) throws InvalidEventException {
    if (r.value == null) {
      throw new InvalidEventException("no value (null record)");
    }
    InputLimits.checkSize(r.value);
    try (JsonParser p = JSON.createParser(r.value)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new InvalidEventException("not a JSON object");
      }
      String id = null;
      String key = null;
      long timestamp = r.timestamp;
      Double label = null;
      String labelName = null;
      int seen = 0;
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
            } else {
              label = JsonReading.requireNumber(p, t, JsonReading.LABEL);
            }
          }
          default -> throw new InvalidEventException("unknown field '" + field + "'; allowed: " + String.join(", ", FIELDS));
        }
      }
      if (label == null && labelName == null) {
        throw new InvalidEventException("missing field 'label'");
      }
      JsonReading.requireEnd(p, "label");
      return layout.label(id, key, timestamp, label, labelName, r);
    } catch (IOException e) {
      throw new InvalidEventException("malformed JSON: " + JsonReading.message(e));
    }
  }
}
