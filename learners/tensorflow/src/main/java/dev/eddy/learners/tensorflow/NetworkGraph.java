package dev.eddy.learners.tensorflow;

import dev.eddy.learners.Task;
import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * The TensorFlow graph of a dense classifier: inputs, ReLU hidden layers, a linear output layer,
 * the masked mean cross-entropy, one optimizer step, and the ops that read the variables after that
 * step and set them from Java.
 *
 * <p>Invariants: the batch dimension is left open and every batch is fed at full capacity with a
 * {@code mask} (1 for real rows, 0 for padding), so a partial batch reuses the preallocated tensors
 * and padding rows contribute neither loss nor gradient. The weight variables are listed in the
 * order of {@link Weights#arrays()} (kernel, bias, per layer); {@code updatedWeights} carry a
 * control dependency on {@code train}, so one {@code Session.run} both trains and returns the new
 * weights.
 */
final class NetworkGraph {
  final Placeholder<TFloat32> features;

  /** Float 0/1 labels for binary, int32 class indices for multiclass. */
  final Placeholder<?> labels;

  final Placeholder<TFloat32> mask;
  final Operand<TFloat32> logits;
  final Operand<TFloat32> loss;
  final Op train;
  final List<Operand<TFloat32>> updatedWeights = new ArrayList<>();
  final Assignable weights;
  final Assignable slots;

  /** Variables that Java can read (by fetching them) and set (by feeding {@code inputs}). */
  record Assignable(
      List<Variable<TFloat32>> variables, List<Placeholder<TFloat32>> inputs, List<Op> assigns) {

    static Assignable of(Ops tf, List<Variable<TFloat32>> variables) {
      List<Placeholder<TFloat32>> inputs = new ArrayList<>();
      List<Op> assigns = new ArrayList<>();
      for (Variable<TFloat32> variable : variables) {
        Placeholder<TFloat32> input =
            tf.placeholder(TFloat32.class, Placeholder.shape(variable.shape()));
        inputs.add(input);
        assigns.add(tf.assign(variable, input));
      }
      return new Assignable(List.copyOf(variables), List.copyOf(inputs), List.copyOf(assigns));
    }
  }

  NetworkGraph(Graph graph, TensorFlowLearnerConfig config) {
    Ops tf = Ops.create(graph);
    int[] sizes = config.layerSizes();
    features = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, sizes[0])));
    mask = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1)));
    List<Variable<TFloat32>> variables = new ArrayList<>();
    Operand<TFloat32> activation = features;
    for (int l = 0; l + 1 < sizes.length; l++) {
      Variable<TFloat32> kernel = tf.variable(Shape.of(sizes[l], sizes[l + 1]), TFloat32.class);
      Variable<TFloat32> bias = tf.variable(Shape.of(sizes[l + 1]), TFloat32.class);
      variables.add(kernel);
      variables.add(bias);
      activation = tf.math.add(tf.linalg.matMul(activation, kernel), bias);
      if (l + 2 < sizes.length) {
        activation = tf.nn.relu(activation);
      }
    }
    logits = activation;
    Operand<TFloat32> perExample;
    if (config.task() == Task.BINARY) {
      Placeholder<TFloat32> y = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1)));
      labels = y;
      perExample = sigmoidCrossEntropy(tf, tf.reshape(logits, tf.constant(new int[] {-1})), y);
    } else {
      // SparseSoftmaxCrossEntropyWithLogits has no C++ gradient: one-hot the labels instead.
      Placeholder<TInt32> y = tf.placeholder(TInt32.class, Placeholder.shape(Shape.of(-1)));
      labels = y;
      Operand<TFloat32> oneHot =
          tf.oneHot(y, tf.constant(config.classes()), tf.constant(1f), tf.constant(0f));
      perExample = tf.nn.softmaxCrossEntropyWithLogits(logits, oneHot).loss();
    }
    Operand<TInt32> axis = tf.constant(0);
    loss =
        tf.math.div(
            tf.sum(tf.math.mul(perExample, mask), axis),
            tf.math.maximum(tf.sum(mask, axis), tf.constant(1f)));
    OptimizerStep step = OptimizerStep.minimize(tf, loss, variables, config);
    train = step.train();
    Ops afterTraining = tf.withControlDependencies(List.of(train));
    for (Variable<TFloat32> variable : variables) {
      updatedWeights.add(afterTraining.identity(variable));
    }
    weights = Assignable.of(tf, variables);
    slots = Assignable.of(tf, step.slots());
  }

  /** {@code max(z, 0) - z * y + log(1 + exp(-|z|))}: the numerically stable form. */
  private static Operand<TFloat32> sigmoidCrossEntropy(
      Ops tf, Operand<TFloat32> z, Operand<TFloat32> y) {
    return tf.math.add(
        tf.math.sub(tf.math.maximum(z, tf.constant(0f)), tf.math.mul(z, y)),
        tf.math.log1p(tf.math.exp(tf.math.neg(tf.math.abs(z)))));
  }
}
