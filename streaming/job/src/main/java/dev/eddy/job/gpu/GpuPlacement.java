package dev.eddy.job.gpu;

import dev.eddy.core.spec.JobSpec;
import dev.eddy.learners.tensorflow.DeviceSelection;
import dev.eddy.learners.tensorflow.TensorFlowLearnerConfig;
import org.apache.flink.configuration.ExternalResourceOptions;
import org.apache.flink.configuration.ReadableConfig;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.LocalStreamEnvironment;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides at job-build time whether the learner operator asks the cluster for a GPU, and if so puts
 * it in the slot-sharing group {@value #GROUP}, whose slots request one unit of Flink's external
 * resource {@value #RESOURCE} (fine-grained resource management: only TaskManagers that declare
 * {@code external-resources: gpu} can offer such a slot). The sinks added after the learner
 * (predictions, drift events, model versions) inherit the group and stay chained to it; the other
 * operators' {@code default} group gets a size too, so that it takes no GPU ({@link GpuSlots}).
 *
 * <p>The learner asks for a GPU when its type is a TensorFlow one ({@code tf-logistic}, {@code
 * tf-mlp}) and its {@code device} is
 *
 * <ul>
 *   <li>{@code gpu}: always (on a cluster without GPU TaskManagers the job then waits for slots);
 *   <li>{@code auto} (the default): when the configuration the job is built with — the cluster's
 *       {@code config.yaml} as read by {@code flink run} or by the JobManager for a REST submission
 *       — lists {@code gpu} in {@code external-resources}; the cluster is then expected to offer
 *       GPUs. Otherwise the learner stays in the default group and runs on the CPU.
 * </ul>
 *
 * A local MiniCluster ({@code bin/eddy run}, the demo) never gets the request: it has no external
 * resources, so the job would wait for a GPU slot forever; the learner runs on the CPU there.
 *
 * <p>One learner subtask takes one GPU, so the learner's parallelism needs as many GPU slots.
 */
public final class GpuPlacement {
  private static final Logger LOG = LoggerFactory.getLogger(GpuPlacement.class);

  /** The slot-sharing group of a learner on a GPU. */
  public static final String GROUP = "eddy-gpu";

  /** Flink's external resource name of GPUs (also in {@code external-resources}). */
  public static final String RESOURCE = "gpu";

  private GpuPlacement() {}

  /** Whether to ask for a GPU, and why. */
  record Decision(boolean requestGpu, String reason) {}

  /**
   * Puts {@code learner} in the GPU group when {@link #decide} says so, and logs the decision.
   *
   * @return whether the learner now requests a GPU
   */
  public static boolean apply(
      StreamExecutionEnvironment env, JobSpec spec, SingleOutputStreamOperator<?> learner) {
    Decision decision =
        decide(spec.learner(), env.getConfiguration(), env instanceof LocalStreamEnvironment);
    if (decision.requestGpu()) {
      env.registerSlotSharingGroup(GpuSlots.otherGroup(env.getConfiguration()));
      learner.slotSharingGroup(GpuSlots.gpuGroup(env.getConfiguration()));
      LOG.info("Learner '{}' requests a GPU: slot-sharing group {} with {}=1 ({})",
          spec.learner().type(), GROUP, RESOURCE, decision.reason());
    } else {
      LOG.info("Learner '{}' does not request a GPU ({})", spec.learner().type(), decision.reason());
    }
    return decision.requestGpu();
  }

  /** The decision described in the class comment; pure. */
  static Decision decide(JobSpec.Learner learner, ReadableConfig config, boolean localCluster) {
    if (!TensorFlowLearnerConfig.TYPES.contains(learner.type())) {
      return new Decision(false, "not a TensorFlow learner");
    }
    DeviceSelection device =
        DeviceSelection.parse(
            learner.params().getOrDefault("device", "auto"), learner.params().get("gpu-index"));
    if (!device.wantsGpu()) {
      return new Decision(false, "device=cpu");
    }
    if (localCluster) {
      return new Decision(false, "device=" + device.kind().specName()
          + ", but a local MiniCluster has no external resources; the learner runs on the CPU");
    }
    if (device.kind() == DeviceSelection.Kind.GPU) {
      return new Decision(true, "device=gpu");
    }
    boolean offered = config.get(ExternalResourceOptions.EXTERNAL_RESOURCE_LIST).contains(RESOURCE);
    return offered
        ? new Decision(true, "device=auto and the configuration lists external resource " + RESOURCE)
        : new Decision(false, "device=auto and the configuration lists no external resource "
            + RESOURCE + "; the learner runs on the CPU");
  }
}
