package dev.eddy.learners.tensorflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eddy.learners.FeatureVector;
import dev.eddy.learners.Prediction;
import dev.eddy.learners.Task;
import dev.eddy.learners.tensorflow.SyntheticStream.Example;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Snapshots of format version 1, committed under {@code src/test/resources/golden/}, must keep
 * restoring to learners that predict exactly what they predicted when written. {@link #main} wrote
 * them (run it only when a new format version ships, into new files).
 */
class GoldenSnapshotTest {
  private static final String MLP = "golden/tf-mlp-binary-v1.state";
  private static final String SOFTMAX = "golden/tf-logistic-multiclass-v1.state";
  private static final FeatureVector PROBE_A = FeatureVector.dense(new double[] {1, -0.5, 0.25});
  private static final FeatureVector PROBE_B =
      FeatureVector.sparse(3, new int[] {2}, new double[] {-2}, 1);

  /** A newly registered TensorFlow learner type must ship a golden snapshot of its format. */
  @Test
  void everyRegisteredTensorFlowTypeHasAGoldenSnapshot() {
    assertThat(List.of(MLP, SOFTMAX))
        .extracting(path -> path.substring("golden/".length(), path.indexOf("-", 10)))
        .containsExactlyInAnyOrderElementsOf(TensorFlowLearnerConfig.TYPES);
  }

  @Test
  void anMlpSnapshotOfVersion1Restores() throws IOException {
    try (TensorFlowLearner learner = read("tf-mlp", MLP)) {
      assertThat(learner.config())
          .isEqualTo(
              Fixtures.config(
                  "tf-mlp",
                  Map.of("hidden", "4", "batch-size", "8", "max-wait", "0"),
                  3,
                  Task.BINARY));
      assertThat(learner.examplesSeen()).isEqualTo(45);
      assertThat(learner.trainingSteps()).isEqualTo(5);
      assertThat(learner.pendingExamples()).isEqualTo(5);
      assertThat(learner.predict(PROBE_A))
          .isEqualTo(new Prediction(-0.022960676964333123, 0, 0.49426008292689294));
      assertThat(learner.predict(PROBE_B))
          .isEqualTo(new Prediction(0.35626278772379255, 1, 0.5881354602633581));
    }
  }

  @Test
  void aSoftmaxSnapshotOfVersion1Restores() throws IOException {
    try (TensorFlowLearner learner = read("tf-logistic", SOFTMAX)) {
      assertThat(learner.config().optimizer()).isEqualTo(TensorFlowLearnerConfig.Optimizer.SGD);
      assertThat(learner.examplesSeen()).isEqualTo(45);
      // the golden scalars; the class scores and softmax probabilities came later (checked by the contract)
      Prediction a = learner.predict(PROBE_A);
      assertThat(new Prediction(a.score(), a.label(), a.probability()))
          .isEqualTo(new Prediction(0.4842620547860861, 0, Double.NaN));
      Prediction b = learner.predict(PROBE_B);
      assertThat(new Prediction(b.score(), b.label(), b.probability()))
          .isEqualTo(new Prediction(1.125686278566718, 0, Double.NaN));
      assertThat(b.classScores()[0]).isEqualTo(b.score());
    }
  }

  private static TensorFlowLearner read(String type, String resource) throws IOException {
    try (InputStream in = GoldenSnapshotTest.class.getClassLoader().getResourceAsStream(resource)) {
      return new TensorFlowLearnerProvider().readState(type, SnapshotTest.input(in.readAllBytes()));
    }
  }

  /** Writes the golden files into {@code args[0]} (e.g. src/test/resources/golden). */
  public static void main(String[] args) throws IOException {
    write(
        Path.of(args[0]),
        "tf-mlp",
        Map.of("hidden", "4", "batch-size", "8", "max-wait", "0"),
        Task.BINARY,
        SyntheticStream.linearBinary(45, 3, 40),
        MLP);
    write(
        Path.of(args[0]),
        "tf-logistic",
        Map.of("classes", "3", "optimizer", "sgd", "batch-size", "8", "max-wait", "0"),
        Task.MULTICLASS,
        SyntheticStream.linearMulticlass(45, 3, 3, 41),
        SOFTMAX);
  }

  private static void write(
      Path dir,
      String type,
      Map<String, String> params,
      Task task,
      Example[] examples,
      String resource)
      throws IOException {
    try (TensorFlowLearner learner = new TensorFlowLearnerProvider().create(type, params, 3, task);
        OutputStream out = Files.newOutputStream(dir.resolve(Path.of(resource).getFileName()))) {
      Arrays.stream(examples).forEach(e -> learner.learn(e.x(), e.label()));
      new TensorFlowLearnerProvider().writeState(learner, new DataOutputStream(out));
      System.out.println(
          resource + ": " + learner.predict(PROBE_A) + " " + learner.predict(PROBE_B));
    }
  }
}
