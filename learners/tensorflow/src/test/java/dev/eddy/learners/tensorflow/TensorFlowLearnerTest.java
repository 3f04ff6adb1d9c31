package dev.eddy.learners.tensorflow;

import static dev.eddy.learners.tensorflow.Fixtures.accuracy;
import static dev.eddy.learners.tensorflow.Fixtures.config;
import static dev.eddy.learners.tensorflow.Fixtures.learnAll;
import static dev.eddy.learners.tensorflow.Fixtures.learner;
import static dev.eddy.learners.tensorflow.Fixtures.logLoss;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.eddy.learners.FeatureVector;
import dev.eddy.learners.Task;
import dev.eddy.learners.tensorflow.SyntheticStream.Example;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Learning, prediction and batching of the TensorFlow learners, on the CPU. */
class TensorFlowLearnerTest {
  private final AtomicLong clock = new AtomicLong();

  @Test
  void logisticLearnsALinearConceptAndReducesTheLoss() {
    Example[] stream = SyntheticStream.linearBinary(5000, 10, 1);
    Example[] train = Arrays.copyOf(stream, 4000);
    Example[] test = Arrays.copyOfRange(stream, 4000, 5000);
    try (TensorFlowLearner learner =
        learner(
            config(
                "tf-logistic",
                Map.of("batch-size", "32", "learning-rate", "0.05"),
                10,
                Task.BINARY),
            clock)) {
      double lossBefore = logLoss(learner, test);
      learnAll(learner, train);
      assertThat(learner.trainingSteps()).isEqualTo(125);
      assertThat(learner.examplesSeen()).isEqualTo(4000);
      assertThat(lossBefore).isGreaterThan(0.5);
      assertThat(logLoss(learner, test)).isLessThan(0.15);
      assertThat(learner.lastBatchLoss()).isLessThan(0.25);
      assertThat(accuracy(learner, test)).isGreaterThanOrEqualTo(0.96);
    }
  }

  @Test
  void mlpLearnsXorWhereLogisticCannot() {
    Example[] train = SyntheticStream.xor(12000, 2);
    Example[] test = SyntheticStream.xor(1000, 3);
    Map<String, String> params = Map.of("batch-size", "32", "learning-rate", "0.01");
    try (TensorFlowLearner mlp = learner(config("tf-mlp", params, 2, Task.BINARY), clock);
        TensorFlowLearner logistic =
            learner(config("tf-logistic", params, 2, Task.BINARY), clock)) {
      learnAll(mlp, train);
      learnAll(logistic, train);
      assertThat(accuracy(mlp, test)).isGreaterThanOrEqualTo(0.95);
      assertThat(accuracy(logistic, test)).isLessThan(0.7);
    }
  }

  @Test
  void softmaxLearnsAMulticlassConcept() {
    Example[] stream = SyntheticStream.linearMulticlass(7000, 6, 4, 4);
    Example[] train = Arrays.copyOf(stream, 6000);
    Example[] test = Arrays.copyOfRange(stream, 6000, 7000);
    try (TensorFlowLearner learner =
        learner(
            config(
                "tf-logistic", Map.of("classes", "4", "learning-rate", "0.05"), 6, Task.MULTICLASS),
            clock)) {
      learnAll(learner, train);
      assertThat(accuracy(learner, test)).isGreaterThanOrEqualTo(0.9);
      assertThat(learner.predict(test[0].x()).hasProbability()).isFalse();
    }
  }

  @Test
  void javaPredictionsMatchTensorFlowsLogits() {
    Example[] train = SyntheticStream.linearMulticlass(640, 5, 3, 6);
    try (TensorFlowLearner learner =
        learner(
            config("tf-mlp", Map.of("classes", "3", "hidden", "16,8"), 5, Task.MULTICLASS),
            clock)) {
      learnAll(learner, train);
      float[] rows = new float[20 * 5];
      for (int n = 0; n < 20; n++) {
        for (int i = 0; i < 5; i++) {
          rows[n * 5 + i] = (float) train[n].x().value(i);
        }
      }
      float[] tensorFlow = learner.session().logits(rows, 20, 3);
      for (int n = 0; n < 20; n++) {
        float[] row = Arrays.copyOfRange(rows, n * 5, n * 5 + 5);
        double[] x = new double[5];
        for (int i = 0; i < 5; i++) {
          x[i] = row[i];
        }
        int best = 0;
        for (int k = 1; k < 3; k++) {
          best = tensorFlow[n * 3 + k] > tensorFlow[n * 3 + best] ? k : best;
        }
        var prediction = learner.predict(FeatureVector.dense(x));
        assertThat(prediction.label()).isEqualTo(best);
        assertThat(prediction.score()).isCloseTo(tensorFlow[n * 3 + best], within(1e-4));
      }
    }
  }

  @Test
  void sparseAndDenseInputsGiveTheSameModel() {
    TensorFlowLearnerConfig config = config("tf-mlp", Map.of("batch-size", "4"), 6, Task.BINARY);
    try (TensorFlowLearner dense = learner(config, clock);
        TensorFlowLearner sparse = learner(config, clock)) {
      for (int n = 0; n < 8; n++) {
        double[] values = {n, 0, -1, 0, 0, 0.5};
        dense.learn(FeatureVector.dense(values), n % 2);
        sparse.learn(
            FeatureVector.sparse(6, new int[] {0, 2, 5}, new double[] {n, -1, 0.5}, 3), n % 2);
      }
      FeatureVector probe = FeatureVector.sparse(6, new int[] {1, 3}, new double[] {2, -2}, 2);
      assertThat(sparse.predict(probe)).isEqualTo(dense.predict(probe));
    }
  }

  @Test
  void aPartialBatchIsTrainedOnceItsFirstExampleHasWaitedMaxWait() {
    Example[] examples = SyntheticStream.linearBinary(10, 3, 7);
    try (TensorFlowLearner learner =
        learner(
            config("tf-logistic", Map.of("batch-size", "64", "max-wait", "100"), 3, Task.BINARY),
            clock)) {
      FeatureVector probe = examples[9].x();
      var before = learner.predict(probe);
      learner.learn(examples[0].x(), examples[0].label());
      clock.addAndGet(60_000_000);
      learner.learn(examples[1].x(), examples[1].label());
      assertThat(learner.flushIfDue()).isFalse();
      assertThat(learner.trainingSteps()).isZero();
      assertThat(learner.pendingExamples()).isEqualTo(2);
      assertThat(learner.predict(probe)).isEqualTo(before);

      clock.addAndGet(40_000_000);
      learner.learn(examples[2].x(), examples[2].label());
      assertThat(learner.trainingSteps()).isEqualTo(1);
      assertThat(learner.pendingExamples()).isZero();
      assertThat(learner.predict(probe)).isNotEqualTo(before);

      learner.learn(examples[3].x(), examples[3].label());
      clock.addAndGet(100_000_000);
      assertThat(learner.flushIfDue()).isTrue();
      assertThat(learner.trainingSteps()).isEqualTo(2);
    }
  }

  @Test
  void flushTrainsAPartialBatchAndMaxWaitZeroWaitsForFullBatches() {
    Example[] examples = SyntheticStream.linearBinary(5, 3, 8);
    try (TensorFlowLearner learner =
        learner(
            config("tf-logistic", Map.of("batch-size", "4", "max-wait", "0"), 3, Task.BINARY),
            clock)) {
      assertThat(learner.flush()).isFalse();
      for (int n = 0; n < 3; n++) {
        learner.learn(examples[n].x(), examples[n].label());
        clock.addAndGet(3_600_000_000_000L);
      }
      assertThat(learner.flushIfDue()).isFalse();
      assertThat(learner.trainingSteps()).isZero();
      assertThat(learner.flush()).isTrue();
      assertThat(learner.trainingSteps()).isEqualTo(1);
      assertThat(learner.lastBatchLoss()).isBetween(0.0, 5.0);
    }
  }

  @Test
  void theSameSeedGivesTheSameModel() {
    Example[] train = SyntheticStream.linearBinary(512, 4, 9);
    TensorFlowLearnerConfig config = config("tf-mlp", Map.of("seed", "5"), 4, Task.BINARY);
    try (TensorFlowLearner a = learner(config, clock);
        TensorFlowLearner b = learner(config, clock);
        TensorFlowLearner other =
            learner(config("tf-mlp", Map.of("seed", "6"), 4, Task.BINARY), clock)) {
      learnAll(a, train);
      learnAll(b, train);
      learnAll(other, train);
      assertThat(a.predict(train[0].x())).isEqualTo(b.predict(train[0].x()));
      assertThat(a.predict(train[0].x())).isNotEqualTo(other.predict(train[0].x()));
    }
  }

  @Test
  void rejectsBadInputWithoutMutatingIt() {
    try (TensorFlowLearner learner =
        learner(config("tf-logistic", Map.of("classes", "3"), 2, Task.MULTICLASS), clock)) {
      double[] values = {1, 2};
      learner.learn(FeatureVector.dense(values), 2);
      assertThat(values).containsExactly(1, 2);
      assertThatThrownBy(() -> learner.learn(FeatureVector.dense(new double[3]), 0))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("tf-logistic has dimension 2 but the example has 3");
      assertThatThrownBy(() -> learner.predict(FeatureVector.dense(new double[] {1, Double.NaN})))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("not finite");
      assertThatThrownBy(() -> learner.learn(FeatureVector.dense(values), 3))
          .hasMessage("multiclass label must be a class index in [0, 3) but was 3.0");
      assertThatThrownBy(() -> learner.learn(FeatureVector.dense(values), 0.5))
          .hasMessage("multiclass label must be a class index in [0, 3) but was 0.5");
      assertThat(learner.examplesSeen()).isEqualTo(1);
    }
  }

  @Test
  void closeReleasesTheSessionAndLaterUseThrows() {
    TensorFlowLearner learner = learner(config("tf-logistic", Map.of(), 2, Task.BINARY), clock);
    learner.close();
    learner.close();
    assertThatThrownBy(() -> learner.learn(FeatureVector.dense(new double[2]), 1))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("tf-logistic learner is closed");
    assertThatThrownBy(learner::flush).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aGpuSelectionRunsOnTheCpuWhereThereIsNoGpu() {
    Example[] train = SyntheticStream.linearBinary(1024, 3, 10);
    try (TensorFlowLearner learner =
        learner(
            config(
                "tf-logistic",
                Map.of(
                    "device", "gpu", "gpu-index", "0", "batch-size", "16", "learning-rate", "0.1"),
                3,
                Task.BINARY),
            clock)) {
      assertThat(learner.onGpu()).isFalse();
      learnAll(learner, train);
      assertThat(accuracy(learner, train)).isGreaterThan(0.9);
    }
  }
}
