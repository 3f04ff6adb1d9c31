package dev.eddy.schemas.codec;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.Decoder;
import org.apache.avro.util.Utf8;

/**
 * A binary decoder over a byte array that refuses a string or bytes whose claimed length exceeds
 * what is left of the array, before allocating it. Avro's own decoder allocates the claimed length
 * first and fails on the missing bytes after, so a hostile record of a few bytes could make it
 * allocate up to 2 GiB. Everything else is Avro's {@link BinaryDecoder}: strings and bytes are
 * encoded as a long length and that many bytes, which is what this class reads.
 */
final class BoundedDecoder extends Decoder {
  private final BinaryDecoder in;
  /** A view of {@link #in}'s position: {@code available()} = bytes left. */
  private final InputStream left;

  BoundedDecoder(BinaryDecoder in) {
    this.in = in;
    this.left = in.inputStream();
  }

  /** The claimed length of a string or bytes, checked against what is left. */
  private int length(String what) throws IOException {
    long length = in.readLong();
    if (length < 0) {
      throw new IOException("malformed " + what + ": negative length " + length);
    }
    int available = left.available();
    if (length > available) {
      throw new EOFException("truncated " + what + ": " + length + " bytes claimed, " + available + " left");
    }
    return (int) length;
  }

  @Override
  public Utf8 readString(Utf8 old) throws IOException {
    int length = length("string");
    Utf8 out = old != null ? old : new Utf8();
    out.setByteLength(length);
    in.readFixed(out.getBytes(), 0, length);
    return out;
  }

  @Override
  public String readString() throws IOException {
    return readString(null).toString();
  }

  @Override
  public ByteBuffer readBytes(ByteBuffer old) throws IOException {
    int length = length("bytes");
    ByteBuffer out = old != null && old.capacity() >= length ? old.clear() : ByteBuffer.allocate(length);
    in.readFixed(out.array(), out.arrayOffset(), length);
    out.limit(length);
    return out;
  }

  @Override
  public void readNull() throws IOException {
    in.readNull();
  }

  @Override
  public boolean readBoolean() throws IOException {
    return in.readBoolean();
  }

  @Override
  public int readInt() throws IOException {
    return in.readInt();
  }

  @Override
  public long readLong() throws IOException {
    return in.readLong();
  }

  @Override
  public float readFloat() throws IOException {
    return in.readFloat();
  }

  @Override
  public double readDouble() throws IOException {
    return in.readDouble();
  }

  @Override
  public void skipString() throws IOException {
    in.skipString();
  }

  @Override
  public void skipBytes() throws IOException {
    in.skipBytes();
  }

  @Override
  public void readFixed(byte[] bytes, int start, int length) throws IOException {
    in.readFixed(bytes, start, length);
  }

  @Override
  public void skipFixed(int length) throws IOException {
    in.skipFixed(length);
  }

  @Override
  public int readEnum() throws IOException {
    return in.readEnum();
  }

  @Override
  public long readArrayStart() throws IOException {
    return in.readArrayStart();
  }

  @Override
  public long arrayNext() throws IOException {
    return in.arrayNext();
  }

  @Override
  public long skipArray() throws IOException {
    return in.skipArray();
  }

  @Override
  public long readMapStart() throws IOException {
    return in.readMapStart();
  }

  @Override
  public long mapNext() throws IOException {
    return in.mapNext();
  }

  @Override
  public long skipMap() throws IOException {
    return in.skipMap();
  }

  @Override
  public int readIndex() throws IOException {
    return in.readIndex();
  }
}
