package dev.eddy.learners.tensorflow;

import dev.eddy.learners.FeatureVector;

/**
 * The network's forward pass in plain Java, from a copy of the weights taken after each training
 * step, so that predicting one event costs no TensorFlow call.
 *
 * <p>Why: one {@code Session.run} for a single row costs over 100 µs here (JNI, graph executor,
 * tensor allocation), while this loop costs about {@code dimension × hidden[0]} multiply-adds (0.1
 * µs for tf-logistic, a few µs for a 32→64→32→1 tf-mlp; BENCHMARKS.md) and, through {@link
 * FeatureVector#dot}, touches only the non-zeros of a sparse vector. It computes in double from the
 * float32 weights; it agrees with TensorFlow's float32 logits within 1e-4 (tested), and it is
 * exactly reproducible from the weights, so a restored learner predicts identically.
 *
 * <p>Not thread-safe: it reuses its activation buffers; the returned logits are valid until the
 * next call.
 */
final class JavaForward {
  /**
   * {@code units[l][j]} are the weights into unit {@code j} of layer {@code l} (a kernel column).
   */
  private final double[][][] units;

  private final double[][] biases;
  private final double[][] activations;

  JavaForward(Weights weights) {
    int layers = weights.layers();
    units = new double[layers][][];
    biases = new double[layers][];
    activations = new double[layers][];
    for (int l = 0; l < layers; l++) {
      units[l] = new double[weights.outputs(l)][weights.inputs(l)];
      biases[l] = new double[weights.outputs(l)];
      activations[l] = new double[weights.outputs(l)];
    }
    refresh(weights);
  }

  /** Copies (and transposes) the current weights. */
  void refresh(Weights weights) {
    for (int l = 0; l < units.length; l++) {
      float[] kernel = weights.kernels[l];
      int outputs = weights.outputs(l);
      double[][] layer = units[l];
      for (int i = 0, in = weights.inputs(l); i < in; i++) {
        int row = i * outputs;
        for (int j = 0; j < outputs; j++) {
          layer[j][i] = kernel[row + j];
        }
      }
      float[] bias = weights.biases[l];
      for (int j = 0; j < outputs; j++) {
        biases[l][j] = bias[j];
      }
    }
  }

  /** The output layer's logits for {@code x}: ReLU hidden layers, linear output. */
  double[] logits(FeatureVector x) {
    double[] first = activations[0];
    for (int j = 0; j < first.length; j++) {
      first[j] = x.dot(units[0][j]) + biases[0][j];
    }
    for (int l = 1; l < units.length; l++) {
      relu(activations[l - 1]);
      double[] input = activations[l - 1];
      double[] output = activations[l];
      for (int j = 0; j < output.length; j++) {
        double[] w = units[l][j];
        double sum = biases[l][j];
        for (int i = 0; i < input.length; i++) {
          sum += w[i] * input[i];
        }
        output[j] = sum;
      }
    }
    return activations[units.length - 1];
  }

  private static void relu(double[] values) {
    for (int i = 0; i < values.length; i++) {
      values[i] = Math.max(values[i], 0);
    }
  }
}
