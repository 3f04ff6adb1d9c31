package dev.eddy.learners.codec;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInput;
import java.io.DataInputStream;
import java.io.DataOutput;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Building blocks shared by every binary format of this module (learners, standardizer, metrics):
 * a header of magic number plus format version, arrays of doubles written densely or as
 * index/value pairs (whichever is smaller, so that a hashed model of 2^20 mostly-zero weights stays
 * small), and byte-array entry points that turn a truncated or malformed input into a clear {@link
 * IllegalArgumentException}. Java serialization is never used.
 */
public final class Encoding {

  private static final byte DENSE = 0;
  private static final byte SPARSE = 1;

  private Encoding() {}

  /** Writes a format's state to a data output. */
  @FunctionalInterface
  public interface Writer {
    void write(DataOutput out) throws IOException;
  }

  /** Reads a format's state from a data input. */
  @FunctionalInterface
  public interface Reader<T> {
    T read(DataInput in) throws IOException;
  }

  /** Runs {@code writer} into a fresh byte array. */
  public static byte[] toBytes(Writer writer) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      writer.write(out);
    } catch (IOException e) {
      throw new UncheckedIOException("writing to memory failed", e);
    }
    return bytes.toByteArray();
  }

  /**
   * Runs {@code reader} over {@code bytes}, requiring that it consumes them all; a truncated input
   * or trailing bytes become an {@link IllegalArgumentException} naming {@code what}.
   */
  public static <T> T fromBytes(byte[] bytes, String what, Reader<T> reader) {
    if (bytes == null) {
      throw new IllegalArgumentException(what + ": no bytes");
    }
    ByteArrayInputStream stream = new ByteArrayInputStream(bytes);
    try (DataInputStream in = new DataInputStream(stream)) {
      T value = reader.read(in);
      if (stream.available() > 0) {
        throw new IllegalArgumentException(
            what + ": " + stream.available() + " unexpected trailing bytes");
      }
      return value;
    } catch (EOFException e) {
      throw new IllegalArgumentException(what + ": truncated input of " + bytes.length + " bytes", e);
    } catch (IOException e) {
      throw new IllegalArgumentException(what + ": unreadable input: " + e.getMessage(), e);
    }
  }

  /** Writes the magic number and the format version. */
  public static void writeHeader(DataOutput out, int magic, int version) throws IOException {
    out.writeInt(magic);
    out.writeShort(version);
  }

  /**
   * Reads and checks a header written by {@link #writeHeader}; returns the version, which lies in
   * [1, latest].
   */
  public static int readHeader(DataInput in, int magic, int latest, String what)
      throws IOException {
    int found = in.readInt();
    if (found != magic) {
      throw new IllegalArgumentException(
          String.format("not a %s: bad magic 0x%08X, expected 0x%08X", what, found, magic));
    }
    int version = in.readUnsignedShort();
    if (version < 1 || version > latest) {
      throw new IllegalArgumentException(
          "unsupported " + what + " format version " + version + "; this build reads 1.." + latest);
    }
    return version;
  }

  /** Writes the first {@code length} entries of {@code a}, densely or sparsely. */
  public static void writeDoubles(DataOutput out, double[] a, int length) throws IOException {
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
   * Reads an array written by {@link #writeDoubles}, requiring exactly {@code length} entries; the
   * length is checked before anything is allocated, so corrupt input cannot exhaust memory.
   */
  public static double[] readDoubles(DataInput in, int length, String what) throws IOException {
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

  /** Rejects a count read from the input that is negative or above {@code max}. */
  public static int checkLength(int value, int max, String what) {
    if (value < 0 || value > max) {
      throw new IllegalArgumentException(what + " " + value + " outside [0, " + max + "]");
    }
    return value;
  }
}
