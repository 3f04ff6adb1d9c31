package dev.eddy.job.gpu;

import dev.eddy.core.model.ModelConfig;
import dev.eddy.core.model.ModelState;
import dev.eddy.learners.OnlineLearner;
import dev.eddy.learners.tensorflow.DeviceSelection;
import dev.eddy.learners.tensorflow.TensorFlowLearnerConfig;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.flink.api.common.externalresource.ExternalResourceInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The device of one learner subtask, decided in the operator's {@code open()} from the GPUs Flink
 * gives the TaskManager ({@code getExternalResourceInfos("gpu")}, filled by the GPU driver plugin
 * from the discovery script), and the model configuration that follows from it.
 *
 * <p>For a TensorFlow learner whose spec {@code device} is {@code gpu} or {@code auto}: with a GPU,
 * the lowest index Flink offers is taken and written into the learner parameters ({@code device},
 * {@code gpu-index}), so every learner this subtask creates — fresh models, retrained ones, since
 * the retraining policies copy the champion's hyperparameters — pins its TensorFlow session to that
 * GPU ({@code gpu_options.visible_device_list}); without one, {@code device: cpu} and a log line. A
 * {@code cpu} spec, and every other learner, is left as it is. The index is exposed as the gauge
 * {@value #GAUGE_INDEX} (-1: CPU), whether TensorFlow really found the GPU as {@value #GAUGE_ON_GPU}.
 *
 * <p>Restored models keep the device recorded in their snapshot (the model state codec restores
 * learners as written); {@link #checkRestored}, called by the operator's periodic mini-batch pass,
 * logs once per subtask when that differs from this subtask's device.
 */
public final class LearnerDevice {
  private static final Logger LOG = LoggerFactory.getLogger(LearnerDevice.class);

  /** {@link #gpuIndex()} on the CPU. */
  public static final int CPU = -1;

  /** Gauge of the GPU index the learner uses, -1 on the CPU. */
  public static final String GAUGE_INDEX = "eddyGpuIndex";

  /** Gauge: 1 when TensorFlow found the assigned GPU, 0 when the learner runs on the CPU. */
  public static final String GAUGE_ON_GPU = "eddyLearnerOnGpu";

  private final ModelConfig config;
  private final DeviceSelection device; // null: not a TensorFlow learner
  private final boolean onGpu;
  private final String subtask;
  private boolean mismatchLogged;

  private LearnerDevice(ModelConfig config, DeviceSelection device, boolean onGpu, String subtask) {
    this.config = config;
    this.device = device;
    this.onGpu = onGpu;
    this.subtask = subtask;
  }

  /**
   * Decides the device of one subtask and logs it.
   *
   * @param gpus the TaskManager's GPUs as Flink reports them (each with property {@code index})
   * @param subtask the subtask's name, for the log
   */
  public static LearnerDevice open(ModelConfig config, Set<ExternalResourceInfo> gpus, String subtask) {
    if (!TensorFlowLearnerConfig.TYPES.contains(config.learnerType())) {
      return new LearnerDevice(config, null, false, subtask);
    }
    Map<String, String> params = config.learnerParams();
    DeviceSelection requested = DeviceSelection.parse(params.getOrDefault("device", "auto"), params.get("gpu-index"));
    int index = requested.wantsGpu() ? lowestIndex(gpus) : CPU;
    DeviceSelection device = index == CPU ? new DeviceSelection(DeviceSelection.Kind.CPU, DeviceSelection.ANY_GPU)
        : new DeviceSelection(requested.kind(), index);
    if (index != CPU) {
      LOG.info("{} received GPU index {} from Flink's external resource 'gpu'; TensorFlow session config: {}",
          subtask, index, TensorFlowPinning.sessionConfig(device));
    } else if (requested.wantsGpu()) {
      LOG.info("{} has no GPU (Flink's external resource 'gpu' is empty on this TaskManager): learner {} runs on the CPU",
          subtask, config.learnerType());
    }
    boolean onGpu = TensorFlowPinning.placeOnGpu(device);
    if (index != CPU) {
      LOG.info("{} learner {} on GPU index {}: TensorFlow {}", subtask, config.learnerType(), index,
          onGpu ? "runs on the GPU" : "finds no usable GPU, so it runs on the CPU");
    }
    return new LearnerDevice(withDevice(config, device), device, onGpu, subtask);
  }

  /** The lowest {@code index} property among {@code gpus}, or {@link #CPU} when there is none. */
  static int lowestIndex(Set<ExternalResourceInfo> gpus) {
    int lowest = CPU;
    for (ExternalResourceInfo gpu : gpus) {
      String text = gpu.getProperty("index").orElse(null);
      if (text == null || !text.matches("\\d{1,9}")) {
        throw new IllegalStateException("external resource 'gpu' has an invalid index: " + gpu);
      }
      int index = Integer.parseInt(text);
      lowest = lowest == CPU ? index : Math.min(lowest, index);
    }
    return lowest;
  }

  private static ModelConfig withDevice(ModelConfig config, DeviceSelection device) {
    Map<String, String> params = new LinkedHashMap<>(config.learnerParams());
    params.put("device", device.kind().specName());
    params.remove("gpu-index");
    if (device.hasGpuIndex()) {
      params.put("gpu-index", Integer.toString(device.gpuIndex()));
    }
    return config.withLearnerParams(params);
  }

  /** The model configuration of this subtask: the job's, with the learner placed on its device. */
  public ModelConfig config() {
    return config;
  }

  /** The GPU index the learner uses, or {@link #CPU}. */
  public int gpuIndex() {
    return device != null && device.hasGpuIndex() ? device.gpuIndex() : CPU;
  }

  /** Whether TensorFlow runs this subtask's learners on the GPU. */
  public boolean onGpu() {
    return onGpu;
  }

  /**
   * How often waiting mini-batches should be checked ({@link #flushIfDue}), in milliseconds: half of
   * the learner's {@code max-wait}, between 10 ms and 1 s; 0 when there is nothing to flush (not a
   * TensorFlow learner, or {@code max-wait: 0}).
   */
  public long flushPeriodMillis() {
    if (device == null) {
      return 0;
    }
    long maxWait = TensorFlowLearnerConfig.parse(
        config.learnerType(), config.learnerParams(), config.dimension(), config.task()).maxWaitMillis();
    return maxWait == 0 ? 0 : Math.max(10, Math.min(1000, maxWait / 2));
  }

  /** Trains the model's due mini-batches (see {@code TensorFlowLearner.flushIfDue}); true if any. */
  public boolean flushIfDue(ModelState model) {
    return device != null && TensorFlowPinning.flushIfDue(model);
  }

  /** Logs once per subtask when a restored model's TensorFlow learner is on another device. */
  public void checkRestored(ModelState model) {
    if (device == null || mismatchLogged) {
      return;
    }
    DeviceSelection restored = TensorFlowPinning.device(model);
    if (restored != null && !Objects.equals(restored, device)) {
      mismatchLogged = true;
      LOG.warn("{}: a restored {} model keeps the device of its snapshot ({}), not this subtask's ({});"
          + " models created here use {}", subtask, config.learnerType(), restored, device, device);
    }
  }

  /**
   * Releases the native resources of the model's learners (champion and challenger: a TensorFlow
   * learner's graph and session); idempotent. A failure to close is rethrown unchecked.
   */
  public static void release(ModelState model) {
    close(model.champion());
    close(model.policy().challenger());
  }

  private static void close(OnlineLearner learner) {
    if (learner instanceof AutoCloseable closeable) {
      try {
        closeable.close();
      } catch (Exception e) {
        throw new IllegalStateException("closing learner " + learner.type() + " failed", e);
      }
    }
  }
}
