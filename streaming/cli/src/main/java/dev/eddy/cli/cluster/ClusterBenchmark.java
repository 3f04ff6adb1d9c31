package dev.eddy.cli.cluster;

import dev.eddy.cli.kafka.KafkaBroker;
import dev.eddy.cli.local.LocalRunner;
import dev.eddy.cli.workload.PredictionTally;
import dev.eddy.cli.workload.SeededWorkload;
import dev.eddy.core.kafka.CheckedProducer;
import dev.eddy.core.kafka.JobKafka;
import dev.eddy.core.kafka.KafkaClients;
import dev.eddy.core.kafka.KafkaConnection;
import dev.eddy.core.kafka.TopicAdmin;
import dev.eddy.core.spec.JobSpec;
import dev.eddy.core.spec.JobSpecReader;
import dev.eddy.schemas.codec.Topics;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Events/s of the Eddy job on a standalone cluster (a JobManager and 2 TaskManager JVMs, 1 slot each)
 * next to a local MiniCluster, over the same pre-produced stream: both run the same spec bounded at
 * parallelism 2 with exactly-once outputs and a checkpoint every second, reading the same events
 * topic (2 partitions) into their own predictions topics. Reported per run: the job's duration
 * (deployment included) and the steady rate from its first to its last prediction.
 *
 * <p>{@code java -cp streaming/cli/target/classes:$(cat streaming/cli/target/classpath.txt)
 * dev.eddy.cli.cluster.ClusterBenchmark [--events N] [--work-dir DIR]} (see BENCHMARKS.md).
 */
public final class ClusterBenchmark {
  private static final String EVENTS_TOPIC = "bench-events";

  /**
   * One run.
   *
   * @param where {@code minicluster} or {@code cluster}
   * @param jobSeconds the job's runtime as Flink reports it (deployment included)
   * @param steadySeconds from the first to the last prediction
   */
  public record Run(String where, long events, double jobSeconds, double steadySeconds) {
    public double eventsPerSecond() {
      return events / jobSeconds;
    }

    public double steadyEventsPerSecond() {
      return events / steadySeconds;
    }
  }

  private ClusterBenchmark() {}

  /** The spec the cluster tests and this benchmark run: outputs on {@code <name>-<role>} topics. */
  public static String spec(String name, String bootstrap, String eventsTopic) {
    return String.join("\n",
        "name: " + name,
        "kafka:",
        "  bootstrap: " + bootstrap,
        "  topics: {events: " + eventsTopic + ", predictions: " + name + "-predictions, dead-letter: " + name + "-dlq,",
        "           labels: " + name + "-labels, drift: " + name + "-drift, models: " + name + "-models}",
        "features: [" + String.join(", ", SeededWorkload.FEATURES) + "]",
        "learner: {type: pa-i, C: 0.01}",
        "checkpoint: {interval: 1s, guarantee: exactly-once}",
        "");
  }

  /** Produces {@code events} events, then runs the job on a MiniCluster and on a standalone cluster. */
  public static List<Run> run(long events, Path workDir, PrintStream out) throws Exception {
    try (KafkaBroker broker = KafkaBroker.start(0, workDir.resolve("kafka"))) {
      String bootstrap = broker.bootstrapServers();
      TopicAdmin.ensureTopics(KafkaConnection.of(bootstrap), List.of(EVENTS_TOPIC), 2, Set.of());
      out.println("producing " + events + " events ...");
      try (CheckedProducer p = new CheckedProducer(KafkaConnection.of(bootstrap))) {
        SeededWorkload.produce(p, EVENTS_TOPIC, events, 0, 7, n -> {});
      }

      out.println("the job on a MiniCluster (this JVM) ...");
      JobSpec local = JobSpecReader.parse(spec("bench-minicluster", bootstrap, EVENTS_TOPIC));
      JobKafka.prepare(local);
      var result = LocalRunner.run(local, true, workDir.resolve("minicluster"));
      Run mini = measured("minicluster", bootstrap, "bench-minicluster", events, result.getNetRuntime() / 1000.0);

      out.println("the job on a standalone cluster (JobManager + 2 TaskManager JVMs) ...");
      Path config = FlinkDistribution.locate().confDir().resolve("config.yaml");
      try (StandaloneCluster cluster = StandaloneCluster.start(ClusterOptions.of(2, 1, config, workDir.resolve("cluster")))) {
        String remote = spec("bench-cluster", bootstrap, EVENTS_TOPIC);
        String job = new JobSubmitter(cluster.rest()).submit(FlinkDistribution.locate().requireJobJar(),
            new JobSubmitter.Submission(remote, 2, null, true));
        while (!cluster.rest().jobState(job).equals("FINISHED")) {
          if (cluster.rest().jobState(job).equals("FAILED")) {
            throw new IllegalStateException("the benchmark job failed; logs in " + cluster.logDir());
          }
          Thread.sleep(200);
        }
        double seconds = cluster.rest().job(job).path("duration").asLong() / 1000.0;
        return List.of(mini, measured("cluster", bootstrap, "bench-cluster", events, seconds));
      }
    }
  }

  /** Reads a run's predictions: all there exactly once, and the span from the first to the last. */
  private static Run measured(String where, String bootstrap, String name, long events, double jobSeconds) {
    PredictionTally tally = new PredictionTally();
    long[] span = {Long.MAX_VALUE, Long.MIN_VALUE};
    KafkaClients.readAll(KafkaConnection.of(bootstrap), name + "-predictions", true, 0, Duration.ofSeconds(3), r -> {
      try {
        var p = Topics.PREDICTION.decode(r.value());
        tally.add(p);
        span[0] = Math.min(span[0], p.getProcessedAt());
        span[1] = Math.max(span[1], p.getProcessedAt());
      } catch (IOException e) {
        throw new UncheckedIOException("not a Prediction on " + name + "-predictions", e);
      }
    });
    if (tally.records() != events || tally.distinctIds() != events) {
      throw new IllegalStateException(where + ": expected " + events + " predictions, one per event; found "
          + tally.records() + " records for " + tally.distinctIds() + " ids");
    }
    return new Run(where, events, jobSeconds, (span[1] - span[0]) / 1000.0);
  }

  /** {@code [--events N] [--work-dir DIR]}: prints a Markdown table. */
  public static void main(String[] args) throws Exception {
    long events = 300_000;
    Path workDir = Path.of("target/cluster-bench-" + System.currentTimeMillis());
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--events" -> events = Long.parseLong(args[i + 1]);
        case "--work-dir" -> workDir = Path.of(args[i + 1]);
        default -> throw new IllegalArgumentException("unknown argument " + args[i] + "; usage: [--events N] [--work-dir DIR]");
      }
    }
    List<Run> runs = run(events, workDir, System.out);
    System.out.println("| where | events | job duration (s) | events/s (job) | first→last prediction (s) | events/s (steady) |");
    System.out.println("|---|---:|---:|---:|---:|---:|");
    for (Run r : runs) {
      System.out.printf(Locale.ROOT, "| %s | %d | %.1f | %,.0f | %.1f | %,.0f |%n", r.where(), r.events(), r.jobSeconds(),
          r.eventsPerSecond(), r.steadySeconds(), r.steadyEventsPerSecond());
    }
  }
}
