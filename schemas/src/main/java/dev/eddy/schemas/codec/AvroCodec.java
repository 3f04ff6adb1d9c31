package dev.eddy.schemas.codec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecordBase;

/**
 * Encodes and decodes one record type with Avro's single-object encoding: a 2-byte marker, the
 * schema's 8-byte fingerprint, then the binary body. The fingerprint lets a reader reject bytes of
 * another schema with a clear error instead of decoding garbage. Thread-safe.
 *
 * @param <T> the generated record class
 */
public final class AvroCodec<T extends SpecificRecordBase> {
  private final Class<T> type;
  private final BinaryMessageEncoder<T> encoder;
  private final BinaryMessageDecoder<T> decoder;

  private AvroCodec(Class<T> type) {
    this.type = type;
    var schema = SpecificData.get().getSchema(type);
    this.encoder = new BinaryMessageEncoder<>(SpecificData.get(), schema);
    this.decoder = new BinaryMessageDecoder<>(SpecificData.get(), schema);
  }

  /** A codec for the given generated record class. */
  public static <T extends SpecificRecordBase> AvroCodec<T> of(Class<T> type) {
    return new AvroCodec<>(type);
  }

  /** The record class this codec reads and writes. */
  public Class<T> type() {
    return type;
  }

  /** Single-object encoding of {@code record}. */
  public byte[] encode(T record) {
    try {
      ByteBuffer buffer = encoder.encode(record);
      byte[] out = new byte[buffer.remaining()];
      buffer.get(out);
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot encode " + type.getSimpleName(), e);
    }
  }

  /**
   * Decodes single-object-encoded bytes.
   *
   * @throws IOException when the bytes are not a {@code T} (bad marker, unknown fingerprint,
   *     truncated body)
   */
  public T decode(byte[] bytes) throws IOException {
    if (bytes == null) {
      throw new IOException("no value (null record)");
    }
    return decoder.decode(bytes);
  }
}
