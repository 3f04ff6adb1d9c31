package dev.eddy.core.input;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamReadConstraints;

/**
 * The limits every input record (event or label, JSON or Avro) must keep, declared once: a record is
 * read from the network, so a hostile one must not make the decoder allocate without bound nor carry
 * values no output can hold. A record outside a limit is dead-lettered with a reason naming the limit
 * (README, "Hostile input"). Memory per record is then bounded by a small multiple of
 * {@link #MAX_RECORD_BYTES}: the record size is checked before any decoding, JSON is streamed, and
 * Avro collections grow only as their entries are actually read (see {@code StrictSpecificData}).
 */
public final class InputLimits {
  /** Largest record value (bytes, as read from Kafka: after decompression): 1 MiB. */
  public static final int MAX_RECORD_BYTES = 1 << 20;
  /** Longest id, key or class name, in characters: also what a prediction can carry. */
  public static final int MAX_TEXT_CHARS = 1024;
  /** Deepest JSON nesting read (an event needs 2: the object and its features). */
  public static final int MAX_JSON_DEPTH = 16;
  /** How far in the future of the time it is read an event's or label's timestamp may lie: one day. */
  public static final long MAX_FUTURE_MS = 24L * 60 * 60 * 1000;

  private InputLimits() {}

  /**
   * A JSON factory that refuses nesting deeper than {@link #MAX_JSON_DEPTH} and longer texts than a record,
   * and parses numbers with Jackson's fast double parser (FastDoubleParser: the same correctly rounded
   * value as {@code Double.parseDouble}, which took a fifth of the JSON source thread, BENCHMARKS.md).
   */
  static JsonFactory jsonFactory() {
    return JsonFactory.builder()
        .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
        .streamReadConstraints(StreamReadConstraints.builder()
            .maxNestingDepth(MAX_JSON_DEPTH)
            .maxStringLength(MAX_RECORD_BYTES)
            .build())
        .build();
  }

  /** Refuses a value larger than {@link #MAX_RECORD_BYTES} before it is decoded. */
  static void checkSize(byte[] value) throws InvalidEventException {
    if (value != null && value.length > MAX_RECORD_BYTES) {
      throw new InvalidEventException("record of " + value.length + " bytes is larger than the limit of "
          + MAX_RECORD_BYTES + " bytes");
    }
  }

  /** Refuses an id, key or class name ({@code what}) longer than {@link #MAX_TEXT_CHARS}. */
  static void checkText(String what, String text) throws InvalidEventException {
    if (text != null && text.length() > MAX_TEXT_CHARS) {
      throw new InvalidEventException(what + " of " + text.length() + " characters is longer than the limit of "
          + MAX_TEXT_CHARS);
    }
  }

  /** Refuses a negative timestamp and one more than {@link #MAX_FUTURE_MS} after {@code now}. */
  static void checkTimestamp(long timestamp, long now) throws InvalidEventException {
    if (timestamp < 0) {
      throw new InvalidEventException("timestamp " + timestamp + " is negative (epoch milliseconds expected)");
    }
    if (timestamp - now > MAX_FUTURE_MS) {
      throw new InvalidEventException("timestamp " + timestamp + " is more than a day in the future (now "
          + now + ")");
    }
  }
}
