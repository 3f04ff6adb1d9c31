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
 */
public record JobProbe(double seconds, long maxHeapBytes, long checkpoints, double checkpointMillisAvg, double checkpointMillisMax,
    double checkpointedBytesAvg, long stateBytes) {

  /** Runs {@code spec}, watching the live heap (a forced full GC every 5 s: use it where the heap is reported). */
  static JobProbe run(JobSpec spec, Path workDir) throws Exception {
    return run(spec, workDir, true);
  }

  /**
   * Runs {@code spec}; {@code watchHeap} false forces no GC (throughput next to a baseline that pays none),
   * and {@link #maxHeapBytes} is then 0.
   */
  static JobProbe run(JobSpec spec, Path workDir, boolean watchHeap) throws Exception {
    int port = FreePorts.allocate(1)[0];
    Configuration extra = new Configuration();
    extra.set(RestOptions.BIND_PORT, String.valueOf(port));
    extra.set(RestOptions.PORT, port);
    JobClient job = LocalRunner.start(spec, true, workDir, extra);
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
    if (stats == null) {
      return new JobProbe(seconds, maxHeap, 0, Double.NaN, Double.NaN, Double.NaN, 0);
    }
    JsonNode summary = stats.path("summary");
    return new JobProbe(seconds, maxHeap, stats.path("counts").path("completed").asLong(),
        summary.path("end_to_end_duration").path("avg").asDouble(Double.NaN),
        summary.path("end_to_end_duration").path("max").asDouble(Double.NaN),
        summary.path("checkpointed_size").path("avg").asDouble(Double.NaN),
        stats.path("latest").path("completed").path("state_size").asLong(0));
  }
}
