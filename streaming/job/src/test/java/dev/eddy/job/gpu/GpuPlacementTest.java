package dev.eddy.job.gpu;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eddy.core.spec.JobSpec;
import dev.eddy.core.spec.JobSpecReader;
import dev.eddy.job.EddyJob;
import java.math.BigDecimal;
import java.util.Map;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.runtime.clusterframework.types.ResourceProfile;
import org.apache.flink.runtime.jobgraph.JobGraph;
import org.apache.flink.runtime.jobgraph.JobVertex;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.graph.StreamGraph;
import org.apache.flink.streaming.api.graph.StreamNode;
import org.junit.jupiter.api.Test;

/**
 * The job graph {@link EddyJob#build} makes, for each {@code learner.device}: where the learner
 * operator's slot-sharing group is and what its slots request. Built against a remote environment
 * (nothing is submitted), as on a real cluster; the local MiniCluster case is checked too.
 */
class GpuPlacementTest {

  private static JobSpec spec(String learner) {
    return JobSpecReader.parse("""
        name: gpu-placement
        kafka: {bootstrap: "127.0.0.1:9092"}
        features: [x1, x2, x3]
        learner: %s
        parallelism: 2
        """.formatted(learner));
  }

  /** The stream graph of the job on a (never contacted) remote cluster with this configuration. */
  private static StreamGraph build(JobSpec spec, Configuration conf) {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createRemoteEnvironment("127.0.0.1", 1, conf);
    EddyJob.build(env, spec, true);
    return env.getStreamGraph();
  }

  private static StreamNode node(StreamGraph graph, String namePrefix) {
    return graph.getStreamNodes().stream()
        .filter(n -> n.getOperatorName().startsWith(namePrefix))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no operator named " + namePrefix + "* in " + graph.getStreamNodes()));
  }

  private static JobVertex learnerVertex(StreamGraph graph) {
    JobGraph job = graph.getJobGraph();
    for (JobVertex vertex : job.getVertices()) {
      if (vertex.getName().contains("learner")) {
        return vertex;
      }
    }
    throw new AssertionError("no learner vertex");
  }

  @Test
  void gpuDevicePutsTheLearnerAndItsSinksInTheGpuGroupRequestingOneGpu() {
    Configuration conf = new Configuration();
    conf.set(GpuSlots.MANAGED, MemorySize.ofMebiBytes(96));
    conf.set(GpuSlots.OTHER_TASK_HEAP, MemorySize.ofMebiBytes(64));
    StreamGraph graph = build(spec("{type: tf-logistic, device: gpu}"), conf);

    assertThat(node(graph, "learner").getSlotSharingGroup()).isEqualTo(GpuPlacement.GROUP);
    assertThat(node(graph, "predictions").getSlotSharingGroup()).isEqualTo(GpuPlacement.GROUP);
    assertThat(node(graph, "decode").getSlotSharingGroup()).isEqualTo("default");
    assertThat(node(graph, "Source: events").getSlotSharingGroup()).isEqualTo("default");
    assertThat(node(graph, "drift:").getSlotSharingGroup()).isEqualTo(GpuPlacement.GROUP);

    ResourceProfile slot = graph.getSlotSharingGroupResource(GpuPlacement.GROUP).orElseThrow();
    assertThat(slot.getExtendedResources()).containsOnlyKeys("gpu");
    assertThat(slot.getExtendedResources().get("gpu").getValue()).isEqualByComparingTo(BigDecimal.ONE);
    assertThat(slot.getCpuCores().getValue()).isEqualByComparingTo(BigDecimal.ONE);
    assertThat(slot.getTaskHeapMemory()).isEqualTo(MemorySize.ofMebiBytes(256));
    assertThat(slot.getManagedMemory()).isEqualTo(MemorySize.ofMebiBytes(96));

    ResourceProfile other = graph.getSlotSharingGroupResource("default").orElseThrow();
    assertThat(other.getExtendedResources()).isEmpty();
    assertThat(other.getTaskHeapMemory()).isEqualTo(MemorySize.ofMebiBytes(64));
    assertThat(other.getManagedMemory()).isEqualTo(MemorySize.ZERO);

    JobVertex learner = learnerVertex(graph);
    assertThat(learner.getParallelism()).isEqualTo(2);
    assertThat(learner.getSlotSharingGroup().getResourceProfile()).isEqualTo(slot);
  }

  @Test
  void cpuDeviceAndPureLearnersStayInTheDefaultGroup() {
    for (String learner : new String[] {"{type: tf-mlp, device: cpu}", "{type: pa-i}"}) {
      StreamGraph graph = build(spec(learner), new Configuration());
      assertThat(node(graph, "learner").getSlotSharingGroup()).as(learner).isEqualTo("default");
      assertThat(graph.getSlotSharingGroupResource(GpuPlacement.GROUP)).as(learner).isEmpty();
      assertThat(graph.getSlotSharingGroupResource("default")).as(learner).isEmpty();
      assertThat(learnerVertex(graph).getSlotSharingGroup().getResourceProfile())
          .as(learner).isEqualTo(ResourceProfile.UNKNOWN);
    }
  }

  @Test
  void autoRequestsAGpuOnlyWhenTheClusterConfigurationDeclaresGpus() {
    Configuration withGpus = Configuration.fromMap(Map.of("external-resources", "gpu"));
    assertThat(node(build(spec("{type: tf-logistic}"), withGpus), "learner").getSlotSharingGroup())
        .isEqualTo(GpuPlacement.GROUP);
    assertThat(node(build(spec("{type: tf-logistic, device: auto}"), new Configuration()), "learner")
        .getSlotSharingGroup()).isEqualTo("default");
    Configuration other = Configuration.fromMap(Map.of("external-resources", "fpga"));
    assertThat(GpuPlacement.decide(spec("{type: tf-mlp}").learner(), other, false))
        .isEqualTo(new GpuPlacement.Decision(false,
            "device=auto and the configuration lists no external resource gpu; the learner runs on the CPU"));
  }

  @Test
  void aLocalMiniClusterNeverGetsTheRequest() {
    StreamExecutionEnvironment local = StreamExecutionEnvironment.createLocalEnvironment(1);
    EddyJob.build(local, spec("{type: tf-logistic, device: gpu}"), true);
    StreamGraph graph = local.getStreamGraph();
    assertThat(node(graph, "learner").getSlotSharingGroup()).isEqualTo("default");
    assertThat(GpuPlacement.decide(spec("{type: tf-logistic, device: gpu}").learner(), new Configuration(), true)
        .reason()).contains("a local MiniCluster has no external resources");
  }
}
