package dev.eddy.schemas.codec;

import java.io.IOException;

/**
 * Bytes that go on after the record's end: a second record, or garbage appended to a good one.
 * Avro's own decoder stops at the record's end and ignores the rest; {@link AvroCodec} refuses it.
 */
public final class TrailingBytesException extends IOException {
  private static final long serialVersionUID = 1L;
  private final int count;

  TrailingBytesException(int count, String recordType) {
    super(count + " trailing byte(s) after the " + recordType + " record");
    this.count = count;
  }

  /** How many bytes follow the record. */
  public int count() {
    return count;
  }
}
