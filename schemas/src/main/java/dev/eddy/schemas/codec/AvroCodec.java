package dev.eddy.schemas.codec;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.message.BadHeaderException;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.message.MissingSchemaException;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecordBase;

/**
 * Encodes and decodes one record type with Avro's single-object encoding: a 2-byte marker, the
 * schema's 8-byte fingerprint, then the binary body. The fingerprint lets a reader reject bytes of
 * another schema with a clear error instead of decoding garbage. Decoding is strict where Avro's own
 * decoder is lenient: bytes after the record's end and a map key given twice are errors, not
 * ignored (the last value would win). Thread-safe.
 *
 * <p>Schema evolution: every earlier version of a record's schema that was released is kept as the
 * resource {@code dev/eddy/schemas/history/<Record>.v<N>.avsc} (N = 1, 2, ...), and the decoder
 * knows them all, so records written with an old schema (an old fingerprint) are read through Avro's
 * schema resolution into the current class: new fields take their defaults. Changes must therefore
 * stay resolvable from every kept version (add fields with defaults, widen a field into a union).
 * Encoding always uses the current schema.
 *
 * <p>A producer that was upgraded before the job writes with a <em>newer</em> schema, whose fingerprint no
 * kept version has: such a writer schema is given to {@link #of(Class, List)} (the job's
 * {@code input.writer-schemas}) and read the same way, once Avro's compatibility check says today's
 * class can read it ({@link #checkReadable}).
 *
 * @param <T> the generated record class
 */
public final class AvroCodec<T extends SpecificRecordBase> {
  private final Class<T> type;
  private final BinaryMessageEncoder<T> encoder;
  /** The fast writer of {@link #encode}: the generated class's own encoder, into a reused buffer per thread. */
  private final ThreadLocal<RecordWriter<T>> writers;
  /** The strict reader of each schema version this codec reads, by the version's fingerprint. */
  private final Map<Long, DatumReader<T>> readers = new HashMap<>();

  @SuppressWarnings("unchecked")
  private AvroCodec(Class<T> type, List<Schema> newer) {
    this.type = type;
    var schema = SpecificData.get().getSchema(type);
    this.encoder = new BinaryMessageEncoder<>(SpecificData.get(), schema);
    this.writers = ThreadLocal.withInitial(() -> new RecordWriter<>(schema));
    List<Schema> versions = new ArrayList<>(history(type));
    versions.add(schema);
    for (Schema writer : newer) {
      checkReadable(type, writer);
      versions.add(writer);
    }
    for (Schema writer : versions) {
      readers.put(SchemaNormalization.parsingFingerprint64(writer),
          (DatumReader<T>) StrictSpecificData.INSTANCE.createDatumReader(writer, schema));
    }
  }

  /** The released earlier schemas of {@code type}, oldest first (see the class comment). */
  static List<Schema> history(Class<?> type) {
    List<Schema> schemas = new ArrayList<>();
    for (int version = 1; ; version++) {
      String name = "/dev/eddy/schemas/history/" + type.getSimpleName() + ".v" + version + ".avsc";
      try (InputStream in = AvroCodec.class.getResourceAsStream(name)) {
        if (in == null) {
          return schemas;
        }
        schemas.add(new Schema.Parser().parse(in));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the schema " + name, e);
      }
    }
  }

  /** A codec for the given generated record class. */
  public static <T extends SpecificRecordBase> AvroCodec<T> of(Class<T> type) {
    return new AvroCodec<>(type, List.of());
  }

  /**
   * A codec that also reads records written with the {@code newer} schemas of {@code type}.
   *
   * @throws IllegalArgumentException when one of them is not a schema of {@code type} today's class can read
   */
  public static <T extends SpecificRecordBase> AvroCodec<T> of(Class<T> type, List<Schema> newer) {
    return new AvroCodec<>(type, newer);
  }

  /**
   * Checks that records written with {@code writer} can be read as today's {@code type}: the same record
   * name, and compatible by Avro's schema resolution (a new field is ignored, a removed one needs a default).
   *
   * @throws IllegalArgumentException saying why not
   */
  public static void checkReadable(Class<?> type, Schema writer) {
    Schema reader = SpecificData.get().getSchema(type);
    if (!reader.getFullName().equals(writer.getFullName())) {
      throw new IllegalArgumentException("a schema of " + writer.getFullName() + ", not of " + reader.getFullName());
    }
    SchemaCompatibility.SchemaPairCompatibility c = SchemaCompatibility.checkReaderWriterCompatibility(reader, writer);
    if (c.getType() != SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE) {
      throw new IllegalArgumentException("today's " + reader.getName() + " cannot read what it writes: "
          + c.getResult().getIncompatibilities().stream()
              .map(i -> i.getType() + " at " + i.getLocation() + " (" + i.getMessage() + ")").toList());
    }
  }

  /** The record class this codec reads and writes. */
  public Class<T> type() {
    return type;
  }

  /**
   * Single-object encoding of {@code record}, by the generated class's own encoder ({@link RecordWriter}:
   * the same bytes as Avro's generic writer, several times faster). A record it cannot encode is
   * encoded again by Avro's generic writer, so the error is Avro's usual one (naming the field).
   */
  public byte[] encode(T record) {
    try {
      return writers.get().write(record);
    } catch (IOException | RuntimeException e) {
      return encodeGeneric(record);
    }
  }

  /** Single-object encoding of {@code record} by Avro's generic writer (reflective field access): the reference. */
  byte[] encodeGeneric(T record) {
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
   *     truncated body); {@link TrailingBytesException} when bytes follow the record's end; {@link
   *     RepeatedMapKeyException} when a map of the record gives a key twice
   */
  /** Single-object encoding's header: the marker 0xC3 0x01 and the writer schema's 8-byte fingerprint. */
  private static final int HEADER = 10;
  private static final byte MARKER_0 = (byte) 0xC3;
  private static final byte MARKER_1 = (byte) 0x01;

  public T decode(byte[] bytes) throws IOException {
    if (bytes == null) {
      throw new IOException("no value (null record)");
    }
    if (bytes.length < HEADER || bytes[0] != MARKER_0 || bytes[1] != MARKER_1) {
      throw new BadHeaderException("not single-object encoded: no 0xC301 marker and fingerprint in " + bytes.length + " bytes");
    }
    long fingerprint = ByteBuffer.wrap(bytes, 2, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
    DatumReader<T> reader = readers.get(fingerprint);
    if (reader == null) {
      throw new MissingSchemaException("no schema of " + type.getSimpleName() + " has the fingerprint " + Long.toHexString(fingerprint));
    }
    // an array-backed decoder (fast) over the body; isEnd() then tells whether bytes follow the record
    BinaryDecoder in = DecoderFactory.get().binaryDecoder(bytes, HEADER, bytes.length - HEADER, null);
    T record;
    try {
      record = reader.read(null, new BoundedDecoder(in));
    } catch (UncheckedIOException e) {
      throw e.getCause(); // from StrictSpecificData's reader
    } catch (RuntimeException e) {
      throw new IOException("corrupt " + type.getSimpleName() + ": " + e, e);
    }
    if (!in.isEnd()) {
      throw new TrailingBytesException(in.inputStream().available(), type.getSimpleName());
    }
    return record;
  }
}
