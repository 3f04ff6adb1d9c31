package dev.eddy.learners.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eddy.learners.Learners;
import dev.eddy.learners.OnlineLearner;
import dev.eddy.learners.Task;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LearnerCodecTest {

  private static byte[] header(int magic, int version, String type) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(bytes);
    out.writeInt(magic);
    out.writeShort(version);
    out.writeUTF(type);
    return bytes.toByteArray();
  }

  @Test
  void theHeaderIsMagicVersionAndType() {
    byte[] bytes = LearnerCodec.encode(Learners.create("pa-i", Map.of(), 3, Task.BINARY));
    assertThat(Arrays.copyOf(bytes, 4)).containsExactly('E', 'D', 'L', 'N');
    assertThat(bytes[4] << 8 | bytes[5]).isEqualTo(LearnerCodec.VERSION);
    assertThat(new String(bytes, 8, 4)).isEqualTo("pa-i");
  }

  @Test
  void badMagicUnknownVersionUnknownTypeAndTruncationAreClearErrors() throws IOException {
    assertThatThrownBy(() -> LearnerCodec.decode(header(0x12345678, 1, "pa")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("bad magic 0x12345678");
    assertThatThrownBy(() -> LearnerCodec.decode(header(LearnerCodec.MAGIC, 7, "pa")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown format 7 of learner snapshot; this Eddy reads 1..1");
    assertThatThrownBy(() -> LearnerCodec.decode(header(LearnerCodec.MAGIC, 1, "no-such-learner")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'no-such-learner'").hasMessageContaining("pa-i");
    byte[] whole = LearnerCodec.encode(Learners.create("ftrl", Map.of(), 3, Task.BINARY));
    assertThatThrownBy(() -> LearnerCodec.decode(Arrays.copyOf(whole, whole.length - 3)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("truncated");
    assertThatThrownBy(() -> LearnerCodec.decode(Arrays.copyOf(whole, whole.length + 2)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("trailing");
    assertThatThrownBy(() -> LearnerCodec.decode(new byte[0]))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("truncated");
  }

  /** A hashed model of 2^20 dimensions with few non-zero weights is written sparsely. */
  @Test
  void mostlyZeroWeightsAreWrittenSparsely() {
    OnlineLearner learner = Learners.create("adagrad", Map.of("hash-bits", "20"), 0, Task.BINARY);
    assertThat(learner.dimension()).isEqualTo(1 << 20);
    learner.learn(dev.eddy.learners.FeatureVector.sparse(1 << 20, new int[] {5, 70_000},
        new double[] {1, 2}, 2), 1);
    byte[] bytes = LearnerCodec.encode(learner);
    assertThat(bytes.length).isLessThan(200);
    assertThat(LearnerCodec.encode(LearnerCodec.decode(bytes))).isEqualTo(bytes);
  }

  /**
   * Every truncation and every single-byte corruption of a snapshot either decodes or fails with an
   * {@link IllegalArgumentException} — never another exception, a huge allocation or a hang.
   */
  @Test
  void corruptSnapshotsFailCleanly() {
    OnlineLearner learner = Learners.create("pegasos-avg", Map.of(), 3, Task.MULTICLASS);
    learner.learn(dev.eddy.learners.FeatureVector.dense(new double[] {1, -2, 0.5}), 2);
    byte[] bytes = LearnerCodec.encode(learner);
    for (int length = 0; length < bytes.length; length++) {
      byte[] truncated = Arrays.copyOf(bytes, length);
      assertThatThrownBy(() -> LearnerCodec.decode(truncated))
          .as("truncated to %d", length).isInstanceOf(IllegalArgumentException.class);
    }
    for (int position = 0; position < bytes.length; position++) {
      for (int flip : new int[] {0x01, 0x80, 0xFF}) {
        byte[] corrupt = bytes.clone();
        corrupt[position] ^= (byte) flip;
        try {
          LearnerCodec.decode(corrupt);
        } catch (IllegalArgumentException expected) {
          assertThat(expected.getMessage()).isNotBlank();
        }
      }
    }
  }
}
