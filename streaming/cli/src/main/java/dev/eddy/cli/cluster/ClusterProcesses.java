package dev.eddy.cli.cluster;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The processes of one cluster and its state file ({@link ClusterState}, {@code cluster.json}).
 * Each process is recorded in the file as soon as it is spawned, before anyone waits for it to be
 * ready: a CLI killed while {@code cluster start} waits leaves no process that {@code cluster stop}
 * cannot find.
 */
final class ClusterProcesses {
  private final String restAddress;
  private final Path workDir;
  private final Path logDir;
  private final int slots;
  private final Map<String, String> environment;
  private FlinkProcess jobManager;
  private final List<FlinkProcess> taskManagers = new ArrayList<>();

  /**
   * @param workDir where {@code cluster.json} is written and the processes run
   * @param logDir where each process's output ({@code NAME.out}) and Flink log ({@code NAME.log}) go
   */
  ClusterProcesses(String restAddress, Path workDir, Path logDir, int slots, Map<String, String> environment) {
    this.restAddress = restAddress;
    this.workDir = workDir;
    this.logDir = logDir;
    this.slots = slots;
    this.environment = Map.copyOf(environment);
  }

  /** Spawns the JobManager and records it; returns without waiting for it. */
  FlinkProcess launchJobManager(List<String> command) {
    if (jobManager != null) {
      throw new IllegalStateException("the JobManager was started already: " + jobManager);
    }
    jobManager = spawn("jobmanager", command);
    save();
    return jobManager;
  }

  /** Spawns TaskManager {@code name} and records it; returns without waiting for it. */
  FlinkProcess launchTaskManager(String name, List<String> command) {
    if (jobManager == null) {
      throw new IllegalStateException("start the JobManager before " + name);
    }
    FlinkProcess tm = spawn(name, command);
    taskManagers.add(tm);
    save();
    return tm;
  }

  FlinkProcess jobManager() {
    return jobManager;
  }

  /** Every TaskManager started, in start order, killed ones included. */
  List<FlinkProcess> taskManagers() {
    return Collections.unmodifiableList(taskManagers);
  }

  /** Stops the TaskManagers, then the JobManager, and deletes the state file; idempotent. */
  void stop(Duration grace) {
    if (jobManager == null) {
      return;
    }
    FlinkProcess.stopAll(taskManagers, grace);
    jobManager.stop(grace);
    state().stop(grace);
  }

  private FlinkProcess spawn(String name, List<String> command) {
    return FlinkProcess.start(name, command, environment, workDir, logDir.resolve(name + ".out"),
        logDir.resolve(name + ".log"));
  }

  private void save() {
    state().save();
  }

  private ClusterState state() {
    return new ClusterState(restAddress, workDir.toString(), logDir.toString(), slots, jobManager.info(),
        taskManagers.stream().map(FlinkProcess::info).toList());
  }
}
