package dev.eddy.cli.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import dev.eddy.cli.net.FreePorts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
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
 * from the moment each is spawned ({@link ClusterProcesses}), so that {@code bin/eddy cluster stop}
 * can stop them from another invocation, even one that follows a {@code cluster start} killed while
 * it waited.
 */
public final class StandaloneCluster implements AutoCloseable {
  private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
  private static final Duration STOP_GRACE = Duration.ofSeconds(20);
  private static final int START_ATTEMPTS = 3;

  private final ClusterConfig config;
  private final FlinkRestClient rest;
  private final ClusterProcesses processes;

  private StandaloneCluster(ClusterConfig config, FlinkRestClient rest, ClusterProcesses processes) {
    this.config = config;
    this.rest = rest;
    this.processes = processes;
  }

  /**
   * Starts a JobManager, waits for its REST API, starts the TaskManagers and waits until all have
   * registered. Each process is in the state file from the moment it is spawned. When the
   * JobManager cannot bind its ports (taken since they were chosen), it starts again on new ones (3
   * tries). On failure everything started is stopped again.
   *
   * @throws IllegalStateException if a cluster started in the same work dir is still running
   */
  public static StandaloneCluster start(ClusterOptions o) {
    ClusterState.load(o.workDir()).filter(s -> !s.running().isEmpty()).ifPresent(s -> {
      throw new IllegalStateException("a cluster started in " + o.workDir() + " is still running (" + s.restAddress()
          + "); stop it first (bin/eddy cluster stop)");
    });
    FlinkDistribution dist = FlinkDistribution.locate();
    try {
      return FreePorts.startWithRetry(2, START_ATTEMPTS, ports -> startOn(o, dist, ports[0], ports[1]));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the cluster in " + o.workDir(), e);
    }
  }

  private static StandaloneCluster startOn(ClusterOptions o, FlinkDistribution dist, int rpcPort, int restPort)
      throws BindException {
    ClusterConfig config = ClusterConfig.write(o, dist, rpcPort, restPort);
    FlinkRestClient rest = new FlinkRestClient(URI.create("http://127.0.0.1:" + restPort));
    ClusterProcesses processes = new ClusterProcesses(rest.address().toString(), o.workDir(), config.logDir(),
        o.slots(), config.environment());
    StandaloneCluster cluster = new StandaloneCluster(config, rest, processes);
    processes.launchJobManager(config.jobManagerCommand());
    try {
      cluster.await("the JobManager's REST API", cluster::reachable);
      for (int i = 0; i < o.taskManagers(); i++) {
        cluster.launchTaskManager();
      }
      // a TaskManager is listed before it has offered its slots (the overview then reads "0 of 0 slots")
      cluster.await(o.taskManagers() + " TaskManagers to register with their slots",
          () -> {
            var overview = rest.overview();
            return overview.path("taskmanagers").asInt() >= o.taskManagers()
                && overview.path("slots-total").asInt() >= o.taskManagers() * o.slots();
          });
      return cluster;
    } catch (RuntimeException e) {
      cluster.close();
      if (!processes.jobManager().isAlive() && ProcessOutput.mentionsBindFailure(processes.jobManager())) {
        BindException taken = new BindException("the JobManager could not bind port " + rpcPort + " or " + restPort);
        taken.initCause(e);
        throw taken;
      }
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
    return (int) processes.taskManagers().stream().filter(FlinkProcess::isAlive).count();
  }

  /** Kills TaskManager {@code i} (in start order, replacements included) with SIGKILL. */
  /** SIGKILLs the oldest TaskManager still alive; returns its index. */
  public int killLiveTaskManager() {
    List<FlinkProcess> taskManagers = processes.taskManagers();
    for (int i = 0; i < taskManagers.size(); i++) {
      if (taskManagers.get(i).isAlive()) {
        taskManagers.get(i).kill();
        return i;
      }
    }
    throw new IllegalStateException("no TaskManager is alive");
  }

  public void killTaskManager(int i) {
    List<FlinkProcess> taskManagers = processes.taskManagers();
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
    processes.stop(STOP_GRACE);
  }

  private String launchTaskManager() {
    String name = "taskmanager-" + processes.taskManagers().size();
    processes.launchTaskManager(name, config.taskManagerCommand(name));
    return name;
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
      List<FlinkProcess> taskManagers = processes.taskManagers();
      List<FlinkProcess> watched = taskManagers.isEmpty() ? List.of(processes.jobManager())
          : List.of(processes.jobManager(), taskManagers.get(taskManagers.size() - 1));
      for (FlinkProcess p : watched) {
        if (!p.isAlive()) {
          throw new IllegalStateException(p + " exited while waiting for " + what + "; its output:\n"
              + ProcessOutput.tail(p));
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
}
