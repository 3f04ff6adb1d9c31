package dev.eddy.learners.tensorflow;

import dev.eddy.learners.codec.Framing;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The parameters of a dense network, in TensorFlow's float32 layout: for layer {@code l}, {@code
 * kernels[l]} is the {@code sizes[l] × sizes[l+1]} matrix in row-major order (the right operand of
 * {@code matMul(x, W)}) and {@code biases[l]} has {@code sizes[l+1]} entries.
 *
 * <p>This is the optimizer-independent model state that snapshots carry, merges average and the
 * Java forward pass reads. The arrays are filled in place after every training step.
 */
final class Weights {
  private final int[] sizes;
  final float[][] kernels;
  final float[][] biases;

  Weights(int[] sizes) {
    this.sizes = sizes.clone();
    this.kernels = new float[sizes.length - 1][];
    this.biases = new float[sizes.length - 1][];
    for (int l = 0; l < kernels.length; l++) {
      kernels[l] = new float[sizes[l] * sizes[l + 1]];
      biases[l] = new float[sizes[l + 1]];
    }
  }

  /**
   * Glorot-uniform kernels (Glorot and Bengio, 2010: U(±sqrt(6 / (fan_in + fan_out)))), zero
   * biases, drawn in Java from {@code seed} so that the same seed gives the same start on every
   * platform and device.
   */
  static Weights glorot(int[] sizes, long seed) {
    Weights weights = new Weights(sizes);
    SplittableRandom random = new SplittableRandom(seed);
    for (int l = 0; l < weights.layers(); l++) {
      double limit = Math.sqrt(6.0 / (sizes[l] + sizes[l + 1]));
      float[] kernel = weights.kernels[l];
      for (int i = 0; i < kernel.length; i++) {
        kernel[i] = (float) random.nextDouble(-limit, limit);
      }
    }
    return weights;
  }

  /** {@code sum_r shares[r] * parts[r]}, all parts having the same sizes. */
  static Weights average(List<Weights> parts, double[] shares) {
    Weights result = new Weights(parts.get(0).sizes);
    for (int l = 0; l < result.layers(); l++) {
      accumulate(result.kernels[l], parts, shares, l, true);
      accumulate(result.biases[l], parts, shares, l, false);
    }
    return result;
  }

  private static void accumulate(
      float[] target, List<Weights> parts, double[] shares, int layer, boolean kernel) {
    for (int i = 0; i < target.length; i++) {
      double sum = 0;
      for (int r = 0; r < parts.size(); r++) {
        Weights part = parts.get(r);
        sum += shares[r] * (kernel ? part.kernels[layer][i] : part.biases[layer][i]);
      }
      target[i] = (float) sum;
    }
  }

  /** Every array in the graph's variable order: kernel then bias, layer by layer (live views). */
  List<float[]> arrays() {
    List<float[]> arrays = new ArrayList<>(2 * layers());
    for (int l = 0; l < layers(); l++) {
      arrays.add(kernels[l]);
      arrays.add(biases[l]);
    }
    return arrays;
  }

  int layers() {
    return kernels.length;
  }

  /** Fan-in of layer {@code l}. */
  int inputs(int l) {
    return sizes[l];
  }

  /** Fan-out of layer {@code l}. */
  int outputs(int l) {
    return sizes[l + 1];
  }

  Weights copy() {
    Weights copy = new Weights(sizes);
    for (int l = 0; l < layers(); l++) {
      System.arraycopy(kernels[l], 0, copy.kernels[l], 0, kernels[l].length);
      System.arraycopy(biases[l], 0, copy.biases[l], 0, biases[l].length);
    }
    return copy;
  }

  /** Layer count, then each layer's fan-in, fan-out, kernel and bias. */
  void write(DataOutput out) throws IOException {
    out.writeInt(layers());
    for (int l = 0; l < layers(); l++) {
      out.writeInt(inputs(l));
      out.writeInt(outputs(l));
      Framing.writeFloats(out, kernels[l]);
      Framing.writeFloats(out, biases[l]);
    }
  }

  /** Reads weights written by {@link #write}, which must have the {@code expected} sizes. */
  static Weights read(DataInput in, int[] expected) throws IOException {
    int layers = in.readInt();
    if (layers != expected.length - 1) {
      throw new IOException(
          "snapshot has "
              + layers
              + " weight layers but the configuration needs "
              + (expected.length - 1)
              + " "
              + Arrays.toString(expected));
    }
    Weights weights = new Weights(expected);
    for (int l = 0; l < layers; l++) {
      int inputs = in.readInt();
      int outputs = in.readInt();
      if (inputs != expected[l] || outputs != expected[l + 1]) {
        throw new IOException(
            "snapshot weight layer "
                + l
                + " is "
                + inputs
                + "x"
                + outputs
                + " but the configuration needs "
                + expected[l]
                + "x"
                + expected[l + 1]);
      }
      Framing.readFloats(in, weights.kernels[l]);
      Framing.readFloats(in, weights.biases[l]);
    }
    return weights;
  }

}
