package dev.eddy.core.input;

import com.fasterxml.jackson.core.io.NumberInput;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Reads a JSON event of the plain shape straight from its bytes into the feature vector: one object with the
 * fields {@code id}, {@code key}, {@code timestamp}, {@code features} and {@code label} in any order, ASCII
 * strings without escapes, numbers as JSON writes them, feature names matched as bytes ({@link FeatureNames}).
 * It is the fast path of {@link JsonEventParser}: Jackson's tokenizer took a third of the JSON source thread
 * (BENCHMARKS.md, "Job vs transactional passthrough").
 *
 * <p>It never decides that a record is bad: on anything else — an escape or a non-ASCII byte in a string, an
 * unknown or repeated field or feature, a value of another type, a number JSON does not allow or that is not
 * finite, text after the object — it answers "not read" and the strict parser reads the record, giving the
 * same values or the reason. Numbers are parsed as the strict parser parses them (Jackson's fast double
 * parser over the same digits). Not thread-safe (one per parser).
 */
final class FastJsonEventReader extends FastReadFields {
  private static final byte[] ID = ascii("id");
  private static final byte[] KEY = ascii("key");
  private static final byte[] TIMESTAMP = ascii("timestamp");
  private static final byte[] FEATURES = ascii("features");
  private static final byte[] LABEL = ascii("label");
  /** Longer number texts are the strict parser's (Jackson limits a number to 1,000 characters). */
  private static final int MAX_NUMBER = 64;

  private final FeatureNames names;
  private final char[] digits = new char[MAX_NUMBER];
  private byte[] bytes;
  private int pos;

  FastJsonEventReader(List<String> features) {
    names = new FeatureNames(features);
  }

  /**
   * Reads {@code value} into {@code vector} (every entry NaN on entry), the timestamp defaulting to
   * {@code recordTimestamp}; false when the strict parser must read it (then {@code vector} and the fields
   * hold garbage).
   */
  boolean read(byte[] value, long recordTimestamp, double[] vector) {
    bytes = value;
    pos = 0;
    id = null;
    key = null;
    timestamp = recordTimestamp;
    label = null;
    labelName = null;
    try {
      expect('{');
      int seen = 0;
      boolean more = peek() != '}';
      while (more) {
        int nameStart = stringBytes();
        int nameLength = pos - 1 - nameStart;
        expect(':');
        int field = field(nameStart, nameLength);
        if ((seen & field) != 0) {
          return false;
        }
        seen |= field;
        value(field, vector);
        more = separator('}');
      }
      pos++; // the '}'
      skipWhitespace();
      return (seen & 8) != 0 && pos == bytes.length; // features given, nothing after the object
    } catch (NotRead | ArrayIndexOutOfBoundsException e) {
      return false;
    } finally {
      bytes = null;
    }
  }

  /** The bit of the field named by the bytes, or not read for another name. */
  private int field(int from, int length) {
    if (is(ID, from, length)) {
      return 1;
    } else if (is(KEY, from, length)) {
      return 2;
    } else if (is(TIMESTAMP, from, length)) {
      return 4;
    } else if (is(FEATURES, from, length)) {
      return 8;
    } else if (is(LABEL, from, length)) {
      return 16;
    }
    throw NotRead.INSTANCE;
  }

  private void value(int field, double[] vector) {
    byte first = peek();
    switch (field) {
      case 1 -> id = string();
      case 2 -> key = first == 'n' ? nullValue() : string();
      case 4 -> timestamp = integer();
      case 8 -> features(vector);
      default -> {
        if (first == '"') {
          labelName = string();
        } else if (first == 'n') {
          nullValue();
        } else {
          label = number();
        }
      }
    }
  }

  private void features(double[] vector) {
    expect('{');
    boolean more = peek() != '}';
    while (more) {
      int nameStart = stringBytes();
      int p = names.position(bytes, nameStart, pos - 1 - nameStart);
      expect(':');
      double v = number();
      if (p < 0 || !Double.isNaN(vector[p])) {
        throw NotRead.INSTANCE; // unknown or repeated: the strict parser names it
      }
      vector[p] = v;
      more = separator('}');
    }
    pos++;
  }

  /** After a member: true at a ',' (another follows), false at {@code close} (left unread). */
  private boolean separator(char close) {
    byte b = peek();
    if (b == ',') {
      pos++;
      return true;
    }
    if (b == close) {
      return false;
    }
    throw NotRead.INSTANCE;
  }

  private String string() {
    int from = stringBytes();
    return new String(bytes, from, pos - 1 - from, StandardCharsets.ISO_8859_1);
  }

  /** Reads a string of printable ASCII without escapes; returns where its text starts (it ends before pos - 1). */
  private int stringBytes() {
    expect('"');
    int from = pos;
    byte b;
    while ((b = bytes[pos++]) != '"') {
      if (b < 0x20 || b == '\\' || b == 0x7F) { // (non-ASCII bytes are negative)
        throw NotRead.INSTANCE;
      }
    }
    return from;
  }

  private String nullValue() {
    if (bytes[pos] != 'n' || bytes[pos + 1] != 'u' || bytes[pos + 2] != 'l' || bytes[pos + 3] != 'l') {
      throw NotRead.INSTANCE;
    }
    pos += 4;
    return null;
  }

  /** A JSON integer of at most 18 digits (more is the strict parser's). */
  private long integer() {
    skipWhitespace();
    boolean negative = bytes[pos] == '-';
    int from = negative ? ++pos : pos;
    long v = 0;
    while (pos < bytes.length && bytes[pos] >= '0' && bytes[pos] <= '9') {
      v = 10 * v + (bytes[pos++] - '0');
    }
    int length = pos - from;
    if (length == 0 || length > 18 || (bytes[from] == '0' && length > 1) || endsNumber()) {
      throw NotRead.INSTANCE;
    }
    return negative ? -v : v;
  }

  /** A finite JSON number: -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?, parsed as the strict parser does. */
  private double number() {
    skipWhitespace();
    int from = pos;
    if (bytes[pos] == '-') {
      pos++;
    }
    int intStart = pos;
    int intDigits = digitRun();
    if (intDigits == 0 || (bytes[intStart] == '0' && intDigits > 1)) {
      throw NotRead.INSTANCE;
    }
    if (pos < bytes.length && bytes[pos] == '.') {
      pos++;
      if (digitRun() == 0) {
        throw NotRead.INSTANCE;
      }
    }
    if (pos < bytes.length && (bytes[pos] == 'e' || bytes[pos] == 'E')) {
      pos++;
      if (bytes[pos] == '+' || bytes[pos] == '-') {
        pos++;
      }
      if (digitRun() == 0) {
        throw NotRead.INSTANCE;
      }
    }
    int length = pos - from;
    if (length > MAX_NUMBER || endsNumber()) {
      throw NotRead.INSTANCE;
    }
    for (int i = 0; i < length; i++) {
      digits[i] = (char) bytes[from + i];
    }
    double v = NumberInput.parseDouble(digits, 0, length, true);
    if (!Double.isFinite(v)) {
      throw NotRead.INSTANCE;
    }
    return v;
  }

  private int digitRun() {
    int from = pos;
    while (pos < bytes.length && bytes[pos] >= '0' && bytes[pos] <= '9') {
      pos++;
    }
    return pos - from;
  }

  /** Whether the byte after a number could continue a token (a letter, a dot...): then it is not ours to read. */
  private boolean endsNumber() {
    if (pos >= bytes.length) {
      return false;
    }
    byte b = bytes[pos];
    return !(b == ',' || b == '}' || b == ' ' || b == '\t' || b == '\n' || b == '\r');
  }

  private void expect(char c) {
    skipWhitespace();
    if (bytes[pos] != c) {
      throw NotRead.INSTANCE;
    }
    pos++;
  }

  private byte peek() {
    skipWhitespace();
    return bytes[pos];
  }

  private void skipWhitespace() {
    byte b;
    while (pos < bytes.length && ((b = bytes[pos]) == ' ' || b == '\t' || b == '\n' || b == '\r')) {
      pos++;
    }
  }

  private boolean is(byte[] name, int from, int length) {
    return java.util.Arrays.equals(name, 0, name.length, bytes, from, from + length);
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }
}
