package dev.eddy.cli.cluster;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a started cluster leaves in its work dir ({@code cluster.json}): its REST address and the
 * pids of its processes, so that another invocation ({@code bin/eddy cluster status / stop}) can
 * find and stop them.
 *
 * @param restAddress {@code http://127.0.0.1:PORT}
 * @param workDir the cluster's work dir
 * @param logDir where each process writes its log
 * @param slots task slots per TaskManager
 * @param jobManager the JobManager process
 * @param taskManagers every TaskManager process started, killed ones included
 */
public record ClusterState(
    String restAddress,
    String workDir,
    String logDir,
    int slots,
    ProcessInfo jobManager,
    List<ProcessInfo> taskManagers) {
  static final String FILE = "cluster.json";
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /**
   * One process.
   *
   * @param name {@code jobmanager}, {@code taskmanager-0}, ...
   * @param pid its pid
   * @param startMillis its start time (guards against a reused pid)
   * @param log its Flink log file
   */
  public record ProcessInfo(String name, long pid, long startMillis, String log) {}

  /** The state saved in {@code workDir}, if a cluster was started there and not stopped. */
  public static Optional<ClusterState> load(Path workDir) {
    Path file = workDir.resolve(FILE);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      return Optional.of(JSON.readValue(file.toFile(), ClusterState.class));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  void save() {
    Path file = Path.of(workDir).resolve(FILE);
    try {
      JSON.writeValue(file.toFile(), this);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  /** The processes of this cluster that are still running. */
  public List<ProcessInfo> running() {
    List<ProcessInfo> alive = new ArrayList<>();
    FlinkProcess.find(jobManager).ifPresent(p -> alive.add(jobManager));
    for (ProcessInfo tm : taskManagers) {
      FlinkProcess.find(tm).ifPresent(p -> alive.add(tm));
    }
    return alive;
  }

  /**
   * Stops every process still running (TaskManagers first, SIGTERM then SIGKILL after {@code grace})
   * and deletes the state file.
   *
   * @return the processes that were stopped
   */
  public List<ProcessInfo> stop(Duration grace) {
    List<ProcessInfo> stopped = new ArrayList<>();
    List<FlinkProcess> tms = new ArrayList<>();
    for (ProcessInfo tm : taskManagers) {
      FlinkProcess.find(tm).ifPresent(p -> {
        tms.add(p);
        stopped.add(tm);
      });
    }
    FlinkProcess.stopAll(tms, grace);
    FlinkProcess.find(jobManager).ifPresent(p -> {
      p.stop(grace);
      stopped.add(jobManager);
    });
    try {
      Files.deleteIfExists(Path.of(workDir).resolve(FILE));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete the cluster state in " + workDir, e);
    }
    return stopped;
  }
}
