package dev.eddy.cli.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * A client of the REST API of any Flink 2.x cluster (the JobManager's web port): upload and run a jar,
 * job status, cancel, savepoints, checkpoint statistics. JSON in and out; a non-2xx answer throws
 * {@link FlinkRestException} carrying Flink's error text.
 */
public final class FlinkRestClient {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final URI base;
  private final HttpClient http;

  /** A client of the cluster at {@code base}, e.g. {@code http://127.0.0.1:8081}. */
  public FlinkRestClient(URI base) {
    this.base = URI.create(base.toString().replaceAll("/+$", ""));
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  }

  /**
   * A client of {@code HOST:PORT} or {@code http(s)://HOST:PORT}.
   *
   * @throws IllegalArgumentException if {@code address} is neither
   */
  public static FlinkRestClient of(String address) {
    String withScheme = address.matches("^[a-zA-Z][a-zA-Z0-9+.-]*://.*") ? address : "http://" + address;
    URI uri;
    try {
      uri = URI.create(withScheme);
    } catch (IllegalArgumentException e) {
      uri = null;
    }
    if (uri == null || uri.getHost() == null || uri.getPort() < 1
        || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
      throw new IllegalArgumentException("expected the JobManager's REST address as HOST:PORT (e.g. 127.0.0.1:8081) or http://HOST:PORT, got '" + address + "'");
    }
    return new FlinkRestClient(uri);
  }

  /** The cluster's address, {@code http://HOST:PORT}. */
  public URI address() {
    return base;
  }

  /** The web UI page of a job. */
  public String webUiLink(String jobId) {
    return base + "/#/job/running/" + jobId + "/overview";
  }

  /** {@code GET /overview}: taskmanagers, slots-total, slots-available, jobs-running, flink-version. */
  public JsonNode overview() {
    return send("GET", "/overview", null);
  }

  /** {@code GET /taskmanagers}: the registered TaskManagers ({@code id} is the resource id). */
  public JsonNode taskManagers() {
    return send("GET", "/taskmanagers", null).path("taskmanagers");
  }

  /** {@code GET /jobs/overview}: every job's jid, name and state. */
  public JsonNode jobsOverview() {
    return send("GET", "/jobs/overview", null).path("jobs");
  }

  /** Uploads a jar ({@code POST /jars/upload}) and returns its id on the cluster. */
  public String uploadJar(Path jar) {
    String boundary = "eddy-" + UUID.randomUUID();
    String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"jarfile\"; filename=\""
        + jar.getFileName() + "\"\r\nContent-Type: application/x-java-archive\r\n\r\n";
    BodyPublisher file;
    try {
      file = BodyPublishers.ofFile(jar);
    } catch (FileNotFoundException e) {
      throw new IllegalArgumentException("no jar at " + jar, e);
    }
    BodyPublisher body = BodyPublishers.concat(
        BodyPublishers.ofString(head), file, BodyPublishers.ofString("\r\n--" + boundary + "--\r\n"));
    HttpRequest request = request("/jars/upload", Duration.ofMinutes(2))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(body).build();
    String path = call(request).path("filename").asText();
    return path.substring(path.lastIndexOf('/') + 1);
  }

  /**
   * Runs an uploaded jar ({@code POST /jars/:id/run}) and returns the job id.
   *
   * @param parallelism the job's default parallelism, or 0 for the cluster's default
   * @param savepointPath a savepoint or retained checkpoint to start from, or null
   */
  public String runJar(String jarId, String entryClass, List<String> args, int parallelism, String savepointPath) {
    ObjectNode body = JSON.createObjectNode().put("entryClass", entryClass);
    if (parallelism > 0) {
      body.put("parallelism", parallelism);
    }
    body.putArray("programArgsList").addAll(args.stream().map(JSON.getNodeFactory()::textNode).toList());
    if (savepointPath != null) {
      body.put("savepointPath", savepointPath).put("allowNonRestoredState", false);
    }
    return send("POST", "/jars/" + jarId + "/run", body).path("jobid").asText();
  }

  /** Deletes an uploaded jar. */
  public void deleteJar(String jarId) {
    send("DELETE", "/jars/" + jarId, null);
  }

  /** {@code GET /jobs/:id}: name, state, start-time, vertices with their status, ... */
  public JsonNode job(String jobId) {
    return send("GET", "/jobs/" + jobId, null);
  }

  /** The job's state: CREATED, RUNNING, FAILING, RESTARTING, CANCELED, FINISHED, ... */
  public String jobState(String jobId) {
    return job(jobId).path("state").asText();
  }

  /** Whether the job is RUNNING with every task of every vertex running (deployed and restored). */
  public boolean allTasksRunning(String jobId) {
    JsonNode job = job(jobId);
    if (!job.path("state").asText().equals("RUNNING")) {
      return false;
    }
    for (JsonNode v : job.path("vertices")) {
      if (v.path("tasks").path("RUNNING").asInt() != v.path("parallelism").asInt()) {
        return false;
      }
    }
    return true;
  }

  /** Cancels a job ({@code PATCH /jobs/:id?mode=cancel}); returns at once. */
  public void cancel(String jobId) {
    send("PATCH", "/jobs/" + jobId + "?mode=cancel", null);
  }

  /** Triggers a savepoint; returns the trigger id for {@link #awaitSavepoint}. */
  public String triggerSavepoint(String jobId, String targetDirectory) {
    ObjectNode body = JSON.createObjectNode().put("cancel-job", false);
    if (targetDirectory != null) {
      body.put("target-directory", targetDirectory);
    }
    return send("POST", "/jobs/" + jobId + "/savepoints", body).path("request-id").asText();
  }

  /** Stops a job with a savepoint (no drain); returns the trigger id for {@link #awaitSavepoint}. */
  public String stopWithSavepoint(String jobId, String targetDirectory) {
    ObjectNode body = JSON.createObjectNode().put("drain", false);
    if (targetDirectory != null) {
      body.put("targetDirectory", targetDirectory);
    }
    return send("POST", "/jobs/" + jobId + "/stop", body).path("request-id").asText();
  }

  /** Waits for a savepoint operation and returns the savepoint's location. */
  public String awaitSavepoint(String jobId, String triggerId, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      JsonNode r = send("GET", "/jobs/" + jobId + "/savepoints/" + triggerId, null);
      if (r.path("status").path("id").asText().equals("COMPLETED")) {
        JsonNode op = r.path("operation");
        if (op.hasNonNull("location")) {
          return op.get("location").asText();
        }
        throw new FlinkRestException("savepoint of job " + jobId + " failed: "
            + op.path("failure-cause").path("stack-trace").asText(op.toString()).lines().findFirst().orElse(""));
      }
      Thread.sleep(250);
    }
    throw new FlinkRestException("savepoint of job " + jobId + " not done after " + timeout);
  }

  /** Checkpoint statistics of a job ({@code GET /jobs/:id/checkpoints}). */
  public CheckpointStats checkpoints(String jobId) {
    return CheckpointStats.of(send("GET", "/jobs/" + jobId + "/checkpoints", null));
  }

  private JsonNode send(String method, String path, JsonNode body) {
    HttpRequest.Builder b = request(path, Duration.ofSeconds(30)).header("Content-Type", "application/json");
    b.method(method, body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(body.toString()));
    return call(b.build());
  }

  private HttpRequest.Builder request(String path, Duration timeout) {
    return HttpRequest.newBuilder(URI.create(base + path)).timeout(timeout);
  }

  private JsonNode call(HttpRequest request) {
    String what = request.method() + " " + request.uri().getPath();
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new FlinkRestException("cannot reach the Flink REST API at " + base + " (" + what + "): " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new FlinkRestException("interrupted: " + what, e);
    }
    JsonNode json;
    try {
      json = response.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(response.body());
    } catch (IOException e) {
      throw new FlinkRestException(what + " answered " + response.statusCode() + " with no JSON: " + response.body(), e);
    }
    if (response.statusCode() / 100 != 2) {
      throw new FlinkRestException(what + " failed (" + response.statusCode() + "): " + errors(json));
    }
    return json;
  }

  /** Flink's {@code errors} array, first line of each (the rest is a server-side stack trace). */
  private static String errors(JsonNode json) {
    StringBuilder sb = new StringBuilder();
    for (JsonNode e : json.path("errors")) {
      String text = e.asText();
      String cause = text.lines().filter(l -> l.startsWith("Caused by:")).reduce((a, b) -> b).orElse("");
      sb.append(sb.isEmpty() ? "" : "; ").append(text.lines().findFirst().orElse(text))
          .append(cause.isEmpty() ? "" : " [" + cause.trim() + "]");
    }
    return sb.isEmpty() ? json.toString() : sb.toString();
  }
}
