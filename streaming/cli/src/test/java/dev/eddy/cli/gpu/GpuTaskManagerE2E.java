package dev.eddy.cli.gpu;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.eddy.cli.KafkaTestSupport;
import dev.eddy.cli.cluster.ClusterOptions;
import dev.eddy.cli.cluster.FlinkDistribution;
import dev.eddy.cli.cluster.StandaloneCluster;
import dev.eddy.cli.workload.SeededWorkload;
import dev.eddy.core.kafka.CheckedProducer;
import dev.eddy.core.kafka.KafkaConnection;
import dev.eddy.core.spec.JobSpec;
import dev.eddy.core.spec.JobSpecReader;
import dev.eddy.job.gpu.LearnerDevice;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The GPU path on real processes, on this GPU-less machine: a standalone cluster whose one
 * TaskManager runs with {@code flink-conf/gpu-taskmanager.yaml}, Eddy's GPU driver plugin in its
 * plugins directory and a test discovery script that reports GPU 0, TensorFlow on its own classpath
 * ({@code taskmanager-lib.txt}); a Kafka broker in this JVM.
 *
 * <p>Three TensorFlow jobs run one after the other in that TaskManager: {@code tf-logistic} with
 * {@code device: gpu}; the same job stopped with a savepoint and started again from it; a second
 * job, {@code tf-mlp} with {@code device: auto}, built with the cluster's configuration. Each must
 * land in the GPU slot, receive index 0, build its TensorFlow session config for it, run on the CPU
 * and say so, and predict every event — while TensorFlow's native library is loaded once, by the
 * same TaskManager process, which survives all three.
 *
 * <p>The jobs are built here and submitted as a job graph with the job jar, as {@code flink run}
 * does: validating a TensorFlow spec builds a learner, which the JobManager, without TensorFlow on
 * its classpath, could not do for a REST submission.
 */
class GpuTaskManagerE2E {
  static final int EVENTS = 2000;
  static Path dir;
  @RegisterExtension static final KafkaTestSupport kafka = new KafkaTestSupport();
  static StandaloneCluster cluster;
  static FlinkDistribution dist;
  static ClusterProbe probe;

  @BeforeAll
  static void start() throws Exception {
    dist = FlinkDistribution.locate();
    Path root = Path.of(System.getProperty("eddy.e2e.dir", "target/e2e"));
    dir = Files.createDirectories(root.resolve("gpu-" + System.currentTimeMillis()).toAbsolutePath());
    Path plugins = Files.createDirectories(dir.resolve("plugins/gpu")).getParent();
    Files.copy(pluginJar(), plugins.resolve("gpu/eddy-gpu-plugin.jar"));
    Map<String, String> local = Map.of(
        "external-resource.gpu.param.discovery-script.path", discoveryScript().toString(),
        // this machine's share instead of the file's 4g and 1g
        "taskmanager.memory.process.size", "2048m",
        "taskmanager.memory.task.off-heap.size", "256m");
    cluster = StandaloneCluster.start(new ClusterOptions(1, 2, gpuTaskManagerConfig(), dir.resolve("cluster"), local,
        List.of(), plugins)).stopOnJvmExit();
    probe = new ClusterProbe(cluster.rest().address(), cluster.logDir().resolve("taskmanager-0.log"));
  }

  @AfterAll
  static void stop() {
    if (cluster != null) {
      cluster.close();
    }
  }

  /** Eddy's base config.yaml with gpu-taskmanager.yaml appended, as the GPU image builds it. */
  static Path gpuTaskManagerConfig() throws Exception {
    Path file = dir.resolve("gpu-taskmanager-config.yaml");
    Files.writeString(file, Files.readString(dist.confDir().resolve("config.yaml")) + "\n"
        + Files.readString(dist.confDir().resolve("gpu-taskmanager.yaml")));
    return file;
  }

  /** Reports GPU 0 and records how it was called. */
  static Path discoveryScript() throws Exception {
    Path script = dir.resolve("gpu-discovery-test.sh");
    Files.writeString(script, "#!/bin/sh\necho \"$@\" >> " + dir.resolve("discovery-calls") + "\necho 0\n");
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    return script;
  }

  /** The plugin jar built by streaming/gpu-plugin (before this module in the reactor). */
  static Path pluginJar() throws Exception {
    Path target = dist.targetDir().getParent().resolveSibling("gpu-plugin").resolve("target");
    try (var jars = Files.list(target)) {
      return jars.filter(p -> p.getFileName().toString().matches("eddy-gpu-plugin-[^-]+(-SNAPSHOT)?\\.jar"))
          .findFirst()
          .orElseThrow(() -> new IllegalStateException("no eddy-gpu-plugin jar in " + target + "; build streaming/gpu-plugin first"));
    }
  }

  static String spec(String name, String learner) {
    return String.join("\n",
        "name: " + name,
        "kafka:",
        "  bootstrap: " + kafka.bootstrap(),
        "  topics: {events: " + name + "-events, predictions: " + name + "-predictions, dead-letter: " + name + "-dlq,",
        "           labels: " + name + "-labels, drift: " + name + "-drift, models: " + name + "-models}",
        "features: [" + String.join(", ", SeededWorkload.FEATURES) + "]",
        "learner: " + learner,
        "checkpoint: {interval: 1s, guarantee: exactly-once}",
        "parallelism: 1",
        "");
  }

  static void produce(JobSpec spec, long seed) {
    try (CheckedProducer p = new CheckedProducer(KafkaConnection.of(kafka.bootstrap()))) {
      SeededWorkload.produce(p, spec.kafka().topics().events(), EVENTS, 0, seed, n -> {});
    }
  }

  @Test
  void tensorFlowJobsTakeTheGpuSlotGetIndexZeroAndShareOneNativeLibraryPerTaskManager() throws Exception {
    String taskManager = probe.onlyTaskManager();
    assertThat(probe.taskManagerGpus(taskManager)).as("GPUs the TaskManager offers").isEqualTo(1.0);
    assertThat(Files.readString(dir.resolve("discovery-calls")).strip()).as("script arguments: the amount").isEqualTo("1");
    assertThat(probe.taskManagerLog()).contains("found [GPU 0]; this TaskManager offers [GPU 0]");

    JobSpec first = JobSpecReader.parse(spec("gpu-a", "{type: tf-logistic, device: gpu, batch-size: 16, max-wait: 200}"));
    kafka.createTopics(first.kafka().topics().all());
    produce(first, 1);
    JobClient a = RemoteSubmission.submit(cluster, dist, first, new Configuration(), null);
    probe.awaitPredictions(kafka, first, EVENTS);
    assertOnGpuSlotWithIndexZero(a, taskManager, 1);

    String savepoint = probe.stopWithSavepoint(a, dir.resolve("savepoints"));
    produce(first, 2);
    JobClient restarted = RemoteSubmission.submit(cluster, dist, first, new Configuration(), savepoint);
    probe.awaitPredictions(kafka, first, 2 * EVENTS);
    assertOnGpuSlotWithIndexZero(restarted, taskManager, 2);
    probe.cancel(restarted);

    JobSpec second = JobSpecReader.parse(spec("gpu-b", "{type: tf-mlp, hidden: '8', batch-size: 16, max-wait: 200}"));
    kafka.createTopics(second.kafka().topics().all());
    produce(second, 3);
    JobClient b = RemoteSubmission.submit(cluster, dist, second, cluster.configuration(), null);
    probe.awaitPredictions(kafka, second, EVENTS);
    assertOnGpuSlotWithIndexZero(b, taskManager, 3);
    probe.cancel(b);

    assertThat(cluster.taskManagerCount()).as("the TaskManager process survived all three jobs").isEqualTo(1);
    assertThat(probe.onlyTaskManager()).isEqualTo(taskManager);
    assertNativeLibraryLoadedOnce();
  }

  /**
   * TensorFlow's native library was loaded by the first job only. Each job's copy of Eddy's
   * TensorFlowRuntime (it comes with the job jar) logs how long making the library available took:
   * the first about a second, the later ones nothing, since the TaskManager's class loader had it.
   * TensorFlow's own start-up banner appears at most once, and nothing aborted.
   */
  private static void assertNativeLibraryLoadedOnce() throws Exception {
    Matcher loads = Pattern.compile("native library loaded in (\\d+) ms").matcher(probe.taskManagerLog());
    List<Integer> millis = new ArrayList<>();
    while (loads.find()) {
      millis.add(Integer.parseInt(loads.group(1)));
    }
    assertThat(millis).as("TensorFlowRuntime initializations, one per job").hasSize(3);
    assertThat(millis.subList(1, 3)).as("library already loaded for the later jobs").allSatisfy(ms -> assertThat(ms).isLessThan(50));
    String out = probe.taskManagerOut();
    assertThat(ClusterProbe.count(out, "cpu_feature_guard")).as("TensorFlow start-up banners").isLessThanOrEqualTo(1);
    assertThat(out + probe.taskManagerLog()).doesNotContain("File already exists in database").doesNotContain("FATAL");
  }

  /**
   * While {@code job} runs: its learner holds a slot with one GPU, reports index 0 and "not on a GPU"
   * in its gauges; and the TaskManager log shows, for the {@code opens}-th time, the index received,
   * the session config built for it and that TensorFlow runs on the CPU.
   */
  private static void assertOnGpuSlotWithIndexZero(JobClient job, String taskManager, int opens) throws Exception {
    String id = job.getJobID().toHexString();
    JsonNode slots = probe.get("/taskmanagers/" + taskManager).path("allocatedSlots");
    JsonNode learner = probe.vertex(id, "learner");
    String index = probe.metric(id, learner, LearnerDevice.GAUGE_INDEX);
    String onGpu = probe.metric(id, learner, LearnerDevice.GAUGE_ON_GPU);
    System.out.printf("job %s: slots %s; %s=%s %s=%s%n", id, slots, LearnerDevice.GAUGE_INDEX, index,
        LearnerDevice.GAUGE_ON_GPU, onGpu);
    assertThat(probe.allocatedGpuSlots(taskManager, id)).as("slots of job %s with a GPU", id).isEqualTo(1);
    assertThat(index).isEqualTo("0");
    assertThat(onGpu).isEqualTo("0");
    String log = probe.taskManagerLog();
    assertThat(ClusterProbe.count(log, "received GPU index 0 from Flink's external resource 'gpu';"
        + " TensorFlow session config: gpu_options { allow_growth: true visible_device_list: \"0\" }"
        + " allow_soft_placement: true")).isEqualTo(opens);
    assertThat(ClusterProbe.count(log, "on GPU index 0: TensorFlow finds no usable GPU, so it runs on the CPU"))
        .isEqualTo(opens);
  }
}
