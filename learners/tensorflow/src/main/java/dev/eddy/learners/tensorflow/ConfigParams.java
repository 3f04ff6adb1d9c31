package dev.eddy.learners.tensorflow;

import dev.eddy.learners.Task;
import dev.eddy.learners.tensorflow.TensorFlowLearnerConfig.Optimizer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The spec side of {@link TensorFlowLearnerConfig}: parsing a job spec's string map (defaults,
 * types, unknown names) and rendering a configuration back to it. The record itself checks the
 * ranges and combinations.
 */
final class ConfigParams {
  private ConfigParams() {}

  static TensorFlowLearnerConfig parse(
      String type, Map<String, String> params, int dimension, Task task) {
    ParamReader in = new ParamReader(type, params);
    String classesText = in.string("classes");
    int classes = task == Task.BINARY ? 2 : 0;
    if (classesText != null) {
      classes = parseClasses(type, classesText);
    } else if (task == Task.MULTICLASS) {
      throw new IllegalArgumentException(type + ": classes must be given for a multiclass task");
    }
    List<Integer> hidden =
        TensorFlowLearnerConfig.TF_MLP.equals(type)
            ? in.sizes("hidden", "64,32", TensorFlowLearnerConfig.MAX_LAYER)
            : List.of();
    int batchSize = in.intIn("batch-size", 64, 1, TensorFlowLearnerConfig.MAX_BATCH);
    long maxWait = in.longAtLeast("max-wait", 1000, 0);
    String optimizerText = in.string("optimizer", "adam");
    Optimizer optimizer;
    try {
      optimizer = Optimizer.valueOf(optimizerText.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw in.fail("optimizer", optimizerText, "adam or sgd");
    }
    double learningRate = in.positive("learning-rate", 0.01);
    long seed = in.anyLong("seed", 42);
    DeviceSelection device;
    try {
      device = DeviceSelection.parse(in.string("device", "auto"), in.string("gpu-index"));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(type + ": " + e.getMessage(), e);
    }
    in.requireAllRead();
    return new TensorFlowLearnerConfig(
        type,
        task,
        dimension,
        classes,
        hidden,
        batchSize,
        maxWait,
        optimizer,
        learningRate,
        seed,
        device);
  }

  static Map<String, String> render(TensorFlowLearnerConfig config) {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("classes", Integer.toString(config.classes()));
    if (!config.hidden().isEmpty()) {
      params.put(
          "hidden", String.join(",", config.hidden().stream().map(String::valueOf).toList()));
    }
    params.put("batch-size", Integer.toString(config.batchSize()));
    params.put("max-wait", Long.toString(config.maxWaitMillis()));
    params.put("optimizer", config.optimizer().name().toLowerCase(Locale.ROOT));
    params.put("learning-rate", Double.toString(config.learningRate()));
    params.put("seed", Long.toString(config.seed()));
    params.put("device", config.device().kind().specName());
    if (config.device().hasGpuIndex()) {
      params.put("gpu-index", Integer.toString(config.device().gpuIndex()));
    }
    return params;
  }

  private static int parseClasses(String type, String text) {
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          type + ": classes must be an integer >= 2 but was '" + text + "'", e);
    }
  }
}
