package dev.eddy.schemas.codec;

import java.io.IOException;

/**
 * Bytes whose record holds a map with the same key twice. Avro's own reader keeps the last value,
 * which would let a malformed record through silently; {@link AvroCodec} refuses it instead.
 */
public final class RepeatedMapKeyException extends IOException {
  private static final long serialVersionUID = 1L;
  private final String key;

  RepeatedMapKeyException(String key) {
    super("map key '" + key + "' given twice");
    this.key = key;
  }

  /** The repeated key. */
  public String key() {
    return key;
  }
}
