package dev.eddy.learners.tensorflow;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tensorflow.DeviceSpec;
import org.tensorflow.Graph;
import org.tensorflow.Session;
import org.tensorflow.TensorFlow;
import org.tensorflow.exceptions.TensorFlowException;
import org.tensorflow.op.Ops;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.proto.GPUOptions;

/**
 * The one place that touches TensorFlow's process-wide state: loading its native library and
 * building session configurations for a {@link DeviceSelection}.
 *
 * <p><b>Loading once per JVM.</b> The native library (about 650 MB unpacked into the JavaCPP cache,
 * {@code -Dorg.bytedeco.javacpp.cachedir}) is loaded by the static initializer of TensorFlow's own
 * classes; {@link #version()} triggers it through a holder class, so the first learner pays it
 * (about 3.5 s here) and every later one finds it loaded. That makes it once per <em>class
 * loader</em> that defines {@code org.tensorflow} and {@code org.bytedeco}: loading the same
 * library from a second class loader in one process aborts the JVM ({@code libprotobuf FATAL ...
 * File already exists in database}). In Flink the TensorFlow jars ({@code tensorflow-core-api},
 * {@code tensorflow-core-native} and its classifier jar, {@code ndarray}, {@code javacpp}, {@code
 * protobuf-java}) therefore go on the TaskManager's own classpath (Flink's {@code lib/}) and never
 * into a job jar; with them out of the job jar, Flink's child-first loading finds them in the
 * parent, and job restarts and further jobs in the same TaskManager reuse the loaded library. If a
 * job jar must carry them, {@code classloader.parent-first-patterns.additional:
 * org.tensorflow.;org.bytedeco.;com.google.protobuf.} is required instead.
 *
 * <p><b>Devices.</b> {@link #sessionConfig} makes the selected GPU the only visible one ({@code
 * gpu_options.visible_device_list}), grows GPU memory on demand ({@code allow_growth}, so that
 * several sessions share a GPU) and turns soft placement on, so that ops without a GPU kernel — and
 * every op on the CPU build — fall back to the CPU. {@link #placeOnGpu} probes once per JVM and
 * visible-device list whether a GPU is really there, and logs once per JVM when a session runs on
 * the CPU.
 */
public final class TensorFlowRuntime {
  private static final Logger LOG = LoggerFactory.getLogger(TensorFlowRuntime.class);
  private static final AtomicBoolean CPU_LOGGED = new AtomicBoolean();
  private static final Map<String, Boolean> GPU_PROBES = new ConcurrentHashMap<>();

  private TensorFlowRuntime() {}

  /** Loads the native library on first use (class initialization is thread-safe and runs once). */
  private static final class NativeLibrary {
    static final String VERSION;

    static {
      long start = System.nanoTime();
      VERSION = TensorFlow.version();
      LOG.info(
          "TensorFlow {} native library loaded in {} ms",
          VERSION,
          (System.nanoTime() - start) / 1_000_000);
    }
  }

  /** Loads TensorFlow's native library if this JVM has not yet, and returns its version. */
  public static String version() {
    return NativeLibrary.VERSION;
  }

  /** The session configuration for a device selection (valid on the CPU and the GPU build). */
  public static ConfigProto sessionConfig(DeviceSelection device) {
    ConfigProto.Builder config = ConfigProto.newBuilder().setAllowSoftPlacement(true);
    if (!device.wantsGpu()) {
      return config.putDeviceCount("GPU", 0).build();
    }
    GPUOptions.Builder gpu = GPUOptions.newBuilder().setAllowGrowth(true);
    if (device.hasGpuIndex()) {
      gpu.setVisibleDeviceList(Integer.toString(device.gpuIndex()));
    }
    return config.setGpuOptions(gpu).build();
  }

  /**
   * Whether a session for this selection will run on a GPU. Probes TensorFlow once per JVM and
   * visible-device list (a constant pinned to the first visible GPU, without soft placement), and
   * logs once per JVM when a learner runs on the CPU, with the reason.
   */
  public static boolean placeOnGpu(DeviceSelection device) {
    version();
    boolean gpu =
        device.wantsGpu()
            && GPU_PROBES.computeIfAbsent(
                sessionConfig(device).getGpuOptions().getVisibleDeviceList(),
                visible -> probeGpu(device));
    if (!gpu && CPU_LOGGED.compareAndSet(false, true)) {
      LOG.info(
          "TensorFlow {} learners run on the CPU in this JVM (device={}{})",
          version(),
          device,
          device.wantsGpu() ? ", but TensorFlow finds no usable GPU" : "");
    }
    return gpu;
  }

  private static boolean probeGpu(DeviceSelection device) {
    ConfigProto strict = sessionConfig(device).toBuilder().setAllowSoftPlacement(false).build();
    DeviceSpec firstGpu =
        DeviceSpec.newBuilder().deviceType(DeviceSpec.DeviceType.GPU).deviceIndex(0).build();
    try (Graph graph = new Graph();
        Session session = new Session(graph, strict)) {
      Ops tf = Ops.create(graph).withDevice(firstGpu);
      session.runner().fetch(tf.constant(1f)).run().close();
      LOG.info("TensorFlow {} found a GPU for device={}", version(), device);
      return true;
    } catch (TensorFlowException | IllegalArgumentException e) {
      LOG.info("TensorFlow {} has no GPU for device={}: {}", version(), device, e.getMessage());
      return false;
    }
  }
}
