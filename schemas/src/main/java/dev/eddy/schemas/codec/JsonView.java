package dev.eddy.schemas.codec;

import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.Schema;

/**
 * Renders any Avro record as one line of plain JSON for humans and shell tools ({@code bin/eddy
 * consume}): field names as in the schema, unions unwrapped (unlike Avro's own JSON encoding, which
 * wraps union values as {@code {"string": ...}}), bytes as base64, NaN/Infinity as strings.
 */
public final class JsonView {
  private JsonView() {}

  /** One-line JSON of {@code record}. */
  public static String toJson(GenericRecord record) {
    StringBuilder out = new StringBuilder(256);
    appendRecord(out, record);
    return out.toString();
  }

  private static void appendRecord(StringBuilder out, GenericRecord record) {
    out.append('{');
    boolean first = true;
    for (Schema.Field field : record.getSchema().getFields()) {
      if (!first) {
        out.append(',');
      }
      first = false;
      appendString(out, field.name());
      out.append(':');
      appendValue(out, record.get(field.pos()));
    }
    out.append('}');
  }

  private static void appendValue(StringBuilder out, Object value) {
    if (value == null) {
      out.append("null");
    } else if (value instanceof GenericRecord r) {
      appendRecord(out, r);
    } else if (value instanceof Double d && !Double.isFinite(d)) {
      appendString(out, d.toString());
    } else if (value instanceof Number || value instanceof Boolean) {
      out.append(value);
    } else if (value instanceof ByteBuffer b) {
      ByteBuffer copy = b.duplicate();
      byte[] bytes = new byte[copy.remaining()];
      copy.get(bytes);
      appendString(out, Base64.getEncoder().encodeToString(bytes));
    } else if (value instanceof Map<?, ?> map) {
      out.append('{');
      Iterator<? extends Map.Entry<?, ?>> it = map.entrySet().iterator();
      while (it.hasNext()) {
        Map.Entry<?, ?> e = it.next();
        appendString(out, String.valueOf(e.getKey()));
        out.append(':');
        appendValue(out, e.getValue());
        if (it.hasNext()) {
          out.append(',');
        }
      }
      out.append('}');
    } else if (value instanceof List<?> list) {
      out.append('[');
      for (int i = 0; i < list.size(); i++) {
        if (i > 0) {
          out.append(',');
        }
        appendValue(out, list.get(i));
      }
      out.append(']');
    } else {
      appendString(out, value.toString()); // strings, enums, fixed
    }
  }

  private static void appendString(StringBuilder out, String s) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}
