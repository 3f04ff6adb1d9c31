package dev.eddy.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eddy.cli.local.LocalRunner;
import dev.eddy.core.kafka.CheckedProducer;
import dev.eddy.core.kafka.JobKafka;
import dev.eddy.core.kafka.KafkaConnection;
import dev.eddy.core.spec.JobSpec;
import dev.eddy.core.spec.JobSpecReader;
import dev.eddy.schemas.Event;
import dev.eddy.schemas.codec.Topics;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.core.execution.JobClient;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TransactionState;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two jobs with one name on one Kafka cluster would share the consumer group and transactional ids
 * and fence each other: while a job runs (a real one, on a MiniCluster, with events flowing), a second
 * start of the same name is refused, naming the live job's transaction; once it is gone, it starts.
 */
@Tag("slow")
@Timeout(value = 3, unit = java.util.concurrent.TimeUnit.MINUTES)
class NamesakeITCase {
  @RegisterExtension static final KafkaTestSupport kafka = new KafkaTestSupport();

  @Test
  void aSecondJobWithTheSameNameIsRefusedWhileTheFirstRuns() throws Exception {
    JobSpec spec = JobSpecReader.parse(String.join("\n",
        "name: twin",
        "kafka: {bootstrap: '" + kafka.bootstrap() + "', topics: {events: tw-events, labels: tw-labels,"
            + " predictions: tw-predictions, drift: tw-drift, models: tw-models, dead-letter: tw-dlq}}",
        "features: [x1]",
        "learner: {type: pa-i}",
        "checkpoint: {interval: 500ms}",
        ""));
    JobKafka.prepare(spec);
    AtomicBoolean producing = new AtomicBoolean(true);
    Thread events = new Thread(() -> produceUntilStopped(producing), "twin-events");
    events.start();
    JobClient first = LocalRunner.start(spec, false, kafka.workDir("twin"));
    try {
      while (first.getJobStatus().get() != JobStatus.RUNNING) {
        Thread.sleep(100);
      }
      awaitOpenTransaction("twin-"); // the first job writes (a busy machine may take a while to get there)
      assertThatThrownBy(() -> JobKafka.prepare(spec))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageStartingWith("another job named twin is writing to this Kafka cluster (its transaction twin-")
          .hasMessageContaining("Give this job another name (spec: name)");
    } finally {
      first.cancel().get();
      producing.set(false);
      events.join();
    }
    // the cancelled job may leave an open transaction behind, but it does not renew
    JobKafka.prepare(spec);
  }

  /** Waits until a transaction whose id starts with {@code prefix} is open on the broker. */
  private static void awaitOpenTransaction(String prefix) throws Exception {
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrap()))) {
      long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
      while (admin.listTransactions().all().get().stream()
          .noneMatch(t -> t.state() == TransactionState.ONGOING && t.transactionalId().startsWith(prefix))) {
        assertThat(System.nanoTime()).as("the first job opens a transaction").isLessThan(deadline);
        Thread.sleep(200);
      }
    }
  }

  private static void produceUntilStopped(AtomicBoolean producing) {
    try (CheckedProducer p = new CheckedProducer(KafkaConnection.of(kafka.bootstrap()))) {
      for (int i = 0; producing.get(); i++) {
        p.send("tw-events", null, Topics.EVENT.encode(Event.newBuilder().setId("e-" + i)
            .setTimestamp(1_700_000_000_000L + i).setFeatures(Map.of("x1", (double) (i % 7))).setLabel((double) (i % 2)).build()));
        p.flush();
        Thread.sleep(20);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
