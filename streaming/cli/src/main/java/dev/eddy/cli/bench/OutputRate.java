package dev.eddy.cli.bench;

import dev.eddy.core.kafka.KafkaClients;
import dev.eddy.core.kafka.KafkaConnection;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.KafkaConsumer;

/**
 * The steady rate at which a run writes its output topic: a thread samples the topic's end offset
 * ({@code read_uncommitted}, so records of open transactions count when written, not when committed) every
 * 20 ms while the run goes, and {@link #steadyPerSecond} is the records written between the samples that
 * first reach 20 % and 90 % of the run's records, over the time between them. A run's start (a job's
 * deployment, its sources' first fetch) and its end (a bounded exactly-once job waits for a final checkpoint
 * to commit) are fixed costs that a rate over the whole run counts per record: on a run of a few seconds,
 * a quarter or more of its time (BENCHMARKS.md, "Job vs transactional passthrough"). The end offsets count
 * the transactions' commit markers too: one per partition and commit, negligible at these rates.
 */
final class OutputRate implements AutoCloseable {
  private static final double FROM = 0.2;
  private static final double TO = 0.9;

  private final List<long[]> samples = new ArrayList<>(); // {nanoTime, end offset}
  private final Thread sampler;
  private volatile boolean running = true;

  /** A run's records per second over its whole time and in its steady state. */
  record Measured(double perSecond, double steadyPerSecond) {}

  /**
   * Runs {@code run} (it returns its seconds) while sampling {@code topic}, the output it writes {@code records}
   * records to.
   */
  static Measured measure(String bootstrap, String topic, long records, java.util.concurrent.Callable<Double> run)
      throws Exception {
    try (OutputRate rate = new OutputRate(bootstrap, topic)) {
      double seconds = run.call();
      return new Measured(records / seconds, rate.steadyPerSecond(records));
    }
  }

  /** Starts sampling {@code topic} (it must exist). */
  OutputRate(String bootstrap, String topic) {
    KafkaConsumer<byte[], byte[]> c = KafkaClients.consumer(KafkaConnection.of(bootstrap), topic, false, false);
    sampler = new Thread(() -> {
      try (c) {
        while (running) {
          long offset = c.endOffsets(c.assignment()).values().stream().mapToLong(Long::longValue).sum();
          synchronized (samples) {
            samples.add(new long[] {System.nanoTime(), offset});
          }
          Thread.sleep(20);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "output-rate " + topic);
    sampler.setDaemon(true);
    sampler.start();
  }

  /** Records per second between the first samples at 20 % and at 90 % of {@code records}; NaN if not both seen. */
  double steadyPerSecond(long records) {
    long[] from = null;
    long[] to = null;
    synchronized (samples) {
      for (long[] s : samples) {
        if (from == null && s[1] >= FROM * records) {
          from = s;
        }
        if (to == null && s[1] >= TO * records) {
          to = s;
        }
      }
    }
    if (from == null || to == null || to[0] == from[0]) {
      return Double.NaN;
    }
    return (to[1] - from[1]) / ((to[0] - from[0]) / 1e9);
  }

  @Override
  public void close() throws InterruptedException {
    running = false;
    sampler.join();
  }
}
