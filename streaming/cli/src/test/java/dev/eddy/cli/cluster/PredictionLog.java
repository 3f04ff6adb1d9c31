package dev.eddy.cli.cluster;

import dev.eddy.cli.workload.PredictionTally;
import dev.eddy.core.kafka.KafkaClients;
import dev.eddy.core.kafka.KafkaConnection;
import dev.eddy.schemas.Prediction;
import dev.eddy.schemas.codec.Topics;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;

/**
 * Tails a predictions topic from its beginning with read_committed in a background thread, the way a
 * downstream consumer sees it: every committed prediction, when it became visible, and a
 * {@link PredictionTally} over all of them.
 */
final class PredictionLog implements AutoCloseable {
  /**
   * One committed prediction.
   *
   * @param processedAt when the job predicted (epoch ms, the TaskManager's clock)
   * @param visibleAt when this consumer received it (epoch ms)
   */
  record Seen(String id, boolean correct, double score, long processedAt, long visibleAt) {}

  private final List<Seen> seen = new ArrayList<>();
  private final PredictionTally tally = new PredictionTally();
  private final Thread thread;
  private volatile boolean running = true;
  private volatile RuntimeException failure;

  PredictionLog(String bootstrap, String topic) {
    thread = new Thread(() -> tail(bootstrap, topic), "eddy-prediction-log-" + topic);
    thread.setDaemon(true);
    thread.start();
  }

  private void tail(String bootstrap, String topic) {
    try (KafkaConsumer<byte[], byte[]> consumer = KafkaClients.consumer(KafkaConnection.of(bootstrap), topic, true, true)) {
      while (running) {
        for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(100))) {
          Prediction p = Topics.PREDICTION.decode(r.value());
          boolean correct = p.getLabel() != null && (p.getPredictedLabel() > 0) == (p.getLabel() > 0);
          synchronized (this) {
            tally.add(p);
            seen.add(new Seen(p.getId(), correct, p.getScore(), p.getProcessedAt(), System.currentTimeMillis()));
          }
        }
      }
    } catch (IOException | RuntimeException e) {
      failure = new IllegalStateException("tailing " + topic + " failed", e);
    }
  }

  synchronized long count() {
    check();
    return seen.size();
  }

  /** A copy of every prediction seen so far, ordered as the job made them (by processedAt). */
  synchronized List<Seen> byProcessingTime() {
    check();
    List<Seen> copy = new ArrayList<>(seen);
    copy.sort(Comparator.comparingLong(Seen::processedAt));
    return copy;
  }

  synchronized PredictionTally tally() {
    check();
    return tally;
  }

  private void check() {
    if (failure != null) {
      throw failure;
    }
  }

  @Override
  public void close() throws InterruptedException {
    running = false;
    thread.join(10_000);
  }
}
