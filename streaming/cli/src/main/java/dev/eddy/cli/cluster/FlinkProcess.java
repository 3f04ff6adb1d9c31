package dev.eddy.cli.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One JVM of a cluster (a JobManager or a TaskManager), started detached from this JVM: its output
 * goes to a file and it keeps running when this JVM exits, so {@code bin/eddy cluster stop} can stop
 * it later by its pid (checked against its start time, so a reused pid is never signalled).
 */
final class FlinkProcess {
  private final String name;
  private final ProcessHandle handle;
  private final Path log;

  private FlinkProcess(String name, ProcessHandle handle, Path log) {
    this.name = name;
    this.handle = handle;
    this.log = log;
  }

  /** Starts {@code command} in {@code workingDir}, stdout and stderr appended to {@code out}. */
  static FlinkProcess start(
      String name, List<String> command, Map<String, String> env, Path workingDir, Path out, Path log) {
    try {
      Files.createDirectories(out.getParent());
      ProcessBuilder pb = new ProcessBuilder(command)
          .directory(workingDir.toFile())
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(out.toFile()));
      pb.environment().putAll(env);
      Process p = pb.start();
      p.getOutputStream().close(); // no input
      return new FlinkProcess(name, p.toHandle(), log);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + name + ": " + command.get(0), e);
    }
  }

  /** The still-running process {@code info} describes, if any. */
  static Optional<FlinkProcess> find(ClusterState.ProcessInfo info) {
    return ProcessHandle.of(info.pid())
        .filter(h -> h.info().startInstant().map(Instant::toEpochMilli).orElse(-1L) == info.startMillis())
        .map(h -> new FlinkProcess(info.name(), h, Path.of(info.log())));
  }

  ClusterState.ProcessInfo info() {
    long started = handle.info().startInstant().map(Instant::toEpochMilli).orElse(-1L);
    return new ClusterState.ProcessInfo(name, handle.pid(), started, log.toString());
  }

  String name() {
    return name;
  }

  long pid() {
    return handle.pid();
  }

  Path log() {
    return log;
  }

  boolean isAlive() {
    return handle.isAlive();
  }

  /** SIGKILL, then waits for the process to be gone. */
  void kill() {
    handle.destroyForcibly();
    await(Duration.ofSeconds(30));
  }

  /** SIGTERM (Flink's shutdown hooks run), SIGKILL after {@code grace}. */
  void stop(Duration grace) {
    if (!handle.isAlive()) {
      return;
    }
    handle.destroy();
    if (!await(grace)) {
      kill();
    }
  }

  /**
   * Stops all of {@code processes} at once: SIGTERM to each, then waits up to {@code grace} in all
   * and SIGKILLs those still running.
   */
  static void stopAll(List<FlinkProcess> processes, Duration grace) {
    for (FlinkProcess p : processes) {
      p.handle.destroy();
    }
    long deadline = System.nanoTime() + grace.toNanos();
    for (FlinkProcess p : processes) {
      if (!p.await(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())))) {
        p.kill();
      }
    }
  }

  private boolean await(Duration timeout) {
    try {
      handle.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      return true;
    } catch (TimeoutException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return !handle.isAlive();
    } catch (ExecutionException e) {
      throw new IllegalStateException("waiting for " + name + " to exit failed", e.getCause());
    }
  }

  @Override
  public String toString() {
    return name + " (pid " + handle.pid() + ")";
  }
}
