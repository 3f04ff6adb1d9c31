package dev.eddy.learners.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FramingTest {
  private static final int MAGIC = 0x45445858; // "EDXX"
  private static final String WHAT = "test state";

  private static byte[] sample() {
    Map<String, String> map = new LinkedHashMap<>();
    map.put("b", "2");
    map.put("a", "1");
    return Framing.encode(MAGIC, 1, out -> {
      Framing.writeOptionalBytes(out, null);
      Framing.writeOptionalBytes(out, new byte[] {7, 8});
      Framing.writeStringMap(out, map);
      Framing.writeDoubles(out, new double[] {1.5, -2, 99}, 2);
      Framing.writeInts(out, new int[] {3, 4}, 2);
      Framing.writeCompactDoubles(out, new double[1000], 1000);
    });
  }

  @Test
  void framesAndReadsBackEveryPart() {
    byte[] bytes = sample();
    assertThat(ByteBuffer.wrap(bytes).getInt()).isEqualTo(MAGIC);
    assertThat(ByteBuffer.wrap(bytes).getShort(4)).isEqualTo((short) 1);
    assertThat(ByteBuffer.wrap(bytes).getInt(6)).as("absent blob").isEqualTo(-1);
    String read = Framing.decode(bytes, MAGIC, WHAT, 1, (in, version) -> {
      byte[] absent = Framing.readOptionalBytes(in);
      byte[] present = Framing.readOptionalBytes(in);
      Map<String, String> map = Framing.readStringMap(in);
      double[] doubles = Framing.readDoubles(in);
      int[] ints = Framing.readInts(in);
      double[] zeros = Framing.readCompactDoubles(in, 1000, "zeros");
      return version + " " + absent + " " + Arrays.toString(present) + " " + map + " "
          + Arrays.toString(doubles) + " " + Arrays.toString(ints) + " " + zeros.length;
    });
    assertThat(read).isEqualTo("1 null [7, 8] {b=2, a=1} [1.5, -2.0] [3, 4] 1000");
    assertThat(bytes.length).as("1000 zeros are written sparsely").isLessThan(80);
  }

  @Test
  void rejectsForeignFutureTruncatedAndTrailingBytes() {
    byte[] bytes = sample();
    Framing.BodyReader<Object> skipAll = (in, v) -> {
      in.skipBytes(bytes.length - 6);
      return null;
    };
    assertThatThrownBy(() -> Framing.decode(bytes, 0x12345678, WHAT, 1, skipAll))
        .hasMessage("not a test state: bad magic 0x45445858, expected 0x12345678");
    byte[] future = bytes.clone();
    ByteBuffer.wrap(future).putShort(4, (short) 3);
    assertThatThrownBy(() -> Framing.decode(future, MAGIC, WHAT, 2, skipAll))
        .hasMessage("unknown format 3 of test state; this Eddy reads 1..2");
    assertThatThrownBy(() -> Framing.decode(Arrays.copyOf(bytes, 4), MAGIC, WHAT, 1, skipAll))
        .hasMessage("truncated test state (4 bytes)");
    assertThatThrownBy(() -> Framing.decode(Arrays.copyOf(bytes, bytes.length + 2), MAGIC, WHAT, 1,
        skipAll)).hasMessage("test state has 2 trailing bytes");
    assertThatThrownBy(() -> Framing.decode(null, MAGIC, WHAT, 1, skipAll))
        .hasMessage("not a test state: null");
    byte[] badLength = Framing.encode(MAGIC, 1, out -> out.writeInt(-5));
    assertThatThrownBy(() -> Framing.decode(badLength, MAGIC, WHAT, 1,
        (in, v) -> Framing.readOptionalBytes(in))).hasMessage("corrupt test state: bad length -5");
  }
}
