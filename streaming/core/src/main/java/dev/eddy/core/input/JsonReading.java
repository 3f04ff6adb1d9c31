package dev.eddy.core.input;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.List;

/**
 * The strict reading of a JSON record shared by the event and label parsers: typed fields, no field
 * twice, nothing after the object; each failure an {@link InvalidEventException} with the reason.
 */
final class JsonReading {
  /** What a label field must be. */
  static final String LABEL = "'label' (a number or a class name)";

  private JsonReading() {}

  /** Adds {@code field}'s bit to {@code seen}, refusing a field given twice; unknown fields pass. */
  static int markSeen(List<String> fields, int seen, String field) throws InvalidEventException {
    int i = fields.indexOf(field);
    if (i < 0) {
      return seen; // the caller refuses it, naming the allowed fields
    }
    if ((seen & 1 << i) != 0) {
      throw new InvalidEventException("field '" + field + "' given twice");
    }
    return seen | 1 << i;
  }

  /** Nothing but whitespace may follow the object of an event or label ({@code what}). */
  static void requireEnd(JsonParser p, String what) throws InvalidEventException {
    JsonToken after;
    try {
      after = p.nextToken();
    } catch (IOException e) { // text that is not JSON at all, e.g. {...} garbage
      throw InvalidEventException.trailingData(what, "not JSON: " + message(e));
    }
    if (after != null) {
      throw InvalidEventException.trailingData(what, "a second JSON value starting with " + after.asString());
    }
  }

  static String message(IOException e) {
    return e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
  }

  static String requireText(JsonParser p, JsonToken t, String what) throws IOException, InvalidEventException {
    if (t != JsonToken.VALUE_STRING) {
      throw new InvalidEventException("'" + what + "' must be a string");
    }
    return p.getText();
  }

  static long requireLong(JsonParser p, JsonToken t) throws IOException, InvalidEventException {
    if (t != JsonToken.VALUE_NUMBER_INT) {
      throw new InvalidEventException("'timestamp' must be an integer (epoch ms)");
    }
    return p.getLongValue();
  }

  static double requireNumber(JsonParser p, JsonToken t, String what) throws IOException, InvalidEventException {
    if (t != JsonToken.VALUE_NUMBER_INT && t != JsonToken.VALUE_NUMBER_FLOAT) {
      throw new InvalidEventException(what + " must be a number, got " + (t == null ? "nothing" : p.getText()));
    }
    return p.getDoubleValue();
  }
}
