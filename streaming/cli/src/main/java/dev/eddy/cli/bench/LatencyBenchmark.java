package dev.eddy.cli.bench;

import dev.eddy.cli.kafka.KafkaBroker;
import dev.eddy.cli.local.LocalRunner;
import dev.eddy.core.kafka.CheckedProducer;
import dev.eddy.core.kafka.JobKafka;
import dev.eddy.core.kafka.KafkaClients;
import dev.eddy.core.kafka.KafkaConnection;
import dev.eddy.core.kafka.TopicAdmin;
import dev.eddy.core.spec.JobSpec;
import dev.eddy.schemas.Prediction;
import dev.eddy.schemas.codec.Topics;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.apache.flink.core.execution.JobClient;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;

/**
 * {@code bench --latency}: first the job's maximum rate (bounded, at-least-once, over pre-produced
 * events), then, per guarantee and checkpoint interval, the running job fed at half that rate, each
 * event stamped with its production time; a {@code read_committed} consumer of the predictions takes
 * each prediction's latency as the time it could read it minus that stamp. The first
 * {@link #WARM_UP} are not counted (start-up, JIT). With exactly-once, a prediction becomes readable
 * only when the checkpoint after it commits its transaction, so its latency is at least the wait
 * for the next checkpoint: about half the interval on average, up to a whole interval plus the
 * checkpoint's own duration.
 */
public final class LatencyBenchmark {
  static final Duration WARM_UP = Duration.ofSeconds(10);

  /** One setting's latencies, ms. */
  public record Run(String guarantee, String interval, double ratePerSecond, long predictions, double p50, double p99,
      double p999, double max) {}

  /** The maximum rate measured first and the runs at half of it. */
  public record Result(double maxPerSecond, List<Run> runs) {}

  private LatencyBenchmark() {}

  public static Result run(long events, Duration measure, Path workDir, PrintStream out) throws Exception {
    List<Run> runs = new ArrayList<>();
    double max;
    try (KafkaBroker broker = KafkaBroker.start(0, workDir.resolve("kafka"))) {
      String bootstrap = broker.bootstrapServers();
      TopicAdmin.ensureTopics(KafkaConnection.of(bootstrap), List.of("max-events"), 1, Set.of());
      out.println("producing " + events + " events, then the job's maximum rate (at-least-once, bounded) ...");
      try (CheckedProducer p = new CheckedProducer(KafkaConnection.of(bootstrap))) {
        new KeyedStream("avro", 1, "uniform", events, 7).produce(p, "max-events", events);
      }
      JobSpec maxSpec = ScaleBenchmark.spec(bootstrap, "lat-max", "max-events", "avro", false, "at-least-once", "1s");
      JobKafka.prepare(maxSpec);
      max = events / JobProbe.run(maxSpec, workDir.resolve("max"), false).seconds();
      double rate = max / 2;
      String[][] settings = {{"at-least-once", "1s"}, {"exactly-once", "1s"}, {"exactly-once", "10s"}};
      for (String[] s : settings) {
        String name = "lat-" + s[0] + "-" + s[1];
        out.printf("%s, checkpoints every %s: %,.0f events/s for %d s after %d s of warm-up ...%n", s[0], s[1], rate,
            measure.toSeconds(), WARM_UP.toSeconds());
        runs.add(latency(bootstrap, name, s[0], s[1], rate, measure, workDir));
      }
    }
    return new Result(max, runs);
  }

  private static Run latency(String bootstrap, String name, String guarantee, String interval, double rate, Duration measure,
      Path workDir) throws Exception {
    String topic = name + "-events";
    TopicAdmin.ensureTopics(KafkaConnection.of(bootstrap), List.of(topic), 1, Set.of());
    JobSpec spec = ScaleBenchmark.spec(bootstrap, name, topic, "avro", false, guarantee, interval);
    JobKafka.prepare(spec);
    JobClient job = LocalRunner.start(spec, false, workDir.resolve(name));
    long[] latencies;
    try {
      while (job.getJobStatus().get() != org.apache.flink.api.common.JobStatus.RUNNING) {
        Thread.sleep(100);
      }
      Thread.sleep(3000); // the tasks deploy after the job is RUNNING
      long total = (long) (rate * (WARM_UP.toSeconds() + measure.toSeconds()));
      long countFrom = (long) (rate * WARM_UP.toSeconds());
      Thread producer = new Thread(() -> paced(bootstrap, topic, rate, total), "eddy-bench-paced");
      producer.start();
      latencies = consume(bootstrap, spec.kafka().topics().predictions(), total, countFrom,
          Duration.ofMillis(60_000 + (long) (1000 * (WARM_UP.toSeconds() + measure.toSeconds()))));
      producer.join();
    } finally {
      job.cancel().get();
    }
    Arrays.sort(latencies);
    return new Run(guarantee, interval, rate, latencies.length, quantile(latencies, 0.5), quantile(latencies, 0.99),
        quantile(latencies, 0.999), latencies.length == 0 ? Double.NaN : latencies[latencies.length - 1]);
  }

  /** Sends {@code total} events at {@code rate}, each stamped with the time it is sent. */
  private static void paced(String bootstrap, String topic, double rate, long total) {
    KeyedStream stream = new KeyedStream("avro", 1, "uniform", total, 11);
    try (CheckedProducer p = new CheckedProducer(KafkaConnection.of(bootstrap))) {
      long start = System.nanoTime();
      for (long i = 0; i < total; i++) {
        long due = start + (long) (i * 1e9 / rate);
        long wait = due - System.nanoTime();
        if (wait > 1_000_000) {
          try {
            Thread.sleep(wait / 1_000_000);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
          }
        }
        stream.send(p, topic, i, System.currentTimeMillis());
      }
      p.flush();
    }
  }

  /** Reads predictions until {@code total} arrived; the latencies of those from position {@code countFrom} on. */
  private static long[] consume(String bootstrap, String topic, long total, long countFrom, Duration limit)
      throws Exception {
    long[] out = new long[(int) (total - countFrom)];
    int n = 0;
    long seen = 0;
    long deadline = System.nanoTime() + limit.toNanos();
    try (KafkaConsumer<byte[], byte[]> c = KafkaClients.consumer(KafkaConnection.of(bootstrap), topic, true, true)) {
      while (seen < total && System.nanoTime() < deadline) {
        for (ConsumerRecord<byte[], byte[]> r : c.poll(Duration.ofMillis(5))) {
          long now = System.currentTimeMillis();
          Prediction p = Topics.PREDICTION.decode(r.value());
          long position = Long.parseLong(p.getId().toString().substring(2));
          if (position >= countFrom && n < out.length) {
            out[n++] = now - p.getEventTime();
          }
          seen++;
        }
      }
    }
    if (seen < total) {
      throw new IllegalStateException("only " + seen + " of " + total + " predictions arrived within " + limit.toSeconds() + " s");
    }
    return Arrays.copyOf(out, n);
  }

  private static double quantile(long[] sorted, double q) {
    return sorted.length == 0 ? Double.NaN : sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)];
  }
}
