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
 * decoding, no learning, no Flink) and (2) the Eddy job run bounded on a MiniCluster over them.
 */
public final class EndToEndBenchmark {
  /**
   * @param passthroughPerSecond records/s of the plain passthrough
   * @param jobPerSecond events/s of the job over its net runtime (job start to end)
   * @param jobWallPerSecond events/s including MiniCluster start-up
   * @param ratio job / passthrough
   */
  public record Result(long events, double passthroughSeconds, double passthroughPerSecond,
      double jobSeconds, double jobPerSecond, double jobWallSeconds, double jobWallPerSecond,
      double ratio, long predictions) {}

  private EndToEndBenchmark() {}

  public static Result run(long events, Path workDir, PrintStream out) throws Exception {
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
      JobExecutionResult result = LocalRunner.run(spec, true, workDir);
      double wall = (System.nanoTime() - start) / 1e9;
      double net = result.getNetRuntime() / 1000.0;

      PredictionTally tally = new PredictionTally();
      KafkaClients.readAll(KafkaConnection.of(bootstrap), topics.predictions(), true, 0, Duration.ofSeconds(2), r -> tally.add(r.value()));
      if (tally.distinctIds() != events) {
        throw new IllegalStateException("expected " + events + " predictions, found " + tally.distinctIds());
      }
      return new Result(events, passthrough, events / passthrough, net, events / net, wall, events / wall,
          (events / net) / (events / passthrough), tally.distinctIds());
    }
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
