package dev.eddy.drift.state;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInput;
import java.io.DataInputStream;
import java.io.DataOutput;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The frame shared by every persisted format of this module: a 4-byte magic number naming the
 * format, a 2-byte format version, then the body. Decoding checks the magic, accepts only the
 * versions this build knows, and rejects truncated or over-long input, each with an error that
 * names the format. No Java serialization anywhere.
 *
 * <p>The helpers write primitive arrays and string maps with a length prefix, in the big-endian
 * layout of {@link DataOutput}.
 */
public final class VersionedEncoding {
  private static final int MAX_LENGTH = 1 << 24; // bounds allocations when decoding corrupt input

  private VersionedEncoding() {}

  /** Writes a body to a {@link DataOutput}. */
  @FunctionalInterface
  public interface BodyWriter {
    /** Writes the body. */
    void write(DataOutput out) throws IOException;
  }

  /** Reads a body of a known format version. */
  @FunctionalInterface
  public interface BodyReader<T> {
    /** Reads the body written under {@code version}. */
    T read(DataInput in, int version) throws IOException;
  }

  /** Frames {@code body} with {@code magic} and {@code version}. */
  public static byte[] encode(int magic, int version, BodyWriter body) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeInt(magic);
      out.writeShort(version);
      body.write(out);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write to memory", e);
    }
    return bytes.toByteArray();
  }

  /**
   * Reads a frame written by {@link #encode}: {@code what} names the format in errors (e.g. "drift
   * detector snapshot"); versions 1 to {@code maxVersion} are accepted.
   */
  public static <T> T decode(byte[] bytes, int magic, String what, int maxVersion, BodyReader<T> body) {
    if (bytes == null || bytes.length < 6) {
      throw new IllegalArgumentException(
          "not a " + what + ": " + (bytes == null ? "null" : bytes.length + " bytes"));
    }
    ByteArrayInputStream source = new ByteArrayInputStream(bytes);
    DataInputStream in = new DataInputStream(source);
    try {
      int m = in.readInt();
      if (m != magic) {
        throw new IllegalArgumentException(
            String.format("not a %s: magic 0x%08x, expected 0x%08x", what, m, magic));
      }
      int version = in.readUnsignedShort();
      if (version < 1 || version > maxVersion) {
        throw new IllegalArgumentException(
            "unsupported " + what + " version " + version + "; this build reads versions 1 to " + maxVersion);
      }
      T result = body.read(in, version);
      if (source.available() > 0) {
        throw new IllegalArgumentException(what + " has " + source.available() + " trailing bytes");
      }
      return result;
    } catch (EOFException e) {
      throw new IllegalArgumentException("truncated " + what + " (" + bytes.length + " bytes)", e);
    } catch (IOException e) {
      throw new IllegalArgumentException("corrupt " + what + ": " + e.getMessage(), e);
    }
  }

  /** Reads a length written by one of the writers below, rejecting negative or absurd values. */
  public static int readLength(DataInput in) throws IOException {
    int n = in.readInt();
    if (n < 0 || n > MAX_LENGTH) {
      throw new IOException("bad length " + n);
    }
    return n;
  }

  /** Writes the count, then each name and value. */
  public static void writeStringMap(DataOutput out, Map<String, String> map) throws IOException {
    out.writeInt(map.size());
    for (Map.Entry<String, String> e : map.entrySet()) {
      out.writeUTF(e.getKey());
      out.writeUTF(e.getValue());
    }
  }

  /** Reads a map written by {@link #writeStringMap}, keeping its order. */
  public static Map<String, String> readStringMap(DataInput in) throws IOException {
    int n = readLength(in);
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      map.put(in.readUTF(), in.readUTF());
    }
    return map;
  }

  /** Writes {@code length} then {@code values[0..length)}. */
  public static void writeDoubles(DataOutput out, double[] values, int length) throws IOException {
    out.writeInt(length);
    for (int i = 0; i < length; i++) {
      out.writeDouble(values[i]);
    }
  }

  /** Reads an array written by {@link #writeDoubles}. */
  public static double[] readDoubles(DataInput in) throws IOException {
    double[] values = new double[readLength(in)];
    for (int i = 0; i < values.length; i++) {
      values[i] = in.readDouble();
    }
    return values;
  }

  /** Writes {@code length} then {@code values[0..length)}. */
  public static void writeInts(DataOutput out, int[] values, int length) throws IOException {
    out.writeInt(length);
    for (int i = 0; i < length; i++) {
      out.writeInt(values[i]);
    }
  }

  /** Reads an array written by {@link #writeInts}. */
  public static int[] readInts(DataInput in) throws IOException {
    int[] values = new int[readLength(in)];
    for (int i = 0; i < values.length; i++) {
      values[i] = in.readInt();
    }
    return values;
  }

  /** Writes a length-prefixed byte array (e.g. a nested snapshot). */
  public static void writeBytes(DataOutput out, byte[] bytes) throws IOException {
    out.writeInt(bytes.length);
    out.write(bytes);
  }

  /** Reads an array written by {@link #writeBytes}. */
  public static byte[] readBytes(DataInput in) throws IOException {
    byte[] bytes = new byte[readLength(in)];
    in.readFully(bytes);
    return bytes;
  }
}
