package dev.eddy.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.eddy.cli.cluster.ClusterOptions;
import dev.eddy.cli.cluster.ClusterState;
import dev.eddy.cli.cluster.FlinkDistribution;
import dev.eddy.cli.cluster.FlinkRestClient;
import dev.eddy.cli.cluster.StandaloneCluster;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/**
 * {@code bin/eddy cluster start | status | stop}: a standalone Flink session cluster of real processes
 * on 127.0.0.1. Its state (pids, ports, directories) lives in the work dir, {@code .eddy/cluster} by
 * default, so that {@code status} and {@code stop} work from any later invocation.
 */
@Command(
    name = "cluster",
    mixinStandardHelpOptions = true,
    description = "Starts, shows and stops a local Flink session cluster (a JobManager and TaskManager JVMs).",
    subcommands = {ClusterCommand.Start.class, ClusterCommand.Status.class, ClusterCommand.Stop.class})
public final class ClusterCommand implements Runnable {
  /** Where {@code cluster start} keeps a cluster, and where the other commands look for it. */
  static final String DEFAULT_WORK_DIR = ".eddy/cluster";

  @Spec CommandSpec spec;

  @Option(names = "--work-dir", defaultValue = DEFAULT_WORK_DIR, scope = ScopeType.INHERIT,
      description = "Configuration, logs, checkpoints and state of the cluster (default: ${DEFAULT-VALUE}).")
  Path workDir;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required: start, status or stop");
  }

  /**
   * A savepoint location for the cluster: a URI ({@code s3://...}, {@code file:/...}, as Flink prints
   * savepoint locations) as is, a local path made absolute.
   */
  static String location(String pathOrUri) {
    return pathOrUri.matches("^[a-zA-Z][a-zA-Z0-9+.-]+:.*") ? pathOrUri : Path.of(pathOrUri).toAbsolutePath().toString();
  }

  /** {@code cluster start}. */
  @Command(name = "start", mixinStandardHelpOptions = true,
      description = "Starts a JobManager and TaskManagers on free ports of 127.0.0.1 and prints the web UI's address.")
  static final class Start implements Callable<Integer> {
    @ParentCommand ClusterCommand parent;
    @Spec CommandSpec spec;

    @Option(names = "--taskmanagers", defaultValue = "2", description = "TaskManager processes (default: ${DEFAULT-VALUE}).")
    int taskManagers;

    @Option(names = "--slots", defaultValue = "2", description = "Task slots per TaskManager (default: ${DEFAULT-VALUE}).")
    int slots;

    @Option(names = "--conf-dir", description = "Directory holding the base config.yaml (and optionally log4j.properties); default: the repository's flink-conf/.")
    Path confDir;

    @Override
    public Integer call() {
      if (taskManagers < 1) {
        throw new IllegalArgumentException("--taskmanagers must be >= 1, got " + taskManagers);
      }
      if (slots < 1) {
        throw new IllegalArgumentException("--slots must be >= 1, got " + slots);
      }
      Path dir = confDir != null ? confDir : FlinkDistribution.locate().confDir();
      Path base = dir.resolve("config.yaml");
      if (!Files.isRegularFile(base)) {
        throw new IllegalArgumentException("--conf-dir: no config.yaml in " + dir.toAbsolutePath());
      }
      PrintWriter out = spec.commandLine().getOut();
      out.printf("Starting a Flink cluster: 1 JobManager, %d TaskManager(s) x %d slot(s), config %s ...%n",
          taskManagers, slots, base);
      out.flush();
      StandaloneCluster cluster = StandaloneCluster.start(ClusterOptions.of(taskManagers, slots, base, parent.workDir));
      String address = URI.create(cluster.restAddress()).getAuthority();
      out.printf("Flink cluster running. Web UI and REST API: %s%n", cluster.restAddress());
      out.printf("Logs: %s%n", cluster.logDir());
      String workDir = parent.workDir.equals(Path.of(DEFAULT_WORK_DIR)) ? "" : " --work-dir " + parent.workDir;
      out.printf("Submit a job:  bin/eddy submit --jobmanager %s --spec job.yaml%n", address);
      out.printf("Stop it:       bin/eddy cluster%s stop%n", workDir);
      return 0;
    }
  }

  /** {@code cluster status}. */
  @Command(name = "status", mixinStandardHelpOptions = true,
      description = "Shows the cluster started from this directory: processes, TaskManagers, slots and jobs. Exits 1 when none runs.")
  static final class Status implements Callable<Integer> {
    @ParentCommand ClusterCommand parent;
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      Optional<ClusterState> state = ClusterState.load(parent.workDir);
      List<ClusterState.ProcessInfo> running = state.map(ClusterState::running).orElse(List.of());
      if (running.isEmpty()) {
        out.println("No cluster running (state in " + parent.workDir.toAbsolutePath() + ").");
        return 1;
      }
      out.println("Flink cluster at " + state.get().restAddress() + " (logs in " + state.get().logDir() + ")");
      running.forEach(p -> out.printf("  %-16s pid %d%n", p.name(), p.pid()));
      FlinkRestClient rest = new FlinkRestClient(URI.create(state.get().restAddress()));
      JsonNode o = rest.overview();
      out.printf("Flink %s: %d TaskManager(s), %d of %d slots free, %d job(s) running%n",
          o.path("flink-version").asText(), o.path("taskmanagers").asInt(), o.path("slots-available").asInt(),
          o.path("slots-total").asInt(), o.path("jobs-running").asInt());
      for (JsonNode job : rest.jobsOverview()) {
        out.printf("  job %s  %-10s %s%n", job.path("jid").asText(), job.path("state").asText(), job.path("name").asText());
      }
      return 0;
    }
  }

  /** {@code cluster stop}. */
  @Command(name = "stop", mixinStandardHelpOptions = true,
      description = "Stops the cluster started from this directory (SIGTERM, SIGKILL after 20 s). Running jobs end with it.")
  static final class Stop implements Callable<Integer> {
    @ParentCommand ClusterCommand parent;
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      Optional<ClusterState> state = ClusterState.load(parent.workDir);
      if (state.isEmpty()) {
        out.println("No cluster to stop (state in " + parent.workDir.toAbsolutePath() + ").");
        return 0;
      }
      List<ClusterState.ProcessInfo> stopped = state.get().stop(Duration.ofSeconds(20));
      out.println("Stopped the Flink cluster at " + state.get().restAddress() + " (" + stopped.size() + " process(es)).");
      return 0;
    }
  }
}
