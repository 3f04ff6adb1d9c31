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
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExecutionOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;

/**
 * {@code bench --latency}: first the job's maximum rate (bounded, at-least-once, over pre-produced
 * events), then, per guarantee and checkpoint interval, the running job fed at half that rate (or at {@code --latency-rate}), each
 * event stamped with its production time; a {@code read_committed} consumer of the predictions takes
 * each prediction's latency as the time it could read it minus that stamp. The first
 * {@link #WARM_UP} are not counted (start-up, JIT). With exactly-once, a prediction becomes readable
 * only when the checkpoint after it commits its transaction, so its latency is at least the wait
 * for the next checkpoint: about half the interval on average, up to a whole interval plus the
 * checkpoint's own duration. The maximum rate and the at-least-once latencies are also taken with
 * Flink's default network buffer timeout (100 ms) instead of the job's ({@code EddyJob.BUFFER_TIMEOUT}),
 * as the baseline of that setting in the same run.
 */
public final class LatencyBenchmark {
  static final Duration WARM_UP = Duration.ofSeconds(10);

  /** Flink's default network buffer timeout, the baseline of the job's shorter one. */
  static final Duration FLINK_BUFFER_TIMEOUT = Duration.ofMillis(100);

  /** One setting's latencies, ms; {@code bufferTimeout} "job" (the job's) or Flink's default. */
  public record Run(String guarantee, String interval, String bufferTimeout, double ratePerSecond, long predictions,
      double p50, double p99, double p999, double max) {}

  /** The maximum rates measured first (with the job's buffer timeout, and with Flink's default), and the runs (at half the first unless a rate is given). */
  public record Result(double maxPerSecond, double maxFlinkTimeoutPerSecond, List<Run> runs) {}

  private LatencyBenchmark() {}

  /** @param fixedRate events/s of the latency runs; 0 = half the measured maximum */
  public static Result run(long events, Duration measure, double fixedRate, Path workDir, PrintStream out) throws Exception {
    List<Run> runs = new ArrayList<>();
    double max;
    double maxFlink;
    try (KafkaBroker broker = KafkaBroker.start(0, workDir.resolve("kafka"))) {
      String bootstrap = broker.bootstrapServers();
      TopicAdmin.ensureTopics(KafkaConnection.of(bootstrap), List.of("max-events"), 1, Set.of());
      out.println("producing " + events + " events, then the job's maximum rate (at-least-once, bounded) ...");
      try (CheckedProducer p = new CheckedProducer(KafkaConnection.of(bootstrap))) {
        new KeyedStream("avro", 1, "uniform", events, 7).produce(p, "max-events", events);
      }
      // the job's timeout, Flink's, the job's again: the first run pays the JIT's warm-up, the faster of the job's counts
      max = maxRate(bootstrap, "lat-max", events, new Configuration(), workDir);
      maxFlink = maxRate(bootstrap, "lat-max-flink", events, flinkTimeout(), workDir);
      max = Math.max(max, maxRate(bootstrap, "lat-max-again", events, new Configuration(), workDir));
      double rate = fixedRate > 0 ? fixedRate : max / 2;
      String[][] settings = {{"at-least-once", "1s", "flink"}, {"at-least-once", "1s", "job"}, {"exactly-once", "1s", "job"},
          {"exactly-once", "10s", "job"}};
      for (String[] s : settings) {
        String name = "lat-" + s[0] + "-" + s[1] + "-" + s[2];
        out.printf("%s, checkpoints every %s, %s buffer timeout: %,.0f events/s for %d s after %d s of warm-up ...%n", s[0],
            s[1], s[2], rate, measure.toSeconds(), WARM_UP.toSeconds());
        runs.add(latency(bootstrap, name, s, rate, measure, workDir));
      }
    }
    return new Result(max, maxFlink, runs);
  }

  /** Events per second of the bounded job {@code name} over the pre-produced events. */
  private static double maxRate(String bootstrap, String name, long events, Configuration extra, Path workDir)
      throws Exception {
    JobSpec spec = ScaleBenchmark.spec(bootstrap, name, "max-events", "avro", false, "at-least-once", "1s");
    JobKafka.prepare(spec);
    return events / JobProbe.run(spec, workDir.resolve(name), false, extra).seconds();
  }

  private static Configuration flinkTimeout() {
    Configuration c = new Configuration();
    c.set(ExecutionOptions.BUFFER_TIMEOUT, FLINK_BUFFER_TIMEOUT);
    return c;
  }

  /** {@code setting}: guarantee, checkpoint interval, buffer timeout ("job" or "flink"). */
  private static Run latency(String bootstrap, String name, String[] setting, double rate, Duration measure, Path workDir)
      throws Exception {
    String guarantee = setting[0];
    String interval = setting[1];
    String topic = name + "-events";
    TopicAdmin.ensureTopics(KafkaConnection.of(bootstrap), List.of(topic), 1, Set.of());
    JobSpec spec = ScaleBenchmark.spec(bootstrap, name, topic, "avro", false, guarantee, interval);
    JobKafka.prepare(spec);
    JobClient job = LocalRunner.start(spec, false, workDir.resolve(name),
        setting[2].equals("flink") ? flinkTimeout() : new Configuration());
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
    return new Run(guarantee, interval, setting[2].equals("flink") ? FLINK_BUFFER_TIMEOUT.toMillis() + " ms (Flink's)" : "job's",
        rate, latencies.length, quantile(latencies, 0.5), quantile(latencies, 0.99),
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
