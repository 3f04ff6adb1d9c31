package dev.eddy.learners.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInput;
import java.io.DataInputStream;
import java.io.DataOutput;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The array-backed DataOutput/DataInput write and read exactly the bytes of Java's streams. */
class BytesInOutTest {
  private static void writeAll(DataOutput out, SplittableRandom r) throws IOException {
    out.writeInt(0x45445045);
    out.writeShort(-2);
    out.writeShort(65535);
    out.writeLong(r.nextLong());
    out.writeDouble(r.nextDouble() * 1e300);
    out.writeDouble(Double.NaN);
    out.writeFloat(-0.0f);
    out.writeBoolean(true);
    out.writeByte(-128);
    out.write(new byte[] {1, 2, 3, 4, 5}, 1, 3);
    out.writeChar('\u20ac');
    out.writeUTF("wöchentlich \u20ac \uD83D\uDE00");
    out.writeUTF("plain ascii, the fast path");
    out.writeUTF("nul \u0000 is two bytes in modified UTF-8");
    out.writeUTF("");
    out.writeBytes("ab");
    out.writeChars("cd");
    for (int i = 0; i < 200; i++) {
      out.writeLong(r.nextLong()); // grows the buffer several times
    }
  }

  @Test
  void writesTheBytesOfADataOutputStream() throws IOException {
    ByteArrayOutputStream expected = new ByteArrayOutputStream();
    writeAll(new DataOutputStream(expected), new SplittableRandom(5));
    BytesOut out = new BytesOut(1);
    writeAll(out, new SplittableRandom(5));
    assertThat(out.toByteArray()).isEqualTo(expected.toByteArray());
  }

  /**
   * Frames reuse the thread's buffers, one per nesting depth: a frame whose body frames nested parts
   * (as the model state frames its policy, detector and metrics), a failed body, and a frame after a
   * large one all give the bytes of fresh streams.
   */
  @Test
  void nestedAndRepeatedFramesGiveTheBytesOfFreshBuffers() throws IOException {
    ByteArrayOutputStream big = new ByteArrayOutputStream();
    DataOutputStream bigOut = new DataOutputStream(big);
    Framing.writeHeader(bigOut, 3, 1);
    writeAll(bigOut, new SplittableRandom(1));
    assertThat(BytesOut.frame(3, 1, out -> writeAll(out, new SplittableRandom(1)))).isEqualTo(big.toByteArray());
    byte[] inner = BytesOut.frame(2, 1, out -> out.writeLong(42));
    byte[] outer = BytesOut.frame(1, 1, out -> {
      out.writeInt(7);
      Framing.writeBytes(out, BytesOut.frame(2, 1, o -> o.writeLong(42)));
      Framing.writeBytes(out, BytesOut.frame(2, 1, o -> o.writeLong(42)));
      out.writeInt(8);
    });
    ByteArrayOutputStream expected = new ByteArrayOutputStream();
    DataOutputStream e = new DataOutputStream(expected);
    Framing.writeHeader(e, 1, 1);
    e.writeInt(7);
    Framing.writeBytes(e, inner);
    Framing.writeBytes(e, inner);
    e.writeInt(8);
    assertThat(outer).isEqualTo(expected.toByteArray());
    assertThatThrownBy(() -> BytesOut.frame(1, 1, out -> {
      out.writeLong(1);
      throw new IOException("broken body");
    })).hasMessageContaining("cannot write to memory");
    assertThat(BytesOut.frame(2, 1, out -> out.writeLong(42))).isEqualTo(inner);
  }

  @Test
  void readsWhatADataInputStreamReads() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    writeAll(new DataOutputStream(bytes), new SplittableRandom(9));
    BytesIn in = new BytesIn(bytes.toByteArray());
    DataInput expected = new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()));
    assertThat(in.readInt()).isEqualTo(expected.readInt());
    assertThat(in.readShort()).isEqualTo(expected.readShort());
    assertThat(in.readUnsignedShort()).isEqualTo(expected.readUnsignedShort()).isEqualTo(65535);
    assertThat(in.readLong()).isEqualTo(expected.readLong());
    assertThat(in.readDouble()).isEqualTo(expected.readDouble());
    assertThat(in.readDouble()).isNaN();
    expected.readDouble();
    assertThat(Float.floatToIntBits(in.readFloat())).isEqualTo(Float.floatToIntBits(expected.readFloat()));
    assertThat(in.readBoolean()).isEqualTo(expected.readBoolean()).isTrue();
    assertThat(in.readByte()).isEqualTo(expected.readByte());
    byte[] three = new byte[3];
    in.readFully(three);
    assertThat(three).containsExactly(2, 3, 4);
    expected.skipBytes(3);
    assertThat(in.readChar()).isEqualTo(expected.readChar());
    assertThat(in.readUTF()).isEqualTo(expected.readUTF()).isEqualTo("wöchentlich \u20ac \uD83D\uDE00");
    assertThat(in.readUTF()).isEqualTo(expected.readUTF()).isEqualTo("plain ascii, the fast path");
    assertThat(in.readUTF()).isEqualTo(expected.readUTF()).isEqualTo("nul \u0000 is two bytes in modified UTF-8");
    assertThat(in.readUTF()).isEqualTo(expected.readUTF()).isEmpty();
    assertThat(in.skipBytes(6)).isEqualTo(6);
    assertThat(in.remaining()).isEqualTo(200 * 8);
    assertThat(in.skipBytes(10_000)).isEqualTo(200 * 8);
    assertThat(in.remaining()).isZero();
  }

  @Test
  void aReadPastTheEndIsAnEndOfFile() throws IOException {
    BytesIn in = new BytesIn(new byte[] {0, 0, 0, 7, 1});
    assertThat(in.readInt()).isEqualTo(7);
    assertThatThrownBy(in::readLong).isInstanceOf(EOFException.class);
    assertThatThrownBy(in::readByte).isInstanceOf(EOFException.class);
  }
}
