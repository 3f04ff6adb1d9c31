package dev.eddy.cli.demo;

import dev.eddy.cli.metrics.MetricsTap;
import dev.eddy.cli.workload.Pace;
import dev.eddy.cli.workload.SeededWorkload;
import dev.eddy.core.kafka.CheckedProducer;
import dev.eddy.core.kafka.KafkaConnection;
import dev.eddy.core.metrics.EddyMetric;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.SavepointFormatType;

/**
 * The demo with labels that come later, live: the job runs unbounded and the stream is produced while it
 * runs, at a pace the job keeps up with, each label on the labels topic N events after its event. A
 * replay produced beforehand would not show the delay: the job reads the events and labels topics
 * independently, so the events source would run thousands of events ahead of the labels and the delay
 * would be whatever the two readers made of it. For the same reason the replay never runs more than
 * {@link #AHEAD} events ahead of the job's predictions (a job slowed by a busy machine slows the replay
 * too), and at most {@link #EVENTS_PER_SECOND}. Once every label has been matched (or has expired), the
 * job is stopped with a savepoint, which commits its outputs.
 */
final class LiveReplay {
  /** The pace of the replay at most: well below the job's throughput here (BENCHMARKS.md). */
  static final int EVENTS_PER_SECOND = 10_000;
  /** How far the replay may run ahead of the job's predictions, in events. */
  static final int AHEAD = 200;
  private static final Duration LABELS_TIMEOUT = Duration.ofMinutes(2);

  private LiveReplay() {}

  /**
   * Produces the demo's stream in the background once the job's learner is up (its metrics registered),
   * paced to {@link #EVENTS_PER_SECOND} and to the job ({@link #AHEAD}); completes with the stream's drift
   * points.
   */
  static CompletableFuture<long[]> produce(String bootstrap, String events, String labels, Demo.Options o, MetricsTap tap,
      CompletableFuture<?> job) {
    return CompletableFuture.supplyAsync(() -> {
      try {
        long up = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (!tap.has(EddyMetric.PREDICTIONS.metricName())) {
          if (System.nanoTime() > up) {
            throw new IllegalStateException("the job's learner did not start within 2 minutes");
          }
          Thread.sleep(100);
        }
        long start = System.nanoTime();
        try (CheckedProducer producer = new CheckedProducer(KafkaConnection.of(bootstrap))) {
          return SeededWorkload.produce(producer, events, labels, o.labelDelay(), o.events(), o.badRecords(), o.seed(),
              n -> {
                Pace.await(start, n, EVENTS_PER_SECOND);
                keepUp(tap, n, job);
              });
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while producing the demo's stream", e);
      }
    });
  }

  /** Waits until the job has predicted all but {@link #AHEAD} of the {@code sent} events (or has ended). */
  private static void keepUp(MetricsTap tap, long sent, CompletableFuture<?> job) {
    while (tap.count(EddyMetric.PREDICTIONS.metricName()) < sent - AHEAD && !job.isDone()) {
      try {
        Thread.sleep(2);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while producing the demo's stream", e);
      }
    }
  }

  /**
   * Waits until every event's label was matched or expired (at most {@link #LABELS_TIMEOUT}, then says
   * how many are missing), then stops the job with a savepoint under {@code workDir/savepoints}.
   */
  static void stopWhenLabelled(JobClient job, MetricsTap tap, long events, Path workDir, PrintStream out)
      throws Exception {
    long deadline = System.nanoTime() + LABELS_TIMEOUT.toNanos();
    long done;
    while ((done = tap.count(EddyMetric.LABELS_MATCHED.metricName()) + tap.count(EddyMetric.LABELS_EXPIRED.metricName()))
        < events && System.nanoTime() < deadline && !job.getJobExecutionResult().isDone()) {
      Thread.sleep(200);
    }
    if (done < events) {
      out.println("Only " + done + " of " + events + " labels were matched or expired within " + LABELS_TIMEOUT.toSeconds()
          + " s; stopping the job anyway.");
    }
    out.println("Stopping the job with a savepoint (commits its outputs) ...");
    job.stopWithSavepoint(false, workDir.resolve("savepoints").toUri().toString(), SavepointFormatType.CANONICAL)
        .get(5, TimeUnit.MINUTES);
  }
}
