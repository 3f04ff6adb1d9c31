package dev.eddy.cli.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.eddy.cli.local.LocalRunner;
import dev.eddy.cli.net.FreePorts;
import dev.eddy.core.spec.JobSpec;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.core.execution.JobClient;

/**
 * Runs a bounded job on a MiniCluster and watches it while it runs: the live heap of this JVM (the heap
 * used right after a full GC, forced every 5 s; the broker shares the JVM, so compare runs of the same
 * harness) and the job's checkpoint
 * statistics from Flink's REST API (the MiniCluster's, on a free port): how long checkpoints took end
 * to end and how much each added (incremental) next to the full state size.
 *
 * @param seconds the job's net runtime
 * @param maxHeapBytes the most live heap among the samples
 * @param checkpoints checkpoints completed
 * @param checkpointMillisAvg average end-to-end checkpoint duration
 * @param checkpointMillisMax longest one
 * @param checkpointedBytesAvg average bytes a checkpoint uploaded (incremental: the new RocksDB files)
 * @param stateBytes full state size of the latest completed checkpoint
 * @param processCpuSeconds CPU time of this whole JVM from the job's submission to its end (the embedded broker
 *     included; the MiniCluster's start is not)
 * @param learnerCpuSeconds CPU time of the learner's task threads (named "learner ..."), sampled while they ran
 * @param sourceCpuSeconds CPU time of the events source's task threads ("Source: events ...")
 * @param cpuByThreads CPU seconds of the Java threads that ran during the job, by name with digits as N, the
 *     largest first; what the process took besides them is GC, the JIT and native threads (RocksDB)
 */
public record JobProbe(double seconds, long maxHeapBytes, long checkpoints, double checkpointMillisAvg, double checkpointMillisMax,
    double checkpointedBytesAvg, long stateBytes, double processCpuSeconds, double learnerCpuSeconds,
    double sourceCpuSeconds, java.util.Map<String, Double> cpuByThreads) {

  /** Runs {@code spec}, watching the live heap (a forced full GC every 5 s: use it where the heap is reported). */
  static JobProbe run(JobSpec spec, Path workDir) throws Exception {
    return run(spec, workDir, true, new Configuration());
  }

  /**
   * Runs {@code spec}; {@code watchHeap} false forces no GC (throughput next to a baseline that pays none),
   * and {@link #maxHeapBytes} is then 0.
   */
  static JobProbe run(JobSpec spec, Path workDir, boolean watchHeap) throws Exception {
    return run(spec, workDir, watchHeap, new Configuration());
  }

  /** As {@link #run(JobSpec, Path, boolean)}, with {@code extra} Flink settings on top of the job's. */
  static JobProbe run(JobSpec spec, Path workDir, boolean watchHeap, Configuration extra) throws Exception {
    int port = FreePorts.allocate(1)[0];
    extra.set(RestOptions.BIND_PORT, String.valueOf(port));
    extra.set(RestOptions.PORT, port);
    JobClient job = LocalRunner.start(spec, true, workDir, extra);
    // from the job's submission on: the MiniCluster's start (class loading, its services) is not the job's
    var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    long cpuStart = os.getProcessCpuTime();
    ThreadCpu threads = new ThreadCpu();
    threads.sample(); // what the threads alive before had used is not the job's
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    URI uri = URI.create("http://127.0.0.1:" + port + "/jobs/" + job.getJobID() + "/checkpoints");
    var memory = ManagementFactory.getMemoryMXBean();
    long maxHeap = 0;
    JsonNode stats = null;
    var result = job.getJobExecutionResult();
    int tick = 0;
    while (!result.isDone()) {
      if (watchHeap && tick % 20 == 19) {
        System.gc(); // the live set, not the garbage the collector has not needed to clear yet
        maxHeap = Math.max(maxHeap, memory.getHeapMemoryUsage().getUsed());
      }
      threads.sample();
      if (tick++ % 4 == 0) {
        try {
          HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(2)).build(),
              HttpResponse.BodyHandlers.ofString());
          if (r.statusCode() == 200) {
            stats = new ObjectMapper().readTree(r.body());
          }
        } catch (java.io.IOException e) {
          // the cluster is starting or shutting down: keep the last statistics
        }
      }
      try {
        result.get(250, TimeUnit.MILLISECONDS);
      } catch (java.util.concurrent.TimeoutException stillRunning) {
        // sample again
      }
    }
    double seconds = result.get().getNetRuntime() / 1000.0;
    double cpu = (os.getProcessCpuTime() - cpuStart) / 1e9;
    double learner = threads.seconds("learner");
    double source = threads.seconds("Source: events");
    if (stats == null) {
      return new JobProbe(seconds, maxHeap, 0, Double.NaN, Double.NaN, Double.NaN, 0, cpu, learner, source,
          threads.byName());
    }
    JsonNode summary = stats.path("summary");
    return new JobProbe(seconds, maxHeap, stats.path("counts").path("completed").asLong(),
        summary.path("end_to_end_duration").path("avg").asDouble(Double.NaN),
        summary.path("end_to_end_duration").path("max").asDouble(Double.NaN),
        summary.path("checkpointed_size").path("avg").asDouble(Double.NaN),
        stats.path("latest").path("completed").path("state_size").asLong(0), cpu, learner, source, threads.byName());
  }

  /** The most CPU time seen of each live thread, by thread id, with its name (a thread's time only grows). */
  private static final class ThreadCpu {
    private final java.lang.management.ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    private final java.util.Map<Long, Long> nanos = new java.util.HashMap<>();
    private final java.util.Map<Long, String> names = new java.util.HashMap<>();
    private java.util.Map<Long, Long> before;

    void sample() {
      for (java.lang.management.ThreadInfo t : mx.getThreadInfo(mx.getAllThreadIds())) {
        if (t == null) {
          continue;
        }
        long cpu = mx.getThreadCpuTime(t.getThreadId());
        if (cpu > 0) {
          nanos.merge(t.getThreadId(), cpu, Math::max);
          names.put(t.getThreadId(), t.getThreadName());
        }
      }
      if (before == null) {
        before = new java.util.HashMap<>(nanos);
      }
    }

    /** CPU seconds used during the job (since the first sample), by thread name with digits as N, largest first. */
    java.util.Map<String, Double> byName() {
      java.util.Map<String, Double> out = new java.util.HashMap<>();
      nanos.forEach((id, cpu) -> out.merge(names.get(id).replaceAll("[0-9]+", "N"),
          (cpu - before.getOrDefault(id, 0L)) / 1e9, Double::sum));
      java.util.Map<String, Double> sorted = new java.util.LinkedHashMap<>();
      out.entrySet().stream().sorted(java.util.Map.Entry.<String, Double>comparingByValue().reversed()).limit(12)
          .forEach(e -> sorted.put(e.getKey(), e.getValue()));
      return sorted;
    }

    /** CPU seconds of the threads whose name starts with {@code prefix}. */
    double seconds(String prefix) {
      return nanos.entrySet().stream().filter(e -> names.get(e.getKey()).startsWith(prefix))
          .mapToLong(e -> e.getValue() - before.getOrDefault(e.getKey(), 0L)).sum() / 1e9;
    }
  }
}
