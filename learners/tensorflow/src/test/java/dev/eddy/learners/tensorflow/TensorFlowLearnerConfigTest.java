package dev.eddy.learners.tensorflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eddy.learners.Task;
import dev.eddy.learners.tensorflow.TensorFlowLearnerConfig.Optimizer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TensorFlowLearnerConfigTest {

  @Test
  void defaults() {
    TensorFlowLearnerConfig config =
        TensorFlowLearnerConfig.parse("tf-mlp", Map.of(), 8, Task.BINARY);
    assertThat(config.hidden()).containsExactly(64, 32);
    assertThat(config.batchSize()).isEqualTo(64);
    assertThat(config.maxWaitMillis()).isEqualTo(1000);
    assertThat(config.optimizer()).isEqualTo(Optimizer.ADAM);
    assertThat(config.learningRate()).isEqualTo(0.01);
    assertThat(config.seed()).isEqualTo(42);
    assertThat(config.device()).isEqualTo(DeviceSelection.AUTO);
    assertThat(config.layerSizes()).containsExactly(8, 64, 32, 1);
    assertThat(config.layout())
        .isEqualTo("tf-mlp[task=BINARY, dimension=8, classes=2, hidden=[64, 32]]");
    assertThat(TensorFlowLearnerConfig.parse("tf-logistic", Map.of(), 8, Task.BINARY).learningRate())
        .as("measured separately: BENCHMARKS.md").isEqualTo(0.1);
  }

  @Test
  void parsesEveryParameterAndRoundTripsThroughToParams() {
    Map<String, String> params =
        Map.of(
            "classes",
            "4",
            "batch-size",
            "256",
            "max-wait",
            "0",
            "optimizer",
            "SGD",
            "learning-rate",
            "0.5",
            "seed",
            "-7",
            "device",
            "gpu",
            "gpu-index",
            "1");
    TensorFlowLearnerConfig config =
        TensorFlowLearnerConfig.parse("tf-logistic", params, 3, Task.MULTICLASS);
    assertThat(config)
        .isEqualTo(
            new TensorFlowLearnerConfig(
                "tf-logistic",
                Task.MULTICLASS,
                3,
                4,
                List.of(),
                256,
                0,
                Optimizer.SGD,
                0.5,
                -7,
                new DeviceSelection(DeviceSelection.Kind.GPU, 1)));
    assertThat(config.layerSizes()).containsExactly(3, 4);
    assertThat(TensorFlowLearnerConfig.parse("tf-logistic", config.toParams(), 3, Task.MULTICLASS))
        .isEqualTo(config);
  }

  @ParameterizedTest(name = "{0}={1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "batch-size|0|tf-mlp: parameter batch-size must be in [1, 65536] but was 0",
        "batch-size|many|tf-mlp: parameter batch-size must be an integer but was 'many'",
        "max-wait|-1|tf-mlp: parameter max-wait must be >= 0 but was -1",
        "optimizer|rmsprop|tf-mlp: parameter optimizer must be one of adam, sgd but was 'rmsprop'",
        "learning-rate|0|tf-mlp: parameter learning-rate must be > 0 and finite but was 0.0",
        "learning-rate|NaN|tf-mlp: parameter learning-rate must be > 0 and finite but was NaN",
        "hidden|64,x|tf-mlp: parameter hidden must be comma-separated integers in [1, 4096], e.g."
            + " 64,32 but was '64,x'",
        "hidden|0|tf-mlp: parameter hidden must be comma-separated integers in [1, 4096] but was 0",
        "device|tpu|tf-mlp: parameter device must be one of cpu, gpu, auto but was 'tpu'",
        "gpu-index|-2|tf-mlp: parameter gpu-index must be >= 0 but was -2",
        "gpu-index|first|tf-mlp: parameter gpu-index must be an integer but was 'first'",
        "classes|3|tf-mlp: classes must be 2 for a binary task but was 3",
        "seed|1.5|tf-mlp: parameter seed must be an integer but was '1.5'",
        "momentum|0.9|tf-mlp: unknown parameter 'momentum'; allowed: classes, hidden, batch-size,"
            + " max-wait, optimizer, learning-rate, seed, device, gpu-index",
      })
  void rejectsABadValueNamingParameterAndValue(String name, String value, String message) {
    assertThatThrownBy(
            () -> TensorFlowLearnerConfig.parse("tf-mlp", Map.of(name, value), 8, Task.BINARY))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(message);
  }

  @Test
  void rejectsCombinationsAndTasksItCannotServe() {
    assertThatThrownBy(() -> parse("tf-logistic", Map.of("hidden", "8"), 4, Task.BINARY))
        .hasMessage(
            "tf-logistic: unknown parameter 'hidden'; allowed: classes, batch-size, max-wait, "
                + "optimizer, learning-rate, seed, device, gpu-index");
    assertThatThrownBy(
            () -> parse("tf-mlp", Map.of("device", "cpu", "gpu-index", "0"), 4, Task.BINARY))
        .hasMessage("tf-mlp: gpu-index=0 cannot be combined with device=cpu");
    assertThatThrownBy(() -> parse("tf-mlp", Map.of(), 4, Task.MULTICLASS))
        .hasMessage("tf-mlp: classes must be given for a multiclass task");
    assertThatThrownBy(() -> parse("tf-mlp", Map.of("classes", "1"), 4, Task.MULTICLASS))
        .hasMessage("tf-mlp: parameter classes must be >= 2 but was 1");
    assertThatThrownBy(() -> parse("tf-mlp", Map.of(), 4, Task.REGRESSION))
        .hasMessage("tf-mlp: task must be BINARY or MULTICLASS (a classifier) but was REGRESSION");
    assertThatThrownBy(() -> parse("tf-mlp", Map.of(), 0, Task.BINARY))
        .hasMessage("tf-mlp: dimension must be > 0 but was 0");
    assertThatThrownBy(() -> parse("tf-forest", Map.of(), 4, Task.BINARY))
        .hasMessage(
            "type must be one of " + TensorFlowLearnerConfig.TYPES + " but was 'tf-forest'");
  }

  @Test
  void rejectsBatchesAndModelsTooLargeForMemory() {
    assertThatThrownBy(
            () -> parse("tf-logistic", Map.of("batch-size", "1024"), 1 << 18, Task.BINARY))
        .hasMessage(
            "tf-logistic: batch-size must be such that batch-size × dimension (262144) "
                + "<= 16777216 but was 1024");
    assertThatThrownBy(
            () ->
                parse(
                    "tf-mlp", Map.of("hidden", "4096,4096", "batch-size", "1"), 4096, Task.BINARY))
        .hasMessageStartingWith(
            "tf-mlp: hidden must be such that the model has <= 16777216 "
                + "parameters with dimension 4096 but was [4096, 4096]");
  }

  private static TensorFlowLearnerConfig parse(
      String type, Map<String, String> params, int dim, Task task) {
    return TensorFlowLearnerConfig.parse(type, params, dim, task);
  }
}
