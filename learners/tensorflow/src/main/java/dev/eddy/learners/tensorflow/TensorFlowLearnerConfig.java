package dev.eddy.learners.tensorflow;

import dev.eddy.learners.Task;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The validated hyperparameters of a TensorFlow learner, immutable. Built from a job spec's string
 * map by {@link #parse}, which rejects unknown parameters and bad values with an {@link
 * IllegalArgumentException} naming the learner type, the parameter and the value; {@link #toParams}
 * gives the map back (so {@code parse(toParams())} is the identity).
 *
 * @param type {@value #TF_LOGISTIC} (logistic regression, softmax for multiclass) or {@value
 *     #TF_MLP} (ReLU hidden layers, then the same output layer)
 * @param task {@link Task#BINARY} or {@link Task#MULTICLASS}; these learners are classifiers
 * @param dimension number of input features
 * @param classes number of classes ({@code classes}): 2 for binary, at least 2 for multiclass
 * @param hidden hidden layer sizes ({@code hidden}, default {@code 64,32}); empty for tf-logistic
 * @param batchSize examples per training step ({@code batch-size}, default 64)
 * @param maxWaitMillis a partial batch is trained once its first example has waited this long
 *     ({@code max-wait}, default 1000 ms; 0 trains only full batches, for deterministic replays)
 * @param optimizer {@code adam} (default) or {@code sgd} ({@code optimizer})
 * @param learningRate step size ({@code learning-rate}, default 0.01)
 * @param seed seed of the weight initialization ({@code seed}, default 42)
 * @param device where the session runs ({@code device}, {@code gpu-index}; default auto)
 */
public record TensorFlowLearnerConfig(
    String type,
    Task task,
    int dimension,
    int classes,
    List<Integer> hidden,
    int batchSize,
    long maxWaitMillis,
    Optimizer optimizer,
    double learningRate,
    long seed,
    DeviceSelection device) {

  /** Logistic (softmax) regression. */
  public static final String TF_LOGISTIC = "tf-logistic";

  /** Multi-layer perceptron. */
  public static final String TF_MLP = "tf-mlp";

  /** The learner types these configurations describe. */
  public static final Set<String> TYPES = Set.of(TF_LOGISTIC, TF_MLP);

  /** Largest batch-size × dimension and largest parameter count (floats), 64 MiB each. */
  static final long MAX_FLOATS = 1L << 24;

  static final int MAX_BATCH = 1 << 16;
  static final int MAX_LAYER = 1 << 12;

  /** The optimizers, by spec name. */
  public enum Optimizer {
    ADAM,
    SGD
  }

  /** Validates every component; messages name the parameter and its value. */
  public TensorFlowLearnerConfig {
    if (!TYPES.contains(type)) {
      throw new IllegalArgumentException(
          "type must be one of " + TYPES + " but was '" + type + "'");
    }
    if (task != Task.BINARY && task != Task.MULTICLASS) {
      throw new IllegalArgumentException(
          type + ": task must be BINARY or MULTICLASS (a classifier) but was " + task);
    }
    check(type, dimension > 0, "dimension", dimension, "> 0");
    TensorFlowParams.CLASSES.check(type, classes);
    check(
        type,
        task == Task.BINARY ? classes == 2 : classes >= 2,
        "classes",
        classes,
        task == Task.BINARY ? "2 for a binary task" : ">= 2");
    hidden = List.copyOf(hidden);
    check(
        type,
        type.equals(TF_MLP) != hidden.isEmpty(),
        "hidden",
        hidden,
        type.equals(TF_MLP) ? "at least one layer" : "absent (tf-logistic has no hidden layer)");
    if (!hidden.isEmpty()) {
      TensorFlowParams.HIDDEN.check(type, hidden);
    }
    TensorFlowParams.BATCH_SIZE.check(type, batchSize);
    check(
        type,
        (long) batchSize * dimension <= MAX_FLOATS,
        "batch-size",
        batchSize,
        "such that batch-size × dimension (" + dimension + ") <= " + MAX_FLOATS);
    TensorFlowParams.MAX_WAIT.check(type, maxWaitMillis);
    check(type, optimizer != null, "optimizer", optimizer, "adam or sgd");
    TensorFlowParams.LEARNING_RATE.check(type, learningRate);
    check(type, device != null, "device", device, "cpu, gpu or auto");
    long parameters = 0;
    int[] sizes = layerSizes(dimension, hidden, task == Task.BINARY ? 1 : classes);
    for (int l = 0; l + 1 < sizes.length; l++) {
      parameters += (long) sizes[l] * sizes[l + 1] + sizes[l + 1];
    }
    check(
        type,
        parameters <= MAX_FLOATS,
        "hidden",
        hidden,
        "such that the model has <= " + MAX_FLOATS + " parameters with dimension " + dimension);
  }

  /**
   * Parses a job spec's hyperparameters for {@code type}.
   *
   * @throws IllegalArgumentException for an unknown parameter or a bad value, naming both
   */
  public static TensorFlowLearnerConfig parse(
      String type, Map<String, String> params, int dimension, Task task) {
    return TensorFlowParams.parse(type, params, dimension, task);
  }

  /** The hyperparameters by their spec names, in a stable order. */
  public Map<String, String> toParams() {
    return TensorFlowParams.render(this);
  }

  /** What replicas must share to be merged: the network's shape, not batching or placement. */
  public String layout() {
    return type
        + "[task="
        + task
        + ", dimension="
        + dimension
        + ", classes="
        + classes
        + (hidden.isEmpty() ? "" : ", hidden=" + hidden)
        + "]";
  }

  /** Units of the output layer: one logit for binary, one per class for multiclass. */
  public int outputs() {
    return task == Task.BINARY ? 1 : classes;
  }

  /** Sizes of every layer from input to output, e.g. {@code [dimension, 64, 32, 1]}. */
  public int[] layerSizes() {
    return layerSizes(dimension, hidden, outputs());
  }

  /** This configuration placed on another device (a restored learner on a new TaskManager). */
  public TensorFlowLearnerConfig withDevice(DeviceSelection newDevice) {
    return new TensorFlowLearnerConfig(
        type,
        task,
        dimension,
        classes,
        hidden,
        batchSize,
        maxWaitMillis,
        optimizer,
        learningRate,
        seed,
        newDevice);
  }

  private static int[] layerSizes(int dimension, List<Integer> hidden, int outputs) {
    int[] sizes = new int[hidden.size() + 2];
    sizes[0] = dimension;
    for (int l = 0; l < hidden.size(); l++) {
      sizes[l + 1] = hidden.get(l);
    }
    sizes[sizes.length - 1] = outputs;
    return sizes;
  }

  private static void check(String type, boolean ok, String name, Object value, String allowed) {
    if (!ok) {
      throw new IllegalArgumentException(
          type + ": " + name + " must be " + allowed + " but was " + value);
    }
  }
}
