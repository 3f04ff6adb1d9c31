package dev.eddy.learners.codec;

import java.io.DataOutput;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * A {@link DataOutput} into a growing byte array, writing the same big-endian bytes as a
 * {@link DataOutputStream} but without a stream and its per-byte synchronized calls: the frames of
 * waiting events and models are written once per event, and the stream was a fifth of the learner
 * thread's time with labels arriving later (JFR, BENCHMARKS.md).
 */
final class BytesOut implements DataOutput {
  private static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.BIG_ENDIAN);
  private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
  private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
  private byte[] buffer;
  private int size;

  BytesOut(int capacity) {
    buffer = new byte[Math.max(16, capacity)];
  }

  /** The bytes written so far. */
  byte[] toByteArray() {
    return Arrays.copyOf(buffer, size);
  }

  private int reserve(int n) {
    int at = size;
    if (at + n > buffer.length) {
      buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, at + n));
    }
    size = at + n;
    return at;
  }

  @Override
  public void write(int b) {
    int at = reserve(1); // before reading the field: reserve may replace the buffer
    buffer[at] = (byte) b;
  }

  @Override
  public void write(byte[] b) {
    write(b, 0, b.length);
  }

  @Override
  public void write(byte[] b, int off, int len) {
    int at = reserve(len);
    System.arraycopy(b, off, buffer, at, len);
  }

  @Override
  public void writeBoolean(boolean v) {
    write(v ? 1 : 0);
  }

  @Override
  public void writeByte(int v) {
    write(v);
  }

  @Override
  public void writeShort(int v) {
    int at = reserve(2);
    SHORT.set(buffer, at, (short) v);
  }

  @Override
  public void writeChar(int v) {
    writeShort(v);
  }

  @Override
  public void writeInt(int v) {
    int at = reserve(4);
    INT.set(buffer, at, v);
  }

  @Override
  public void writeLong(long v) {
    int at = reserve(8);
    LONG.set(buffer, at, v);
  }

  @Override
  public void writeFloat(float v) {
    writeInt(Float.floatToIntBits(v));
  }

  @Override
  public void writeDouble(double v) {
    writeLong(Double.doubleToLongBits(v));
  }

  @Override
  public void writeBytes(String s) {
    for (int i = 0; i < s.length(); i++) {
      write(s.charAt(i));
    }
  }

  @Override
  public void writeChars(String s) {
    for (int i = 0; i < s.length(); i++) {
      writeChar(s.charAt(i));
    }
  }

  /** Modified UTF-8 with a two-byte length, exactly as {@link DataOutputStream#writeUTF}. */
  @Override
  public void writeUTF(String s) throws IOException {
    int n = s.length();
    if (n < 0x10000 && isAscii(s, n)) { // modified UTF-8 of chars 1..0x7F is those bytes
      writeShort(n);
      int at = reserve(n);
      for (int i = 0; i < n; i++) {
        buffer[at + i] = (byte) s.charAt(i);
      }
      return;
    }
    new DataOutputStream(new OutputStream() {
      @Override
      public void write(int b) {
        BytesOut.this.write(b);
      }

      @Override
      public void write(byte[] b, int off, int len) {
        BytesOut.this.write(b, off, len);
      }
    }).writeUTF(s);
  }

  private static boolean isAscii(String s, int n) {
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c == 0 || c > 0x7F) {
        return false;
      }
    }
    return true;
  }

  /**
   * Writes {@code body} after a header and returns the bytes; memory never fails to take them. The
   * bytes are written into a buffer the thread reuses (one per nesting depth: a body may frame nested
   * parts), so that a model written back at every checkpoint does not grow a new buffer from 256 bytes
   * through every doubling for each of its parts (JFR, BENCHMARKS.md "A million model keys").
   */
  static byte[] frame(int magic, int version, Framing.BodyWriter body) {
    Scratch scratch = SCRATCH.get();
    int depth = scratch.depth;
    BytesOut out = scratch.buffer(depth);
    scratch.depth = depth + 1;
    try {
      Framing.writeHeader(out, magic, version);
      body.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write to memory", e);
    } finally {
      scratch.depth = depth;
      scratch.release(depth, out);
    }
  }

  private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

  /** A thread's reusable buffers, by nesting depth of {@link #frame}. */
  private static final class Scratch {
    /** A buffer grown past this is not kept (a hashed model of 2^20 weights is a one-off, not a pattern). */
    private static final int KEEP_AT_MOST = 1 << 20;
    private final BytesOut[] byDepth = new BytesOut[8];
    private int depth;

    BytesOut buffer(int depth) {
      if (depth >= byDepth.length) {
        return new BytesOut(256);
      }
      BytesOut out = byDepth[depth];
      if (out == null) {
        out = new BytesOut(256);
        byDepth[depth] = out;
      }
      out.size = 0;
      return out;
    }

    void release(int depth, BytesOut out) {
      if (depth < byDepth.length && out.buffer.length > KEEP_AT_MOST) {
        byDepth[depth] = null;
      }
    }
  }
}
