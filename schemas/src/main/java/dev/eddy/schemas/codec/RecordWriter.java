package dev.eddy.schemas.codec;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecordBase;

/**
 * Writes records of one schema in Avro's single-object encoding with the generated classes' own
 * encoders (Avro's "custom coders": {@code customEncode}, straight field writes in schema order, no
 * per-field lookup or union resolution by reflection), into one reused buffer and encoder. The bytes
 * are those of Avro's generic writer (a test checks it). Used for writing only: reading stays with the
 * strict reader. Not thread-safe ({@link AvroCodec} keeps one per thread).
 *
 * @param <T> the generated record class
 */
final class RecordWriter<T extends SpecificRecordBase> {
  private final SpecificDatumWriter<T> writer;
  private final byte[] header = new byte[10];
  private final Buffer buffer = new Buffer();
  private BinaryEncoder encoder;

  RecordWriter(Schema schema) {
    SpecificData data = new SpecificData(RecordWriter.class.getClassLoader());
    data.setCustomCoders(true);
    this.writer = new SpecificDatumWriter<>(schema, data);
    long fingerprint = SchemaNormalization.parsingFingerprint64(schema);
    header[0] = (byte) 0xC3;
    header[1] = (byte) 0x01;
    for (int i = 0; i < 8; i++) {
      header[2 + i] = (byte) (fingerprint >>> (8 * i));
    }
  }

  /** The single-object encoding of {@code record}: the header, then the body. */
  byte[] write(T record) throws IOException {
    // (re)configuring the encoder flushes what a failed write left in it: reset the buffer after
    encoder = EncoderFactory.get().binaryEncoder(buffer, encoder);
    buffer.reset();
    buffer.write(header, 0, header.length);
    writer.write(record, encoder);
    encoder.flush();
    return buffer.toByteArray();
  }

  /** A byte array stream whose writes skip {@link ByteArrayOutputStream}'s locking. */
  private static final class Buffer extends ByteArrayOutputStream {
    Buffer() {
      super(256);
    }

    @Override
    public void write(byte[] b, int off, int len) {
      ensure(len);
      System.arraycopy(b, off, buf, count, len);
      count += len;
    }

    @Override
    public void write(int b) {
      ensure(1);
      buf[count++] = (byte) b;
    }

    private void ensure(int more) {
      if (count + more > buf.length) {
        buf = java.util.Arrays.copyOf(buf, Math.max(buf.length * 2, count + more));
      }
    }
  }
}
