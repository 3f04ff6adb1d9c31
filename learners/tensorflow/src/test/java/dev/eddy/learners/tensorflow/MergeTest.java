package dev.eddy.learners.tensorflow;

import static dev.eddy.learners.tensorflow.Fixtures.learnAll;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.eddy.learners.Learners;
import dev.eddy.learners.OnlineLearner;
import dev.eddy.learners.Task;
import dev.eddy.learners.tensorflow.SyntheticStream.Example;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Merging replicas by weighted averaging of their weights, through {@code Learners.merge}. */
class MergeTest {

  @Test
  void theMergedLogitIsTheWeightedAverageOfTheReplicasLogits() {
    Example[] stream = SyntheticStream.linearBinary(600, 6, 30);
    Map<String, String> params = Map.of("batch-size", "16", "max-wait", "0");
    try (TensorFlowLearner a = create("tf-logistic", params, 6);
        TensorFlowLearner b =
            create(
                "tf-logistic",
                Map.of("seed", "7", "device", "gpu", "gpu-index", "1", "max-wait", "0"),
                6)) {
      learnAll(a, Arrays.copyOf(stream, 200));
      learnAll(b, Arrays.copyOfRange(stream, 200, 500));
      try (TensorFlowLearner merged =
          (TensorFlowLearner) Learners.merge(List.of(a, b), new double[] {1, 3})) {
        assertThat(merged.examplesSeen()).isEqualTo(500);
        assertThat(merged.pendingExamples()).isZero();
        assertThat(merged.config()).isEqualTo(a.config());
        for (Example example : Arrays.copyOfRange(stream, 500, 600)) {
          double expected =
              0.25 * a.predict(example.x()).score() + 0.75 * b.predict(example.x()).score();
          // float32 weights: averaged in double, rounded once to float.
          assertThat(merged.predict(example.x()).score()).isCloseTo(expected, within(1e-5));
        }
      }
    }
  }

  @Test
  void mergingOneReplicaKeepsItsPredictionsAndLeavesItUnchanged() throws Exception {
    Example[] stream = SyntheticStream.linearMulticlass(300, 4, 3, 31);
    try (TensorFlowLearner learner =
        create("tf-mlp", Map.of("classes", "3", "hidden", "6"), 4, Task.MULTICLASS)) {
      learnAll(learner, Arrays.copyOf(stream, 256));
      byte[] before = SnapshotTest.payload(learner);
      try (TensorFlowLearner merged =
          (TensorFlowLearner) Learners.merge(List.of(learner), new double[] {2})) {
        assertThat(SnapshotTest.payload(learner)).isEqualTo(before);
        for (Example example : Arrays.copyOfRange(stream, 256, 300)) {
          assertThat(merged.predict(example.x())).isEqualTo(learner.predict(example.x()));
        }
      }
    }
  }

  @Test
  void replicasWithDifferentLayoutsAreRejectedNamingBoth() {
    try (TensorFlowLearner a = create("tf-mlp", Map.of("hidden", "8"), 3);
        TensorFlowLearner b = create("tf-mlp", Map.of("hidden", "16"), 3)) {
      String expected =
          "tf-mlp[task=BINARY, dimension=3, classes=2, hidden=[8]] and "
              + "tf-mlp[task=BINARY, dimension=3, classes=2, hidden=[16]]";
      assertThatThrownBy(() -> Learners.merge(List.of(a, b), new double[] {1, 1}))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining(expected);
      assertThatThrownBy(
              () -> new TensorFlowLearnerProvider().merge(List.of(a, b), new double[] {0.5, 0.5}))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("cannot merge TensorFlow learners with incompatible layouts: " + expected);
    }
  }

  private static TensorFlowLearner create(String type, Map<String, String> params, int dimension) {
    return create(type, params, dimension, Task.BINARY);
  }

  private static TensorFlowLearner create(
      String type, Map<String, String> params, int dimension, Task task) {
    OnlineLearner learner = Learners.create(type, params, dimension, task);
    return (TensorFlowLearner) learner;
  }
}
