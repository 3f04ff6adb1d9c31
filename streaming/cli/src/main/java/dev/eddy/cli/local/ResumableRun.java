package dev.eddy.cli.local;

import dev.eddy.core.kafka.KafkaConnection;
import dev.eddy.core.spec.JobSpec;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

/**
 * {@code bin/eddy run}: a local job that remembers what it learned. It starts from the savepoint its
 * previous run took (recorded in {@code WORKDIR/last-savepoint}) and always ends with a new savepoint:
 * a bounded run once every event and label up to the end offsets found at start is processed and committed
 * (the consumer group's committed offsets reach them), an unbounded one when the command is stopped
 * (Ctrl-C, SIGTERM). Models therefore keep their state and version across runs, and the models topic
 * never goes back to version 1. {@code fresh} ignores the previous state (the events source still
 * resumes from the consumer group's committed offsets).
 */
public final class ResumableRun {
  private static final Duration POLL = Duration.ofMillis(250);

  private final JobSpec spec;
  private final Path workDir;
  private final PrintStream out;
  private final Configuration settings = new Configuration();

  /** @param workDir this job's directory: checkpoints, savepoints and the last-savepoint record */
  public ResumableRun(JobSpec spec, Path workDir, PrintStream out) {
    this.spec = spec;
    this.workDir = workDir.toAbsolutePath();
    this.out = out;
  }

  private Path marker() {
    return workDir.resolve("last-savepoint");
  }

  /** Adds Flink settings to every start of the job (e.g. {@link PrometheusEndpoint#on}); returns this. */
  public ResumableRun with(Configuration extra) {
    settings.addAll(extra);
    return this;
  }

  /** The savepoint the next run restores, or null. */
  public String lastSavepoint() throws IOException {
    return Files.isRegularFile(marker()) ? Files.readString(marker()).trim() : null;
  }

  /** Runs the job; returns when it has stopped with a savepoint (or failed). */
  public void run(boolean bounded, boolean fresh) throws Exception {
    Configuration extra = new Configuration(settings);
    String restore = fresh ? null : lastSavepoint();
    if (restore != null) {
      extra.set(StateRecoveryOptions.SAVEPOINT_PATH, restore);
      out.println("Resuming from " + restore + " (--fresh starts new models).");
    } else if (fresh && lastSavepoint() != null) {
      out.println("Starting new models (--fresh); the events source resumes from the consumer group's committed offsets ("
          + spec.kafka().groupId() + ").");
    }
    Map<TopicPartition, Long> end = bounded ? endOffsets() : Map.of();
    JobClient job = LocalRunner.start(spec, false, workDir, extra);
    Thread onStop = new Thread(() -> stopWithSavepoint(job), "eddy-run-stop");
    Runtime.getRuntime().addShutdownHook(onStop);
    try {
      if (bounded) {
        awaitCommitted(job, end);
        stopWithSavepoint(job);
      }
      job.getJobExecutionResult().get();
    } finally {
      try {
        Runtime.getRuntime().removeShutdownHook(onStop);
      } catch (IllegalStateException shuttingDown) {
        // the hook is running: it takes the savepoint
      }
    }
  }

  /** Stops the job with a savepoint in {@code WORKDIR/savepoints} and records it for the next run. */
  private synchronized void stopWithSavepoint(JobClient job) {
    try {
      if (job.getJobStatus().get().isGloballyTerminalState()) {
        return;
      }
      String path = job.stopWithSavepoint(false, workDir.resolve("savepoints").toUri().toString(),
          SavepointFormatType.CANONICAL).get(5, TimeUnit.MINUTES);
      Files.writeString(marker(), path);
      out.println("Stopped with a savepoint: " + path);
    } catch (Exception e) {
      throw new IllegalStateException("cannot stop the job with a savepoint; its last checkpoint under "
          + workDir.resolve("checkpoints") + " is kept (--from-savepoint of bin/eddy submit takes it)", e);
    }
  }

  /** The end offsets now of the events and labels topics: what a bounded run processes. */
  private Map<TopicPartition, Long> endOffsets() throws Exception {
    KafkaConnection kafka = spec.kafka().connection();
    try (Admin admin = Admin.create(kafka.clientProperties())) {
      List<String> topics = List.of(spec.kafka().topics().events(), spec.kafka().topics().labels());
      Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
      admin.describeTopics(topics).allTopicNames().get().forEach((topic, description) -> description.partitions()
          .forEach(p -> latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest())));
      Map<TopicPartition, Long> end = new HashMap<>();
      admin.listOffsets(latest).all().get().forEach((tp, info) -> end.put(tp, info.offset()));
      return end;
    }
  }

  /**
   * Waits until the job's consumer group has committed offsets at or past {@code end} on every
   * partition: the source commits them when a checkpoint completes, i.e. once the outputs of every
   * event before them are committed too.
   */
  private void awaitCommitted(JobClient job, Map<TopicPartition, Long> end) throws Exception {
    try (Admin admin = Admin.create(spec.kafka().connection().clientProperties())) {
      while (true) {
        JobStatus status = job.getJobStatus().get();
        if (status.isGloballyTerminalState()) {
          job.getJobExecutionResult().get(); // throws the failure
          throw new IllegalStateException("the job ended (" + status + ") before it reached the end offsets " + end);
        }
        var committed = admin.listConsumerGroupOffsets(spec.kafka().groupId()).partitionsToOffsetAndMetadata().get();
        boolean done = status == JobStatus.RUNNING && end.entrySet().stream().allMatch(e -> {
          var c = committed.get(e.getKey());
          return e.getValue() == 0 || (c != null && c.offset() >= e.getValue());
        });
        if (done) {
          return;
        }
        Thread.sleep(POLL.toMillis());
      }
    }
  }
}
