package dev.eddy.learners.tensorflow;

import dev.eddy.learners.Task;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.tensorflow.Graph;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * A {@link NetworkGraph} in a TensorFlow session placed by {@link TensorFlowRuntime}, with the
 * batch tensors allocated once: {@link #train} copies a {@link MiniBatch} into them and runs one
 * optimizer step. Owns native memory: {@link #close} releases it.
 */
final class ModelSession implements AutoCloseable {
  private final Graph graph;
  private final Session session;
  private final NetworkGraph network;
  private final boolean onGpu;
  private final TFloat32 featureTensor;
  private final TFloat32 maskTensor;
  private final Tensor labelTensor;
  private final float[] maskValues;
  private final int[] classLabels;

  /** Builds the graph and session; the variables hold nothing until {@link #assign}. */
  ModelSession(TensorFlowLearnerConfig config) {
    TensorFlowRuntime.version();
    onGpu = TensorFlowRuntime.placeOnGpu(config.device());
    int batch = config.batchSize();
    graph = new Graph();
    List<AutoCloseable> opened = new ArrayList<>(List.of(graph));
    try {
      network = new NetworkGraph(graph, config);
      Session created = new Session(graph, TensorFlowRuntime.sessionConfig(config.device()));
      opened.add(created);
      session = created;
      session.initialize();
      featureTensor = TFloat32.tensorOf(Shape.of(batch, config.dimension()));
      opened.add(featureTensor);
      maskTensor = TFloat32.tensorOf(Shape.of(batch));
      opened.add(maskTensor);
      boolean binary = config.task() == Task.BINARY;
      labelTensor = binary ? TFloat32.tensorOf(Shape.of(batch)) : TInt32.tensorOf(Shape.of(batch));
      opened.add(labelTensor);
    } catch (RuntimeException e) {
      Collections.reverse(opened);
      closeAll(opened, e);
      throw e;
    }
    maskValues = new float[batch];
    classLabels = config.task() == Task.BINARY ? null : new int[batch];
  }

  /** True when TensorFlow found a GPU for this session's device selection. */
  boolean onGpu() {
    return onGpu;
  }

  /** Sets every weight variable to {@code weights}. */
  void assign(Weights weights) {
    assign(network.weights, weights.arrays());
  }

  /** The optimizer's state (see {@link OptimizerStep#slots()}), one array per variable. */
  List<float[]> readOptimizerState() {
    List<float[]> state = new ArrayList<>();
    if (network.slots.variables().isEmpty()) {
      return state;
    }
    Session.Runner runner = session.runner();
    network.slots.variables().forEach(runner::fetch);
    try (Result result = runner.run()) {
      for (int i = 0; i < network.slots.variables().size(); i++) {
        float[] values = new float[(int) network.slots.variables().get(i).shape().size()];
        read(result.get(i), values);
        state.add(values);
      }
    }
    return state;
  }

  /** Element counts of the optimizer's state variables, in {@link #readOptimizerState} order. */
  int[] optimizerStateSizes() {
    return network.slots.variables().stream().mapToInt(v -> (int) v.shape().size()).toArray();
  }

  /** Sets the optimizer's state from arrays sized as {@link #optimizerStateSizes}. */
  void assignOptimizerState(List<float[]> state) {
    assign(network.slots, state);
  }

  private void assign(NetworkGraph.Assignable target, List<float[]> values) {
    if (target.variables().isEmpty()) {
      return;
    }
    List<Tensor> inputs = new ArrayList<>();
    try {
      Session.Runner runner = session.runner();
      for (int i = 0; i < values.size(); i++) {
        Placeholder<TFloat32> input = target.inputs().get(i);
        TFloat32 tensor = floats(input.shape(), values.get(i));
        inputs.add(tensor);
        runner.feed(input, tensor);
      }
      target.assigns().forEach(runner::addTarget);
      runner.run().close();
    } finally {
      inputs.forEach(Tensor::close);
    }
  }

  /**
   * One optimizer step on the batch's rows; the updated weights are written into {@code weights}.
   * Returns the batch's mean loss before the step.
   */
  float train(MiniBatch batch, Weights weights) {
    featureTensor.asRawTensor().data().asFloats().write(batch.features);
    Arrays.fill(maskValues, 0, batch.rows(), 1f);
    Arrays.fill(maskValues, batch.rows(), maskValues.length, 0f);
    maskTensor.asRawTensor().data().asFloats().write(maskValues);
    if (classLabels == null) {
      labelTensor.asRawTensor().data().asFloats().write(batch.labels);
    } else {
      for (int i = 0; i < classLabels.length; i++) {
        classLabels[i] = i < batch.rows() ? (int) batch.labels[i] : 0;
      }
      labelTensor.asRawTensor().data().asInts().write(classLabels);
    }
    Session.Runner runner =
        session
            .runner()
            .feed(network.features, featureTensor)
            .feed(network.labels, labelTensor)
            .feed(network.mask, maskTensor)
            .fetch(network.loss);
    network.updatedWeights.forEach(runner::fetch);
    try (Result result = runner.run()) {
      List<float[]> arrays = weights.arrays();
      for (int i = 0; i < arrays.size(); i++) {
        read(result.get(1 + i), arrays.get(i));
      }
      return ((TFloat32) result.get(0)).getFloat();
    }
  }

  /** TensorFlow's logits for {@code rows} dense rows (row-major); for tests and benchmarks. */
  float[] logits(float[] rows, int count, int outputs) {
    float[] out = new float[count * outputs];
    try (TFloat32 input = floats(Shape.of(count, rows.length / count), rows);
        Result result =
            session.runner().feed(network.features, input).fetch(network.logits).run()) {
      read(result.get(0), out);
    }
    return out;
  }

  @Override
  public void close() {
    closeAll(List.of(labelTensor, maskTensor, featureTensor, session, graph), null);
  }

  private static TFloat32 floats(Shape shape, float[] values) {
    return TFloat32.tensorOf(shape, DataBuffers.of(values, true, false));
  }

  private static void read(Tensor tensor, float[] into) {
    tensor.asRawTensor().data().asFloats().read(into);
  }

  /** Closes in order, keeping the first failure (added to {@code primary} when there is one). */
  private static void closeAll(List<? extends AutoCloseable> resources, RuntimeException primary) {
    RuntimeException failure = primary;
    for (AutoCloseable resource : resources) {
      try {
        resource.close();
      } catch (Exception e) {
        if (failure == null) {
          failure = new IllegalStateException("closing TensorFlow resources failed", e);
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    if (primary == null && failure != null) {
      throw failure;
    }
  }
}
