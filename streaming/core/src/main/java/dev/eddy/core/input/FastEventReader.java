package dev.eddy.core.input;

import dev.eddy.schemas.Event;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.apache.avro.SchemaNormalization;

/**
 * Reads an Avro single-object-encoded {@link Event} of today's schema straight from its bytes into
 * the feature vector: each map key is matched as UTF-8 bytes against the spec's feature names (no
 * {@code Utf8}, no {@code String} per key, no map, no resolving decoder). It is the fast path of
 * {@link AvroEventParser}, taken for the records the strict reader accepts, the common case.
 *
 * <p>It never decides that a record is bad: on anything unusual — another schema's fingerprint, a
 * truncated or malformed field, a union branch the schema has not, an unknown, repeated or non-finite
 * feature, bytes after the record — it answers "not read" and the parser decodes the record with the
 * strict {@code AvroCodec} reader, which gives the dead-letter reason. So a record read here gives the
 * very values the strict reader would give. Not thread-safe (one per parser).
 */
final class FastEventReader extends FastReadFields {
  /** Single-object encoding's header: marker 0xC3 0x01, then the writer schema's fingerprint. */
  private static final int HEADER = 10;
  private static final long FINGERPRINT = SchemaNormalization.parsingFingerprint64(Event.getClassSchema());
  private static final byte[] HEADER_BYTES = header();

  private final FeatureNames names;

  private byte[] bytes;
  private int pos;
  private int end;

  FastEventReader(List<String> features) {
    names = new FeatureNames(features);
  }

  /**
   * Reads {@code value} into {@code vector} (every entry NaN on entry); false when the strict reader
   * must read it (then {@code vector} and the fields hold garbage).
   */
  boolean read(byte[] value, double[] vector) {
    if (value == null || value.length < HEADER || !Arrays.equals(value, 0, HEADER, HEADER_BYTES, 0, HEADER)) {
      return false;
    }
    bytes = value;
    pos = HEADER;
    end = value.length;
    try {
      id = string();
      key = optionalString();
      timestamp = varLong();
      if (!features(vector)) {
        return false;
      }
      int branch = union();
      label = branch == 0 ? null : Double.valueOf(fixedDouble());
      labelName = optionalString();
      return pos == end;
    } catch (NotRead e) {
      return false;
    } finally {
      bytes = null;
    }
  }

  private boolean features(double[] vector) {
    long count;
    while ((count = varLong()) != 0) {
      if (count < 0) {
        varLong(); // the block's size in bytes
        count = -count;
      }
      for (long i = 0; i < count; i++) {
        int length = length();
        int p = names.position(bytes, pos, length);
        pos += length;
        double v = fixedDouble();
        if (p < 0 || !Double.isFinite(v) || !Double.isNaN(vector[p])) {
          return false;
        }
        vector[p] = v;
      }
    }
    return true;
  }

  private String optionalString() {
    return union() == 0 ? null : string();
  }

  /** A union ["null", T]'s branch, 0 or 1, in its one-byte form (any other is the strict reader's). */
  private int union() {
    if (pos >= end || (bytes[pos] != 0 && bytes[pos] != 2)) {
      throw NotRead.INSTANCE;
    }
    return bytes[pos++] >> 1;
  }

  private String string() {
    int length = length();
    String s = new String(bytes, pos, length, StandardCharsets.UTF_8);
    pos += length;
    return s;
  }

  /** A string's length, within what is left. */
  private int length() {
    long length = varLong();
    if (length < 0 || length > end - pos) {
      throw NotRead.INSTANCE;
    }
    return (int) length;
  }

  private double fixedDouble() {
    if (end - pos < 8) {
      throw NotRead.INSTANCE;
    }
    long bits = 0;
    for (int i = 7; i >= 0; i--) {
      bits = (bits << 8) | (bytes[pos + i] & 0xFFL);
    }
    pos += 8;
    return Double.longBitsToDouble(bits);
  }

  /** A zig-zag variable-length long, as Avro writes it (at most 10 bytes). */
  private long varLong() {
    long raw = 0;
    for (int shift = 0; shift < 70; shift += 7) {
      if (pos >= end) {
        throw NotRead.INSTANCE;
      }
      int b = bytes[pos++] & 0xFF;
      raw |= (long) (b & 0x7F) << shift;
      if ((b & 0x80) == 0) {
        return (raw >>> 1) ^ -(raw & 1);
      }
    }
    throw NotRead.INSTANCE;
  }

  private static byte[] header() {
    byte[] h = new byte[HEADER];
    h[0] = (byte) 0xC3;
    h[1] = (byte) 0x01;
    for (int i = 0; i < 8; i++) {
      h[2 + i] = (byte) (FINGERPRINT >>> (8 * i));
    }
    return h;
  }
}
