package dev.eddy.cli.gpu;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.eddy.cli.KafkaTestSupport;
import dev.eddy.core.kafka.KafkaClients;
import dev.eddy.core.kafka.KafkaConnection;
import dev.eddy.core.spec.JobSpec;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.SavepointFormatType;

/**
 * What an end-to-end test reads from a running standalone cluster: its REST API (TaskManager
 * resources and slots, job vertices, operator metrics), the TaskManager's log, and the committed
 * predictions of a job.
 */
final class ClusterProbe {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final URI base;
  private final Path taskManagerLog;
  private final HttpClient http = HttpClient.newHttpClient();

  ClusterProbe(URI base, Path taskManagerLog) {
    this.base = base;
    this.taskManagerLog = taskManagerLog;
  }

  JsonNode get(String path) throws IOException, InterruptedException {
    HttpResponse<String> response = http.send(
        HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as("GET %s: %s", path, response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  /** The id of the cluster's one TaskManager. */
  String onlyTaskManager() throws IOException, InterruptedException {
    JsonNode tms = get("/taskmanagers").path("taskmanagers");
    assertThat(tms).hasSize(1);
    return tms.get(0).path("id").asText();
  }

  /** The amount of external resource {@code gpu} in the TaskManager's total resources. */
  double taskManagerGpus(String taskManager) throws IOException, InterruptedException {
    return get("/taskmanagers/" + taskManager).path("totalResource").path("extendedResources").path("gpu").asDouble();
  }

  /** How many of the job's slots on the TaskManager hold a whole GPU. */
  int allocatedGpuSlots(String taskManager, String jobId) throws IOException, InterruptedException {
    int slots = 0;
    for (JsonNode slot : get("/taskmanagers/" + taskManager).path("allocatedSlots")) {
      if (slot.path("jobId").asText().equals(jobId)
          && slot.path("resource").path("extendedResources").path("gpu").asDouble() >= 1.0) {
        slots++;
      }
    }
    return slots;
  }

  /** The job's vertex whose name starts with {@code prefix}. */
  JsonNode vertex(String jobId, String prefix) throws IOException, InterruptedException {
    for (JsonNode v : get("/jobs/" + jobId).path("vertices")) {
      if (v.path("name").asText().startsWith(prefix)) {
        return v;
      }
    }
    throw new AssertionError("job " + jobId + " has no vertex named " + prefix + "*");
  }

  /** The value of subtask 0's operator metric {@code name} (waits for the metric fetcher, up to 60 s). */
  String metric(String jobId, JsonNode vertex, String name) throws IOException, InterruptedException {
    String path = "/jobs/" + jobId + "/vertices/" + vertex.path("id").asText() + "/subtasks/0/metrics";
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (true) {
      for (JsonNode m : get(path)) {
        String id = m.path("id").asText();
        if (id.endsWith("." + name)) {
          JsonNode values = get(path + "?get=" + URLEncoder.encode(id, StandardCharsets.UTF_8));
          return values.get(0).path("value").asText();
        }
      }
      assertThat(System.nanoTime()).as("metric %s of job %s", name, jobId).isLessThan(deadline);
      TimeUnit.MILLISECONDS.sleep(500);
    }
  }

  /**
   * Waits until the job's predictions topic holds {@code count} committed records, and not more.
   * Each look reads the topic until it has been quiet for 5 s (a consumer joining a busy machine's
   * broker can take seconds before its first record).
   */
  void awaitPredictions(KafkaTestSupport kafka, JobSpec spec, int count) throws InterruptedException {
    String topic = spec.kafka().topics().predictions();
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
    long seen;
    while ((seen = KafkaClients.readAll(KafkaConnection.of(kafka.bootstrap()), topic, true, 0, Duration.ofSeconds(5), r -> {})) < count) {
      assertThat(System.nanoTime()).as("%d committed predictions on %s, %d so far", count, topic, seen)
          .isLessThan(deadline);
      TimeUnit.MILLISECONDS.sleep(500);
    }
    assertThat(seen).as("committed predictions on %s", topic).isEqualTo((long) count);
  }

  /** Stops the job with a savepoint under {@code dir} and returns its path. */
  String stopWithSavepoint(JobClient job, Path dir) throws Exception {
    return job.stopWithSavepoint(false, dir.toUri().toString(), SavepointFormatType.CANONICAL)
        .get(2, TimeUnit.MINUTES);
  }

  /** Cancels the job and waits until it is CANCELED. */
  void cancel(JobClient job) throws Exception {
    job.cancel().get(1, TimeUnit.MINUTES);
    String path = "/jobs/" + job.getJobID().toHexString();
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
    while (!get(path).path("state").asText().equals("CANCELED")) {
      assertThat(System.nanoTime()).as("job %s canceled", job.getJobID()).isLessThan(deadline);
      TimeUnit.MILLISECONDS.sleep(200);
    }
  }

  String taskManagerLog() throws IOException {
    return Files.readString(taskManagerLog);
  }

  /** The TaskManager's stdout and stderr (where a native crash would print). */
  String taskManagerOut() throws IOException {
    Path out = taskManagerLog.resolveSibling(taskManagerLog.getFileName().toString().replace(".log", ".out"));
    return Files.exists(out) ? Files.readString(out) : "";
  }

  static int count(String text, String needle) {
    int n = 0;
    for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + needle.length())) {
      n++;
    }
    return n;
  }
}
