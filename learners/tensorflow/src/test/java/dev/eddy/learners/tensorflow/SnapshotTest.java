package dev.eddy.learners.tensorflow;

import static dev.eddy.learners.tensorflow.Fixtures.learnAll;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eddy.learners.Learners;
import dev.eddy.learners.OnlineLearner;
import dev.eddy.learners.Task;
import dev.eddy.learners.codec.LearnerCodec;
import dev.eddy.learners.tensorflow.SyntheticStream.Example;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Snapshots through the provider and the learner codec, and copies. */
class SnapshotTest {
  private final TensorFlowLearnerProvider provider = new TensorFlowLearnerProvider();

  @ParameterizedTest(name = "{0} {1} {2}")
  @CsvSource({"tf-mlp, BINARY, adam", "tf-logistic, MULTICLASS, adam", "tf-mlp, MULTICLASS, sgd"})
  void aRestoredLearnerPredictsAndLearnsIdentically(String type, Task task, String optimizer) {
    Example[] stream =
        task == Task.BINARY
            ? SyntheticStream.linearBinary(500, 5, 20)
            : SyntheticStream.linearMulticlass(500, 5, 3, 20);
    Map<String, String> params =
        Map.of(
            "classes",
            task == Task.BINARY ? "2" : "3",
            "optimizer",
            optimizer,
            "max-wait",
            "0",
            "hidden",
            "8");
    OnlineLearner created =
        Learners.create(type, type.equals("tf-mlp") ? params : without(params, "hidden"), 5, task);
    try (TensorFlowLearner original = (TensorFlowLearner) created) {
      learnAll(original, Arrays.copyOf(stream, 300));
      assertThat(original.pendingExamples()).isEqualTo(300 % 64);
      byte[] bytes = LearnerCodec.encode(original);
      try (TensorFlowLearner restored = (TensorFlowLearner) LearnerCodec.decode(bytes)) {
        assertThat(restored.config()).isEqualTo(original.config());
        assertThat(restored.examplesSeen()).isEqualTo(300);
        assertThat(restored.trainingSteps()).isEqualTo(original.trainingSteps());
        assertThat(restored.pendingExamples()).isEqualTo(original.pendingExamples());
        assertThat(LearnerCodec.encode(restored)).isEqualTo(bytes);
        for (Example example : Arrays.copyOfRange(stream, 300, 500)) {
          assertThat(restored.predict(example.x())).isEqualTo(original.predict(example.x()));
          original.learn(example.x(), example.label());
          restored.learn(example.x(), example.label());
        }
        assertThat(restored.trainingSteps()).isEqualTo(original.trainingSteps()).isEqualTo(7);
        assertThat(LearnerCodec.encode(restored)).isEqualTo(LearnerCodec.encode(original));
      }
    }
  }

  @Test
  void aCopyIsIndependentAndAnOverriddenDevicePlacesTheRestoredSession() throws IOException {
    Example[] stream = SyntheticStream.linearBinary(200, 4, 21);
    try (TensorFlowLearner learner = provider.create("tf-logistic", Map.of(), 4, Task.BINARY)) {
      learnAll(learner, Arrays.copyOf(stream, 100));
      byte[] state = payload(learner);
      DeviceSelection gpu3 = new DeviceSelection(DeviceSelection.Kind.GPU, 3);
      try (TensorFlowLearner copy = learner.copy();
          TensorFlowLearner moved = provider.readState("tf-logistic", input(state), gpu3)) {
        assertThat(moved.config().device()).isEqualTo(gpu3);
        assertThat(moved.hyperparameters()).containsEntry("gpu-index", "3");
        assertThat(moved.onGpu()).isFalse();
        assertThat(moved.predict(stream[150].x())).isEqualTo(learner.predict(stream[150].x()));
        learnAll(learner, Arrays.copyOfRange(stream, 100, 200));
        assertThat(payload(copy)).isEqualTo(state);
        assertThat(payload(learner)).isNotEqualTo(state);
      }
    }
  }

  @Test
  void rejectsAnUnknownVersionAndAMismatchedLayout() throws IOException {
    try (TensorFlowLearner learner =
        provider.create("tf-mlp", Map.of("hidden", "4"), 3, Task.BINARY)) {
      byte[] state = payload(learner);
      ByteBuffer.wrap(state).putInt(0, 99);
      assertThatThrownBy(() -> provider.readState("tf-mlp", input(state)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("unknown format 99 of tf-mlp learner state; this Eddy reads 1..1");
      ByteBuffer.wrap(state).putInt(0, SnapshotFormat.VERSION);
      assertThatThrownBy(() -> provider.readState("tf-logistic", input(state)))
          .isInstanceOf(IOException.class)
          .hasMessageContaining("tf-logistic state holds an invalid configuration")
          .hasMessageContaining("hidden");
    }
  }

  @Test
  void writeStateRejectsAnotherProvidersLearner() {
    OnlineLearner logistic = Learners.create("logistic", Map.of(), 3, Task.BINARY);
    assertThatThrownBy(
            () -> provider.writeState(logistic, new DataOutputStream(new ByteArrayOutputStream())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a TensorFlow learner: logistic");
  }

  static byte[] payload(TensorFlowLearner learner) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    new TensorFlowLearnerProvider().writeState(learner, new DataOutputStream(bytes));
    return bytes.toByteArray();
  }

  static DataInputStream input(byte[] bytes) {
    return new DataInputStream(new ByteArrayInputStream(bytes));
  }

  private static Map<String, String> without(Map<String, String> params, String key) {
    Map<String, String> copy = new java.util.HashMap<>(params);
    copy.remove(key);
    return copy;
  }
}
