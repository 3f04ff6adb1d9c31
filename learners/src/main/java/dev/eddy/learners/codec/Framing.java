package dev.eddy.learners.codec;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.EOFException;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one binary framing of every persisted Eddy format (learners, detectors, retraining policies,
 * standardizer, metrics, model state): a 4-byte magic number naming the format, a 2-byte format
 * version, then the body, all in the big-endian layout of {@link DataOutput}. Decoding checks the
 * magic, accepts only versions 1 to the latest this build knows ("unknown format 9 of learner
 * snapshot; this Eddy reads 1..1"), and turns truncated, trailing or corrupt input into an {@link
 * IllegalArgumentException} naming the format. Java serialization is never used.
 *
 * <p>Body helpers: length-prefixed arrays and string maps, nested blobs (another format's bytes,
 * optionally absent: length -1), and "compact" double arrays written densely or as index/value
 * pairs, whichever is smaller, so that a hashed model of 2^20 mostly-zero weights stays small. Every
 * length read is bounded before anything is allocated, so corrupt input cannot exhaust memory.
 */
public final class Framing {
  /** Largest length a length prefix may announce (bounds allocations on corrupt input). */
  public static final int MAX_LENGTH = 1 << 28;

  private static final byte DENSE = 0;
  private static final byte SPARSE = 1;

  private Framing() {}

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
    return BytesOut.frame(magic, version, body);
  }

  /**
   * Reads a frame written by {@link #encode}, requiring that the body consumes every byte.
   *
   * @param what names the format in errors, e.g. "drift detector snapshot"
   * @param latest the highest version this build reads; 1..latest are accepted
   */
  public static <T> T decode(byte[] bytes, int magic, String what, int latest, BodyReader<T> body) {
    if (bytes == null) {
      throw new IllegalArgumentException("not a " + what + ": null");
    }
    BytesIn in = new BytesIn(bytes);
    try {
      int version = readHeader(in, magic, latest, what);
      T result = body.read(in, version);
      if (in.remaining() > 0) {
        throw new IllegalArgumentException(what + " has " + in.remaining() + " trailing bytes");
      }
      return result;
    } catch (EOFException e) {
      throw new IllegalArgumentException("truncated " + what + " (" + bytes.length + " bytes)", e);
    } catch (IOException e) {
      throw new IllegalArgumentException("corrupt " + what + ": " + e.getMessage(), e);
    }
  }

  /** Writes the magic number and the format version (the frame's header). */
  public static void writeHeader(DataOutput out, int magic, int version) throws IOException {
    out.writeInt(magic);
    out.writeShort(version);
  }

  /** Reads and checks a header written by {@link #writeHeader}; returns the version. */
  public static int readHeader(DataInput in, int magic, int latest, String what)
      throws IOException {
    int found = in.readInt();
    if (found != magic) {
      throw new IllegalArgumentException(
          String.format("not a %s: bad magic 0x%08X, expected 0x%08X", what, found, magic));
    }
    return checkVersion(in.readUnsignedShort(), latest, what);
  }

  /**
   * Returns {@code version} if it lies in 1..latest, else throws "unknown format N of WHAT; this
   * Eddy reads 1..LATEST" (also for formats whose version field is not in a frame header).
   */
  public static int checkVersion(int version, int latest, String what) {
    if (version < 1 || version > latest) {
      throw new IllegalArgumentException(
          "unknown format " + version + " of " + what + "; this Eddy reads 1.." + latest);
    }
    return version;
  }

  /** Rejects a count read from the input that is negative or above {@code max}. */
  public static int checkLength(int value, int max, String what) {
    if (value < 0 || value > max) {
      throw new IllegalArgumentException(what + " " + value + " outside [0, " + max + "]");
    }
    return value;
  }

  /** Reads a length prefix, rejecting a negative or absurd one. */
  public static int readLength(DataInput in) throws IOException {
    int n = in.readInt();
    if (n < 0 || n > MAX_LENGTH) {
      throw new IOException("bad length " + n);
    }
    return n;
  }

  /** Writes a length-prefixed byte array (e.g. another format's snapshot). */
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

  /** Like {@link #writeBytes}, but null is written as length -1 (an absent part). */
  public static void writeOptionalBytes(DataOutput out, byte[] bytes) throws IOException {
    if (bytes == null) {
      out.writeInt(-1);
    } else {
      writeBytes(out, bytes);
    }
  }

  /** Reads {@link #writeOptionalBytes}'s output: null for an absent part. */
  public static byte[] readOptionalBytes(DataInput in) throws IOException {
    int n = in.readInt();
    if (n == -1) {
      return null;
    }
    if (n < 0 || n > MAX_LENGTH) {
      throw new IOException("bad length " + n);
    }
    byte[] bytes = new byte[n];
    in.readFully(bytes);
    return bytes;
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

  /** Writes floats without a length (the reader knows it, e.g. from a layer's shape). */
  public static void writeFloats(DataOutput out, float[] values) throws IOException {
    for (float value : values) {
      out.writeFloat(value);
    }
  }

  /** Fills {@code values} with floats written by {@link #writeFloats}. */
  public static void readFloats(DataInput in, float[] values) throws IOException {
    for (int i = 0; i < values.length; i++) {
      values[i] = in.readFloat();
    }
  }

  /** Writes the first {@code length} entries of {@code a}, densely or sparsely. */
  public static void writeCompactDoubles(DataOutput out, double[] a, int length)
      throws IOException {
    int nonZeros = 0;
    for (int i = 0; i < length; i++) {
      if (Double.doubleToRawLongBits(a[i]) != 0L) {
        nonZeros++;
      }
    }
    out.writeInt(length);
    if ((long) nonZeros * 12 < (long) length * 8) {
      out.writeByte(SPARSE);
      out.writeInt(nonZeros);
      for (int i = 0; i < length; i++) {
        if (Double.doubleToRawLongBits(a[i]) != 0L) {
          out.writeInt(i);
          out.writeDouble(a[i]);
        }
      }
    } else {
      out.writeByte(DENSE);
      for (int i = 0; i < length; i++) {
        out.writeDouble(a[i]);
      }
    }
  }

  /**
   * Reads an array written by {@link #writeCompactDoubles}, requiring exactly {@code length}
   * entries.
   */
  public static double[] readCompactDoubles(DataInput in, int length, String what)
      throws IOException {
    int found = in.readInt();
    if (found != length) {
      throw new IllegalArgumentException(what + " has " + found + " entries, expected " + length);
    }
    byte form = in.readByte();
    double[] a = new double[length];
    if (form == DENSE) {
      for (int i = 0; i < length; i++) {
        a[i] = in.readDouble();
      }
    } else if (form == SPARSE) {
      int nonZeros = checkLength(in.readInt(), length, what + " non-zero count");
      for (int k = 0; k < nonZeros; k++) {
        a[checkLength(in.readInt(), length - 1, what + " index")] = in.readDouble();
      }
    } else {
      throw new IllegalArgumentException(what + " has unknown array form " + form);
    }
    return a;
  }
}
