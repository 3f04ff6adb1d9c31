package dev.eddy.cli.cluster;

import dev.eddy.cli.workload.Pace;
import dev.eddy.cli.workload.SeededWorkload;
import dev.eddy.core.kafka.CheckedProducer;
import dev.eddy.core.kafka.KafkaConnection;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Produces the demo's seeded SEA stream ({@link SeededWorkload}, ids {@code e-0 .. e-(n-1)}) in a
 * background thread at a steady rate, so that a job is mid-stream when a test disturbs it. The
 * producer is idempotent, so a broker restart neither loses nor doubles events.
 */
final class PacedFeeder implements AutoCloseable {
  private final AtomicLong produced = new AtomicLong();
  private final CompletableFuture<Void> done;
  private volatile boolean stopped;

  /**
   * Starts producing {@code events} events to {@code topic} at about {@code perSecond} per second; with
   * {@code labelsTopic} set, their labels go there {@code labelDelay} events later.
   */
  PacedFeeder(String bootstrap, String topic, String labelsTopic, int labelDelay, long events, int perSecond, long seed) {
    this(bootstrap, topic, labelsTopic, labelDelay, events, 0, perSecond, seed);
  }

  /** The same with {@code badRecords} malformed records mixed in ({@link SeededWorkload}'s, each different). */
  PacedFeeder(String bootstrap, String topic, String labelsTopic, int labelDelay, long events, int badRecords,
      int perSecond, long seed) {
    done = CompletableFuture.runAsync(() -> {
      long start = System.nanoTime();
      try (CheckedProducer producer = new CheckedProducer(KafkaConnection.of(bootstrap))) {
        SeededWorkload.produce(producer, topic, labelsTopic, labelDelay, events, badRecords, seed, n -> {
          if (stopped) {
            throw new IllegalStateException("feeder stopped");
          }
          produced.set(n);
          Pace.await(start, n, perSecond);
        });
      }
    }, task -> {
      Thread t = new Thread(task, "eddy-feeder-" + topic);
      t.setDaemon(true);
      t.start();
    });
  }

  /** Events handed to the producer so far (in steps of 1000). */
  long produced() {
    return produced.get();
  }

  /** Rethrows the producer's failure, if it failed. */
  void check() {
    if (done.isCompletedExceptionally()) {
      done.join();
    }
  }

  /** Waits until every event was produced and flushed; rethrows the producer's failure. */
  void await(long timeoutSeconds) throws Exception {
    done.get(timeoutSeconds, TimeUnit.SECONDS);
  }

  @Override
  public void close() {
    stopped = true;
    // stopping early fails the producing thread on purpose: only wait for it to end
    done.handle((ok, failure) -> null).orTimeout(60, TimeUnit.SECONDS).join();
  }
}
