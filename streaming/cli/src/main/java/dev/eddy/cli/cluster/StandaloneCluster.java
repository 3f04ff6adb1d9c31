package dev.eddy.cli.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import dev.eddy.cli.kafka.KafkaBroker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.apache.flink.configuration.Configuration;

/**
 * A Flink session cluster of real processes on 127.0.0.1, started from the Maven jars of this build
 * (there is no flink-dist on Maven Central for Flink 2.x): one JobManager JVM and N TaskManager JVMs,
 * on free ports, configured from a base {@code config.yaml} ({@link ClusterConfig}).
 *
 * <p>The processes are detached: they outlive this JVM unless {@link #close} is called (or
 * {@link #stopOnJvmExit}); their pids are kept in {@code workDir/cluster.json} ({@link ClusterState})
 * so that {@code bin/eddy cluster stop} can stop them from another invocation.
 */
public final class StandaloneCluster implements AutoCloseable {
  private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
  private static final Duration STOP_GRACE = Duration.ofSeconds(20);

  private final ClusterOptions options;
  private final ClusterConfig config;
  private final FlinkRestClient rest;
  private final FlinkProcess jobManager;
  private final List<FlinkProcess> taskManagers = new ArrayList<>();

  private StandaloneCluster(ClusterOptions options, ClusterConfig config, FlinkRestClient rest, FlinkProcess jm) {
    this.options = options;
    this.config = config;
    this.rest = rest;
    this.jobManager = jm;
  }

  /**
   * Starts a JobManager, waits for its REST API, starts the TaskManagers and waits until all have
   * registered. On failure everything started is stopped again.
   *
   * @throws IllegalStateException if a cluster started in the same work dir is still running
   */
  public static StandaloneCluster start(ClusterOptions o) {
    ClusterState.load(o.workDir()).filter(s -> !s.running().isEmpty()).ifPresent(s -> {
      throw new IllegalStateException("a cluster started in " + o.workDir() + " is still running (" + s.restAddress()
          + "); stop it first (bin/eddy cluster stop)");
    });
    FlinkDistribution dist = FlinkDistribution.locate();
    int rpcPort;
    int restPort;
    try {
      rpcPort = KafkaBroker.freePort();
      restPort = KafkaBroker.freePort();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot find free ports", e);
    }
    ClusterConfig config = ClusterConfig.write(o, dist, rpcPort, restPort);
    FlinkRestClient rest = new FlinkRestClient(URI.create("http://127.0.0.1:" + restPort));
    FlinkProcess jm = launch(config, "jobmanager", config.jobManagerCommand());
    StandaloneCluster cluster = new StandaloneCluster(o, config, rest, jm);
    try {
      cluster.await("the JobManager's REST API", () -> cluster.reachable());
      for (int i = 0; i < o.taskManagers(); i++) {
        cluster.launchTaskManager();
      }
      cluster.await(o.taskManagers() + " TaskManagers to register",
          () -> rest.overview().path("taskmanagers").asInt() >= o.taskManagers());
      return cluster;
    } catch (RuntimeException e) {
      cluster.close();
      throw e;
    }
  }

  /** The REST address and web UI, {@code http://127.0.0.1:PORT}. */
  public String restAddress() {
    return rest.address().toString();
  }

  /** A REST client of this cluster. */
  public FlinkRestClient rest() {
    return rest;
  }

  /** The cluster's effective Flink configuration (as written to {@code conf/config.yaml}). */
  public Configuration configuration() {
    return config.configuration();
  }

  /** The number of TaskManager processes running. */
  public int taskManagerCount() {
    return (int) taskManagers.stream().filter(FlinkProcess::isAlive).count();
  }

  /** Kills TaskManager {@code i} (in start order, replacements included) with SIGKILL. */
  public void killTaskManager(int i) {
    if (i < 0 || i >= taskManagers.size()) {
      throw new IllegalArgumentException("no TaskManager " + i + "; started: " + taskManagers.size());
    }
    taskManagers.get(i).kill();
  }

  /** Starts one more TaskManager (e.g. a replacement) and waits until it has registered. */
  public void startTaskManager() {
    String id = launchTaskManager();
    await(id + " to register", () -> {
      for (JsonNode tm : rest.taskManagers()) {
        if (tm.path("id").asText().equals(id)) {
          return true;
        }
      }
      return false;
    });
  }

  /** Where each process writes its log ({@code jobmanager.log}, {@code taskmanager-N.log}, {@code *.out}). */
  public Path logDir() {
    return config.logDir();
  }

  /** Stops every process when this JVM exits (for tests; the CLI leaves the cluster running). */
  public StandaloneCluster stopOnJvmExit() {
    Runtime.getRuntime().addShutdownHook(new Thread(this::close, "eddy-cluster-stop"));
    return this;
  }

  /** Stops the TaskManagers, then the JobManager (SIGTERM, SIGKILL after 20 s); idempotent. */
  @Override
  public synchronized void close() {
    FlinkProcess.stopAll(taskManagers, STOP_GRACE);
    jobManager.stop(STOP_GRACE);
    state().stop(STOP_GRACE);
  }

  private String launchTaskManager() {
    String name = "taskmanager-" + taskManagers.size();
    taskManagers.add(launch(config, name, config.taskManagerCommand(name)));
    state().save();
    return name;
  }

  private ClusterState state() {
    return new ClusterState(restAddress(), options.workDir().toString(), logDir().toString(), options.slots(),
        jobManager.info(), taskManagers.stream().map(FlinkProcess::info).toList());
  }

  private static FlinkProcess launch(ClusterConfig config, String name, List<String> command) {
    return FlinkProcess.start(name, command, config.environment(), config.logDir().getParent(),
        config.logDir().resolve(name + ".out"), config.logDir().resolve(name + ".log"));
  }

  private boolean reachable() {
    try {
      rest.overview();
      return true;
    } catch (FlinkRestException e) {
      return false;
    }
  }

  /** Polls {@code condition} until true; fails early, with the log's tail, when a process died. */
  private void await(String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      // the JobManager and the TaskManager started last (earlier ones may have been killed on purpose)
      List<FlinkProcess> watched = taskManagers.isEmpty()
          ? List.of(jobManager) : List.of(jobManager, taskManagers.get(taskManagers.size() - 1));
      for (FlinkProcess p : watched) {
        if (!p.isAlive()) {
          throw new IllegalStateException(p + " exited while waiting for " + what + "; its output:\n" + tail(p));
        }
      }
      if (condition.getAsBoolean()) {
        return;
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for " + what, e);
      }
    }
    throw new IllegalStateException("timed out after " + START_TIMEOUT + " waiting for " + what + "; logs in " + logDir());
  }

  private static String tail(FlinkProcess p) {
    Path out = p.log().resolveSibling(p.name() + ".out");
    try {
      List<String> lines = Files.readAllLines(out);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    } catch (IOException e) {
      return "(cannot read " + out + ": " + e + ")";
    }
  }
}
