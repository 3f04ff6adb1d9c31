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

  /**
   * Against a prototype of the same settings every linear learner is written as its learned state
   * alone and reads back predicting exactly as the original, with the prototype's hyperparameters;
   * one of other settings is written in full and needs no prototype.
   */
  @Test
  void aLearnerOfThePrototypesSettingsIsWrittenWithoutThem() throws IOException {
    dev.eddy.learners.FeatureVector x = dev.eddy.learners.FeatureVector.dense(new double[] {0.5, -1, 2});
    for (String type : new dev.eddy.learners.linear.LinearLearners().types()) {
      Task task = Learners.tasks(type).contains(Task.MULTICLASS) ? Task.MULTICLASS : Task.BINARY;
      Map<String, String> params = task == Task.MULTICLASS ? Map.of("classes", "3") : Map.of();
      OnlineLearner prototype = Learners.create(type, params, 3, task);
      OnlineLearner trained = Learners.create(type, params, 3, task);
      for (int i = 0; i < 50; i++) {
        trained.learn(dev.eddy.learners.FeatureVector.dense(new double[] {i % 3, -i % 5, i % 7 - 3}), task == Task.MULTICLASS ? i % 3 : i % 2);
      }
      byte[] against = against(trained, prototype);
      assertThat(against[0]).as(type).isEqualTo(LearnerCodec.LEARNED);
      assertThat(against.length).as(type).isLessThan(LearnerCodec.encode(trained).length);
      OnlineLearner restored = LearnerCodec.readAgainst(new java.io.DataInputStream(new java.io.ByteArrayInputStream(against)), prototype);
      assertThat(restored.predict(x)).as(type).isEqualTo(trained.predict(x));
      assertThat(LearnerCodec.encode(restored)).as(type).isEqualTo(LearnerCodec.encode(trained));
      assertThat(prototype.examplesSeen()).as("the prototype is not changed").isZero();
      assertThatThrownBy(() -> LearnerCodec.readAgainst(new java.io.DataInputStream(new java.io.ByteArrayInputStream(against)), null))
          .hasMessageContaining("no prototype learner was given");
    }
    OnlineLearner other = Learners.create("pa-i", Map.of("C", "0.3"), 3, Task.BINARY);
    byte[] full = against(other, Learners.create("pa-i", Map.of(), 3, Task.BINARY));
    assertThat(full[0]).isEqualTo(LearnerCodec.FULL);
    assertThat(LearnerCodec.readAgainst(new java.io.DataInputStream(new java.io.ByteArrayInputStream(full)), null)
        .hyperparameters()).containsEntry("C", "0.3");
  }

  private static byte[] against(OnlineLearner learner, OnlineLearner prototype) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    LearnerCodec.writeAgainst(new DataOutputStream(bytes), learner, prototype);
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
