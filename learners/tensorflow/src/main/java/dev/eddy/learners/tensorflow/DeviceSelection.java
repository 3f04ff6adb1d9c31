package dev.eddy.learners.tensorflow;

import java.util.Locale;

/**
 * Where a learner's TensorFlow session should run: the {@code device} hyperparameter ({@code cpu},
 * {@code gpu} or {@code auto}) and the optional {@code gpu-index} (the GPU that Flink assigned to
 * the operator's slot, from its external resource info).
 *
 * <p>{@code gpu} and {@code auto} build the same session configuration (that GPU visible, memory
 * grown on demand, soft placement); they differ only in what the job asks the cluster for ({@code
 * gpu} requires a GPU slot, {@code auto} takes one when the cluster offers it). Neither fails where
 * TensorFlow finds no GPU: the session then runs on the CPU and {@link TensorFlowRuntime} logs that
 * once. {@code cpu} hides every GPU from the session.
 *
 * @param kind the requested kind of device
 * @param gpuIndex the GPU to use, or {@link #ANY_GPU} to let TensorFlow see every GPU
 */
public record DeviceSelection(Kind kind, int gpuIndex) {

  /** {@link #gpuIndex()} when no index was given. */
  public static final int ANY_GPU = -1;

  /** The selection used when the spec says nothing: {@code auto}, any GPU. */
  public static final DeviceSelection AUTO = new DeviceSelection(Kind.AUTO, ANY_GPU);

  /** The kinds of device, by their spec names. */
  public enum Kind {
    CPU,
    GPU,
    AUTO;

    /** The spec name, e.g. {@code gpu}. */
    public String specName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** Validates: a GPU index is {@code >= 0} and is only given with {@code gpu} or {@code auto}. */
  public DeviceSelection {
    if (kind == null) {
      throw new IllegalArgumentException("device must be one of cpu, gpu, auto but was null");
    }
    if (gpuIndex < ANY_GPU) {
      throw new IllegalArgumentException("gpu-index must be >= 0 but was " + gpuIndex);
    }
    if (kind == Kind.CPU && gpuIndex != ANY_GPU) {
      throw new IllegalArgumentException(
          "gpu-index=" + gpuIndex + " cannot be combined with device=cpu");
    }
  }

  /**
   * Parses the spec values; {@code gpuIndex} may be null (no index).
   *
   * @throws IllegalArgumentException naming the parameter and its value
   */
  public static DeviceSelection parse(String device, String gpuIndex) {
    Kind kind;
    try {
      kind = Kind.valueOf(device.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "device must be one of cpu, gpu, auto but was '" + device + "'", e);
    }
    if (gpuIndex == null) {
      return new DeviceSelection(kind, ANY_GPU);
    }
    try {
      return new DeviceSelection(kind, Integer.parseInt(gpuIndex.trim()));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "gpu-index must be an integer >= 0 but was '" + gpuIndex + "'", e);
    }
  }

  /** True when the session may use a GPU. */
  public boolean wantsGpu() {
    return kind != Kind.CPU;
  }

  /** True when a particular GPU was named. */
  public boolean hasGpuIndex() {
    return gpuIndex != ANY_GPU;
  }

  @Override
  public String toString() {
    return hasGpuIndex() ? kind.specName() + ":" + gpuIndex : kind.specName();
  }
}
