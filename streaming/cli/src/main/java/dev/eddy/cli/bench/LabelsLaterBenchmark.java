package dev.eddy.cli.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.eddy.cli.EddyCli;
import dev.eddy.cli.kafka.KafkaBroker;
import dev.eddy.cli.local.LocalRunner;
import dev.eddy.cli.metrics.MetricsTap;
import dev.eddy.cli.workload.LaterLabels;
import dev.eddy.cli.workload.SeededWorkload;
import dev.eddy.core.kafka.CheckedProducer;
import dev.eddy.core.kafka.JobKafka;
import dev.eddy.core.kafka.KafkaConnection;
import dev.eddy.core.metrics.EddyMetric;
import dev.eddy.core.spec.JobSpec;
import dev.eddy.core.spec.JobSpecReader;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.SavepointFormatType;

/**
 * What labels that come later cost ({@code bin/eddy bench --labels-later}, issue 10): (a) the state of
 * events waiting for their labels, the demo's job run unbounded over N events whose labels never come
 * (every event waits, {@code labels.wait: 30d}) next to the same job over the same events with their
 * labels on them (nothing waits), each measured once all N are predicted and two more checkpoints have
 * completed: Flink's checkpoint size (full and incremental) and duration, the largest and slowest
 * checkpoint while the state grew, RocksDB's own estimate of its live data, its SST files and memtables
 * (read through {@link MetricsTap}), then a canonical savepoint (the whole state written anew): its size
 * and how long it took; (b) the prequential
 * accuracy of {@code bin/eddy evaluate --delay D} on the demo's stream ({@code bin/eddy generate} with the
 * demo's generator and seed) with the demo's learner and detector, for each delay.
 */
public final class LabelsLaterBenchmark {
  private static final Duration RUN_TIMEOUT = Duration.ofMinutes(15);
  /** Longer than Flink's refresh of metric views (its {@code ViewUpdater}: every 5 s). */
  private static final Duration VIEW_UPDATE = Duration.ofSeconds(7);

  /**
   * One job's state once every event is predicted.
   *
   * @param waiting events waiting for their label ({@code eddyLabelsWaiting} - matched - expired)
   * @param checkpointFullBytes the last checkpoint's full size ({@code lastCheckpointFullSize})
   * @param checkpointBytes the last checkpoint's size as persisted ({@code lastCheckpointSize}; incremental)
   * @param checkpointMillis the last checkpoint's duration ({@code lastCheckpointDuration})
   * @param rocksLiveBytes RocksDB's {@code estimate-live-data-size}, all column families
   * @param rocksSstBytes RocksDB's {@code total-sst-files-size}
   * @param rocksMemtableBytes RocksDB's {@code size-all-mem-tables}
   * @param largestCheckpointBytes the largest checkpoint (as persisted) seen while the events were processed:
   *     the incremental checkpoints that uploaded the state as it grew
   * @param slowestCheckpointMillis the longest checkpoint seen while the events were processed
   * @param savepointBytes a canonical savepoint taken at the end (the whole state written anew): its files
   * @param savepointMillis how long that savepoint took, from trigger to its path
   */
  public record State(long waiting, double checkpointFullBytes, double checkpointBytes, double checkpointMillis,
      double rocksLiveBytes, double rocksSstBytes, double rocksMemtableBytes, double largestCheckpointBytes,
      double slowestCheckpointMillis, long savepointBytes, double savepointMillis) {}

  /**
   * @param delay rows between an event and its label in {@code evaluate --delay}
   * @param accuracy prequential accuracy
   * @param kappa Cohen's kappa
   */
  public record Accuracy(int delay, double accuracy, double kappa) {}

  /**
   * @param waitingBytesPerEvent (full checkpoint with N waiting - without) / N
   * @param rocksBytesPerEvent (RocksDB live data + memtables with N waiting - without) / N
   */
  public record Result(long events, State none, State all, double waitingBytesPerEvent, double rocksBytesPerEvent,
      long accuracyEvents, List<Accuracy> accuracy) {}

  private LabelsLaterBenchmark() {}

  public static Result run(long events, long accuracyEvents, int[] delays, Path workDir, PrintStream out)
      throws Exception {
    State none;
    State all;
    try (KafkaBroker broker = KafkaBroker.start(0, workDir.resolve("kafka"))) {
      String bootstrap = broker.bootstrapServers();
      out.println("(a) " + events + " events with their labels on them: nothing waits ...");
      none = state(bootstrap, "labelled", null, events, workDir, out);
      out.println("(a) the same " + events + " events whose labels never come: every one waits ...");
      all = state(bootstrap, "waiting", LaterLabels.withheld(), events, workDir, out);
    }
    List<Accuracy> accuracy = accuracy(accuracyEvents, delays, workDir, out);
    return new Result(events, none, all, (all.checkpointFullBytes() - none.checkpointFullBytes()) / events,
        (all.rocksLiveBytes() + all.rocksMemtableBytes() - none.rocksLiveBytes() - none.rocksMemtableBytes()) / events,
        accuracyEvents, accuracy);
  }

  /** The demo's job as {@code eddy-NAME} over its own topics, unbounded; its state once all is predicted. */
  private static State state(String bootstrap, String name, LaterLabels labels, long events, Path workDir,
      PrintStream out) throws Exception {
    String t = name + "-";
    JobSpec spec = JobSpecReader.parse(SeededWorkload.spec(bootstrap).replace("name: eddy-demo",
        "name: eddy-" + name + "\nlabels: {wait: 30d}").replace("  bootstrap: " + bootstrap, "  bootstrap: " + bootstrap
        + "\n  topics: {events: " + t + "events, labels: " + t + "labels, predictions: " + t + "predictions, drift: "
        + t + "drift, models: " + t + "models, dead-letter: " + t + "dlq}"));
    JobKafka.prepare(spec);
    try (CheckedProducer p = new CheckedProducer(KafkaConnection.of(bootstrap))) {
      SeededWorkload.produce(p, t + "events", labels, events, 0, 7, n -> {});
    }
    try (MetricsTap tap = MetricsTap.open()) {
      Configuration conf = tap.settings();
      for (String property : new String[] {"estimate-live-data-size", "total-sst-files-size", "size-all-mem-tables"}) {
        conf.setString("state.backend.rocksdb.metrics." + property, "true");
      }
      JobClient job = LocalRunner.start(spec, false, workDir.resolve(name), conf);
      try {
        long deadline = System.nanoTime() + RUN_TIMEOUT.toNanos();
        double[] largest = new double[2]; // bytes, millis
        while (tap.count(EddyMetric.PREDICTIONS.metricName()) < events) {
          check(deadline, job, "predicting " + events + " events");
          largest(tap, largest);
        }
        double done = tap.gauge("numberOfCompletedCheckpoints");
        while (!(tap.gauge("numberOfCompletedCheckpoints") >= done + 2)) {
          check(deadline, job, "two checkpoints after the last prediction");
          largest(tap, largest);
        }
        Thread.sleep(VIEW_UPDATE.toMillis()); // RocksDB's gauges are views, refreshed by Flink every 5 s
        while (!(tap.gauge("estimate-live-data-size") + tap.gauge("size-all-mem-tables") > 0)) {
          check(deadline, job, "RocksDB's size gauges (a busy machine refreshes them late)");
          Thread.sleep(500);
        }
        long waiting = tap.count(EddyMetric.LABELS_WAITING.metricName()) - tap.count(EddyMetric.LABELS_MATCHED.metricName())
            - tap.count(EddyMetric.LABELS_EXPIRED.metricName());
        State s = new State(waiting, tap.gauge("lastCheckpointFullSize"), tap.gauge("lastCheckpointSize"),
            tap.gauge("lastCheckpointDuration"), tap.gauge("estimate-live-data-size"), tap.gauge("total-sst-files-size"),
            tap.gauge("size-all-mem-tables"), largest[0], largest[1], 0, Double.NaN);
        long start = System.nanoTime();
        String savepoint = job.triggerSavepoint(workDir.resolve(name).resolve("savepoints").toUri().toString(),
            SavepointFormatType.CANONICAL).get(RUN_TIMEOUT.toMinutes(), TimeUnit.MINUTES);
        s = new State(s.waiting(), s.checkpointFullBytes(), s.checkpointBytes(), s.checkpointMillis(), s.rocksLiveBytes(),
            s.rocksSstBytes(), s.rocksMemtableBytes(), s.largestCheckpointBytes(), s.slowestCheckpointMillis(),
            size(Path.of(URI.create(savepoint))), (System.nanoTime() - start) / 1e6);
        out.println("    " + s);
        return s;
      } finally {
        job.cancel().get();
      }
    }
  }

  private static void largest(MetricsTap tap, double[] largest) {
    largest[0] = Math.max(largest[0], tap.gauge("lastCheckpointSize"));
    largest[1] = Math.max(largest[1], tap.gauge("lastCheckpointDuration"));
  }

  private static long size(Path dir) throws java.io.IOException {
    try (var files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
    }
  }

  private static void check(long deadline, JobClient job, String what) throws Exception {
    if (job.getJobExecutionResult().isDone()) {
      job.getJobExecutionResult().get(); // throws the job's failure
      throw new IllegalStateException("the job ended while " + what);
    }
    if (System.nanoTime() > deadline) {
      throw new IllegalStateException("no end after " + RUN_TIMEOUT.toMinutes() + " min of " + what);
    }
    Thread.sleep(200);
  }

  /** (b): generate the demo's stream as a CSV, then {@code evaluate --delay D} with the demo's learner, per delay. */
  private static List<Accuracy> accuracy(long rows, int[] delays, Path workDir, PrintStream out) throws Exception {
    Path csv = workDir.resolve("demo-stream.csv");
    cli(out, "generate", "--stream", "hyperplane", "--rows", String.valueOf(rows), "--noise", "0.05", "--dimension", "5",
        "--seed", "42", "--out", csv.toString());
    List<Accuracy> result = new ArrayList<>();
    for (int delay : delays) {
      Path json = workDir.resolve("evaluate-delay-" + delay + ".json");
      cli(out, "evaluate", "--csv", csv.toString(), "--label-column", "y", "--learner", "pa-i", "--param", "C=0.01",
          "--drift", "hddm-a", "--retrain", "background", "--delay", String.valueOf(delay), "--no-progress",
          "--json", json.toString());
      JsonNode r = new ObjectMapper().readTree(json.toFile());
      result.add(new Accuracy(delay, r.path("accuracy").asDouble(), r.path("kappa").asDouble()));
    }
    return result;
  }

  private static void cli(PrintStream out, String... args) {
    out.println("$ bin/eddy " + String.join(" ", args));
    int rc = EddyCli.commandLine().execute(args);
    if (rc != 0) {
      throw new IllegalStateException("bin/eddy " + args[0] + " exited " + rc);
    }
  }
}
