package dev.eddy.learners.tensorflow;

import dev.eddy.learners.Task;
import dev.eddy.learners.params.Param;
import dev.eddy.learners.params.ParamSet;
import dev.eddy.learners.params.ParamValues;
import dev.eddy.learners.tensorflow.TensorFlowLearnerConfig.Optimizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The hyperparameters of the TensorFlow learners, declared once, and the spec side of {@link
 * TensorFlowLearnerConfig}: parsing a job spec's string map with these declarations and rendering a
 * configuration back to it. The record checks each value against the same declarations, plus the
 * combinations no single parameter can (memory limits, device and GPU index).
 */
final class TensorFlowParams {
  private TensorFlowParams() {}

  static final Param<Integer> CLASSES = Param.integer("classes", 2,
      "number of classes, fixed by the graph: required for multiclass, 2 for binary")
      .atLeast(2).withoutDefault();
  static final Param<List<Integer>> HIDDEN = Param.integers("hidden", List.of(64, 32),
      "hidden ReLU layer sizes, input side first (tf-mlp)").in(1, TensorFlowLearnerConfig.MAX_LAYER);
  static final Param<Integer> BATCH_SIZE = Param.integer("batch-size", 64,
      "examples per training step").in(1, TensorFlowLearnerConfig.MAX_BATCH).log();
  static final Param<Long> MAX_WAIT = Param.longInteger("max-wait", 1000,
      "milliseconds a partial batch waits before it is trained; 0: only full batches").atLeast(0);
  static final Param<String> OPTIMIZER = Param.choice("optimizer", "adam", List.of("adam", "sgd"),
      "the optimizer of every training step");
  /** tf-mlp's: 0.01, within 0.4% of the best rate on six streams (BENCHMARKS.md, "Defaults ..."). */
  static final Param<Double> LEARNING_RATE = Param.real("learning-rate", 0.01,
      "the optimizer's step size").above(0).log();
  /** tf-logistic's: 0.1, within 1.7% of the best on the same streams, where 0.01 was 13% below on Elec2. */
  static final Param<Double> LOGISTIC_LEARNING_RATE = LEARNING_RATE.withDefault(0.1);
  static final Param<Long> SEED = Param.longInteger("seed", 42,
      "seed of the weight initialization");
  static final Param<String> DEVICE = Param.choice("device", "auto", List.of("cpu", "gpu", "auto"),
      "where the session runs; auto: a GPU when one is visible");
  static final Param<Integer> GPU_INDEX = Param.integer("gpu-index", 0,
      "which GPU (device gpu or auto); default: any").atLeast(0).withoutDefault();

  private static final ParamSet MLP = ParamSet.of(TensorFlowLearnerConfig.TF_MLP, CLASSES, HIDDEN,
      BATCH_SIZE, MAX_WAIT, OPTIMIZER, LEARNING_RATE, SEED, DEVICE, GPU_INDEX);
  private static final ParamSet LOGISTIC = ParamSet.of(TensorFlowLearnerConfig.TF_LOGISTIC,
      CLASSES, BATCH_SIZE, MAX_WAIT, OPTIMIZER, LOGISTIC_LEARNING_RATE, SEED, DEVICE, GPU_INDEX);

  /** The parameters of a TensorFlow learner type. */
  static ParamSet of(String type) {
    if (!TensorFlowLearnerConfig.TYPES.contains(type)) {
      throw new IllegalArgumentException(
          "type must be one of " + TensorFlowLearnerConfig.TYPES + " but was '" + type + "'");
    }
    return type.equals(TensorFlowLearnerConfig.TF_MLP) ? MLP : LOGISTIC;
  }

  static TensorFlowLearnerConfig parse(
      String type, Map<String, String> params, int dimension, Task task) {
    ParamValues in = of(type).parse(lowerCaseChoices(params));
    Integer classes = in.get(CLASSES);
    if (classes == null) {
      if (task == Task.MULTICLASS) {
        throw new IllegalArgumentException(type + ": classes must be given for a multiclass task");
      }
      classes = task == Task.BINARY ? 2 : 0;
    }
    DeviceSelection device;
    try {
      Integer gpu = in.get(GPU_INDEX);
      device = new DeviceSelection(DeviceSelection.Kind.valueOf(
          in.get(DEVICE).toUpperCase(Locale.ROOT)), gpu == null ? DeviceSelection.ANY_GPU : gpu);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(type + ": " + e.getMessage(), e);
    }
    return new TensorFlowLearnerConfig(
        type,
        task,
        dimension,
        classes,
        of(type).contains(HIDDEN) ? in.get(HIDDEN) : List.of(),
        in.get(BATCH_SIZE),
        in.get(MAX_WAIT),
        Optimizer.valueOf(in.get(OPTIMIZER).toUpperCase(Locale.ROOT)),
        in.get(of(type).contains(HIDDEN) ? LEARNING_RATE : LOGISTIC_LEARNING_RATE),
        in.get(SEED),
        device);
  }

  /** The optimizer and the device are read case-insensitively, as they always were. */
  private static Map<String, String> lowerCaseChoices(Map<String, String> params) {
    Map<String, String> out = new HashMap<>(params == null ? Map.of() : params);
    for (Param<String> choice : List.of(OPTIMIZER, DEVICE)) {
      out.computeIfPresent(choice.name(), (k, v) -> v.toLowerCase(Locale.ROOT));
    }
    return out;
  }

  /** The spec parameters of a configuration, in declaration order (render then parse is the identity). */
  static Map<String, String> render(TensorFlowLearnerConfig config) {
    DeviceSelection device = config.device();
    List<Object> values = new ArrayList<>();
    values.add(config.classes());
    if (of(config.type()).contains(HIDDEN)) {
      values.add(config.hidden());
    }
    values.add(config.batchSize());
    values.add(config.maxWaitMillis());
    values.add(config.optimizer().name().toLowerCase(Locale.ROOT));
    values.add(config.learningRate());
    values.add(config.seed());
    values.add(device.kind().specName());
    values.add(device.hasGpuIndex() ? device.gpuIndex() : null);
    return of(config.type()).render(values.toArray());
  }
}
