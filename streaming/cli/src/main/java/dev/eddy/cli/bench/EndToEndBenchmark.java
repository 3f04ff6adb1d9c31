package dev.eddy.cli.bench;

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
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;

/**
 * The end-to-end throughput harness: pre-produces N events to an embedded broker, then measures in
 * the same run (1) a plain Kafka consume→produce passthrough of the same records (the ceiling: no
 * decoding, no learning, no Flink) and (2) the Eddy job run bounded on a MiniCluster over them; with a
 * label delay, also (3) the same job over the same stream whose labels come on the labels topic
 * {@code labelDelay} events after their events (every event waits in keyed state for its label); with a
 * share of bad records, also (4) the same job over the same valid events with that share of malformed
 * records mixed in (dead-lettered), its rate counted over the valid events, next to (5) the clean job
 * run again, alternating with (4) for {@link #BAD_ROUNDS} rounds (each first in every other round), the
 * fastest run of each counting (the first job run pays the JIT's warm-up, so it is no fair baseline).
 */
public final class EndToEndBenchmark {
  /**
   * @param passthroughPerSecond records/s of the plain passthrough
   * @param jobPerSecond events/s of the job over its net runtime (job start to end)
   * @param jobWallPerSecond events/s including MiniCluster start-up
   * @param ratio job / passthrough
   * @param delayedPerSecond events/s of the job with the labels apart (net runtime), NaN when not run
   * @param delayedRatio delayed / immediate job rate, NaN when not run
   * @param badPercent bad records per 100 valid events in run (4); 0: not run
   * @param badPerSecond valid events/s of the job with the bad records mixed in (net runtime), NaN when not run
   * @param cleanAgainPerSecond events/s of the clean job run again next to run (4), NaN when not run
   * @param badRatio badPerSecond / cleanAgainPerSecond, NaN when not run
   */
  public record Result(long events, double passthroughSeconds, double passthroughPerSecond,
      double jobSeconds, double jobPerSecond, double jobWallSeconds, double jobWallPerSecond,
      double ratio, long predictions, int labelDelay, double delayedSeconds, double delayedPerSecond,
      double delayedRatio, int badPercent, double badSeconds, double badPerSecond, double cleanAgainSeconds,
      double cleanAgainPerSecond, double badRatio) {}

  private EndToEndBenchmark() {}

  /**
   * @param labelDelay events between an event and its label for run (3); negative: no such run
   * @param badPercent bad records per 100 valid events for run (4); 0: no such run
   */
  public static Result run(long events, int labelDelay, int badPercent, Path workDir, PrintStream out)
      throws Exception {
    try (KafkaBroker broker = KafkaBroker.start(0, workDir.resolve("kafka"))) {
      String bootstrap = broker.bootstrapServers();
      JobSpec spec = JobSpecReader.parse(SeededWorkload.spec(bootstrap));
      var topics = spec.kafka().topics();
      JobKafka.prepare(spec);
      TopicAdmin.ensureTopics(KafkaConnection.of(bootstrap), List.of("passthrough"), 1, Set.of());
      out.println("producing " + events + " events ...");
      try (CheckedProducer p = new CheckedProducer(KafkaConnection.of(bootstrap))) {
        SeededWorkload.produce(p, topics.events(), events, 0, 7, n -> {});
      }

      out.println("passthrough (plain consumer -> producer) ...");
      double passthrough = passthrough(bootstrap, topics.events(), "passthrough", events);

      out.println("Eddy job, bounded, on a MiniCluster ...");
      long start = System.nanoTime();
      JobExecutionResult result = LocalRunner.run(spec, true, workDir.resolve("immediate"));
      double wall = (System.nanoTime() - start) / 1e9;
      double net = result.getNetRuntime() / 1000.0;
      long predictions = requirePredictions(bootstrap, topics.predictions(), events);

      double delayed = Double.NaN;
      if (labelDelay >= 0) {
        JobSpec later = JobSpecReader.parse(SeededWorkload.spec(bootstrap).replace("name: eddy-demo",
            "name: eddy-delayed\nlabels: {wait: 1d}").replace("  bootstrap: " + bootstrap, "  bootstrap: " + bootstrap
            + "\n  topics: {events: d-events, labels: d-labels, predictions: d-predictions, drift: d-drift, models: d-models,"
            + " dead-letter: d-dlq}"));
        JobKafka.prepare(later);
        out.println("producing the same " + events + " events with their labels " + labelDelay + " events later ...");
        try (CheckedProducer p = new CheckedProducer(KafkaConnection.of(bootstrap))) {
          SeededWorkload.produce(p, "d-events", "d-labels", labelDelay, events, 0, 7, n -> {});
        }
        out.println("Eddy job with the labels apart, bounded, on a MiniCluster ...");
        delayed = LocalRunner.run(later, true, workDir.resolve("delayed")).getNetRuntime() / 1000.0;
        requirePredictions(bootstrap, "d-predictions", events);
      }
      double[] badAndClean = badPercent > 0 ? withBadRecords(bootstrap, events, badPercent, workDir, out)
          : new double[] {Double.NaN, Double.NaN};
      double withBad = badAndClean[0];
      double cleanAgain = badAndClean[1];
      return new Result(events, passthrough, events / passthrough, net, events / net, wall, events / wall,
          (events / net) / (events / passthrough), predictions, labelDelay, delayed, events / delayed,
          (events / delayed) / (events / net), badPercent, withBad, events / withBad, cleanAgain, events / cleanAgain,
          cleanAgain / withBad);
    }
  }

  /**
   * Rounds of runs (4) and (5), each first in every other round; the fastest of each counts (the JIT
   * keeps warming up across runs, and the machine's other load comes and goes).
   */
  static final int BAD_ROUNDS = 4;

  /**
   * Runs (4) and (5): the same valid events with {@code badPercent} % malformed records, and the clean
   * stream again, alternating for {@link #BAD_ROUNDS} rounds; returns the fastest net seconds of each.
   */
  private static double[] withBadRecords(String bootstrap, long events, int badPercent, Path workDir, PrintStream out)
      throws Exception {
    int badRecords = (int) (events * badPercent / 100);
    TopicAdmin.ensureTopics(KafkaConnection.of(bootstrap), List.of("b-events"), 1, Set.of());
    out.println("producing the same " + events + " events with " + badRecords + " bad records mixed in ...");
    try (CheckedProducer p = new CheckedProducer(KafkaConnection.of(bootstrap))) {
      SeededWorkload.produce(p, "b-events", events, badRecords, 7, n -> {});
    }
    double bad = Double.MAX_VALUE;
    double clean = Double.MAX_VALUE;
    for (int round = 1; round <= BAD_ROUNDS; round++) {
      boolean badFirst = round % 2 == 1; // each goes first as often as the other: the later run is warmer
      out.println("round " + round + ": the job over the stream " + (badFirst ? "with bad records, then the clean one"
          : "without bad records, then the one with") + " ...");
      for (int k = 0; k < 2; k++) {
        if ((k == 0) == badFirst) {
          bad = Math.min(bad, runOver(bootstrap, "b-events", "bad" + round, events, badRecords, workDir));
        } else {
          clean = Math.min(clean, runOver(bootstrap, "events", "clean" + round, events, 0, workDir));
        }
      }
    }
    return new double[] {bad, clean};
  }

  /**
   * The demo's job as {@code eddy-NAME} over {@code eventsTopic} into its own output topics, bounded;
   * checks its predictions and dead letters and returns its net seconds.
   */
  private static double runOver(String bootstrap, String eventsTopic, String name, long events, long deadLetters,
      Path workDir) throws Exception {
    String t = name + "-";
    JobSpec spec = JobSpecReader.parse(SeededWorkload.spec(bootstrap).replace("name: eddy-demo", "name: eddy-" + name)
        .replace("  bootstrap: " + bootstrap, "  bootstrap: " + bootstrap + "\n  topics: {events: " + eventsTopic
            + ", labels: " + t + "labels, predictions: " + t + "predictions, drift: " + t + "drift, models: " + t
            + "models, dead-letter: " + t + "dlq}"));
    JobKafka.prepare(spec);
    double seconds = LocalRunner.run(spec, true, workDir.resolve(name)).getNetRuntime() / 1000.0;
    requirePredictions(bootstrap, t + "predictions", events);
    long dead = KafkaClients.readAll(KafkaConnection.of(bootstrap), t + "dlq", true, 0, Duration.ofSeconds(2), r -> {});
    if (dead != deadLetters) {
      throw new IllegalStateException("expected " + deadLetters + " dead letters on " + t + "dlq, found " + dead);
    }
    return seconds;
  }

  /** Checks that the topic holds exactly one committed prediction per event; returns their count. */
  static long requirePredictions(String bootstrap, String topic, long events) {
    PredictionTally tally = new PredictionTally();
    KafkaClients.readAll(KafkaConnection.of(bootstrap), topic, true, 0, Duration.ofSeconds(2), r -> tally.add(r.value()));
    if (tally.distinctIds() != events || tally.records() != events) {
      throw new IllegalStateException("expected " + events + " predictions on " + topic + ", found "
          + tally.records() + " for " + tally.distinctIds() + " ids");
    }
    return tally.distinctIds();
  }

  /** Copies {@code n} records from one topic to another with plain clients; returns the seconds. */
  static double passthrough(String bootstrap, String from, String to, long n) {
    long start = System.nanoTime();
    long copied = 0;
    try (KafkaConsumer<byte[], byte[]> c = KafkaClients.consumer(KafkaConnection.of(bootstrap), from, true, true);
        CheckedProducer p = new CheckedProducer(KafkaConnection.of(bootstrap))) {
      while (copied < n) {
        for (ConsumerRecord<byte[], byte[]> r : c.poll(Duration.ofMillis(200))) {
          p.send(to, r.key(), r.value());
          copied++;
        }
      }
      p.flush();
    }
    return (System.nanoTime() - start) / 1e9;
  }
}
