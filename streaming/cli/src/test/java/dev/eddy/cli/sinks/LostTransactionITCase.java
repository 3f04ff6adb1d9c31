package dev.eddy.cli.sinks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eddy.cli.KafkaTestSupport;
import dev.eddy.sinks.LossRefusingCommitter;
import dev.eddy.sinks.TransactionLostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.flink.api.connector.sink2.Committer.CommitRequest;
import org.apache.flink.connector.kafka.sink.KafkaCommittable;
import org.apache.flink.connector.kafka.sink.internal.FlinkKafkaInternalProducer;
import org.apache.flink.connector.kafka.sink.internal.KafkaCommitter;
import org.apache.flink.runtime.executiongraph.failover.ExecutionFailureHandler;
import org.apache.flink.runtime.metrics.groups.InternalSinkCommitterMetricGroup;
import org.apache.flink.runtime.metrics.groups.UnregisteredMetricGroups;
import org.apache.flink.streaming.runtime.operators.sink.committables.CommitRequestImpl;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TransactionState;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A completed checkpoint's transaction whose commit comes after the broker aborted it (here: after a
 * 1 s transaction timeout, as after a recovery longer than the timeout): the connector's committer
 * would drop it as a "known failure"; the job's committer fails, and Flink does not restart into the
 * same loss. Real broker, the connector's real committer and producer, Flink's real commit request.
 */
class LostTransactionITCase {
  @RegisterExtension static final KafkaTestSupport kafka = new KafkaTestSupport();

  @Test
  void aCommitAfterTheBrokerAbortedTheTransactionFailsTheJobForGood() throws Exception {
    kafka.createTopics(List.of("lost-out"));
    Properties config = producerConfig();
    KafkaCommittable late = openTransaction("lost-1", config);
    awaitAbortedByTheBroker("lost-1");

    var committer = new LossRefusingCommitter(committer(config, "lost"), config);
    assertThatThrownBy(() -> committer.commit(List.of(new Request(late))))
        .satisfies(e -> assertThat(ExecutionFailureHandler.isUnrecoverableError(e)).as("no restart").isTrue())
        .hasCauseInstanceOf(TransactionLostException.class)
        .cause().hasMessageContaining("lost-1").hasMessageContaining("the coordinator has it")
        .hasMessageContaining("transaction.timeout.ms (1000 ms)");
    assertThat(kafka.readCommitted("lost-out")).isEmpty();
    committer.close();
  }

  @Test
  void aTimelyCommitGoesThroughAndItsRecordsAreRead() throws Exception {
    kafka.createTopics(List.of("kept-out"));
    Properties config = producerConfig();
    KafkaCommittable timely = openTransaction("kept-1", config, "kept-out");
    var committer = new LossRefusingCommitter(committer(config, "lost"), config);
    committer.commit(List.of(new Request(timely)));
    assertThat(kafka.readCommitted("kept-out")).hasSize(1);
    committer.close();
  }

  @Test
  void aFencedRecommitOfACommittedTransactionCountsAsCommitted() throws Exception {
    kafka.createTopics(List.of("again-out"));
    Properties config = producerConfig();
    config.setProperty("transaction.timeout.ms", "60000");
    KafkaCommittable done = committedByTheWriter("again-1", config, "again-out");
    // as after a restore: the checkpoint's committable is committed again by a new committer
    Request plain = new Request(done);
    try (KafkaCommitter connector = committer(config, "plain")) {
      connector.commit(List.of(plain));
    }
    assertThat(plain.knownFailure).as("protocol 2 bumped the epoch: the connector's own committer is fenced")
        .isInstanceOf(ProducerFencedException.class);
    Request again = new Request(done);
    try (var refusing = new LossRefusingCommitter(committer(config, "again"), config)) {
      refusing.commit(List.of(again));
    }
    assertThat(again.alreadyCommitted).isTrue();
    assertThat(kafka.readCommitted("again-out")).hasSize(2);
  }

  private Properties producerConfig() {
    Properties config = new Properties();
    config.setProperty("bootstrap.servers", kafka.bootstrap());
    config.setProperty("transaction.timeout.ms", "1000");
    config.setProperty("key.serializer", "org.apache.kafka.common.serialization.ByteArraySerializer");
    config.setProperty("value.serializer", "org.apache.kafka.common.serialization.ByteArraySerializer");
    return config;
  }

  private static KafkaCommitter committer(Properties config, String prefix) {
    return new KafkaCommitter(config, prefix, 0, 0, false, FlinkKafkaInternalProducer::new);
  }

  private static KafkaCommittable openTransaction(String transactionalId, Properties config) {
    return openTransaction(transactionalId, config, "lost-out");
  }

  /**
   * A checkpoint's transaction committed by the writer's own producer before a failure (a chained
   * committer commits with it), as the checkpoint stored it. The producer's first transaction makes it
   * speak the broker's transaction protocol 2 (an epoch bump per commit) as a long-running writer does.
   */
  private static KafkaCommittable committedByTheWriter(String transactionalId, Properties config, String topic) {
    try (var producer = new FlinkKafkaInternalProducer<byte[], byte[]>(config, transactionalId)) {
      producer.initTransactions();
      producer.beginTransaction();
      producer.send(new ProducerRecord<>(topic, "v".getBytes(StandardCharsets.UTF_8)));
      producer.commitTransaction();
      producer.beginTransaction();
      producer.send(new ProducerRecord<>(topic, "w".getBytes(StandardCharsets.UTF_8)));
      producer.flush();
      KafkaCommittable checkpointed =
          new KafkaCommittable(producer.getProducerId(), producer.getEpoch(), transactionalId, null);
      producer.commitTransaction();
      return checkpointed;
    }
  }

  /** A transaction as the writer leaves it at a checkpoint: records sent and flushed, not committed. */
  private static KafkaCommittable openTransaction(String transactionalId, Properties config, String topic) {
    try (var producer = new FlinkKafkaInternalProducer<byte[], byte[]>(config, transactionalId)) {
      producer.initTransactions();
      producer.beginTransaction();
      producer.send(new ProducerRecord<>(topic, "v".getBytes(StandardCharsets.UTF_8)));
      producer.flush();
      // what the checkpoint stores; the committer resumes the transaction with a producer of its own
      return new KafkaCommittable(producer.getProducerId(), producer.getEpoch(), transactionalId, null);
    }
  }

  private static void awaitAbortedByTheBroker(String transactionalId) throws Exception {
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrap()))) {
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (true) {
        TransactionState state = admin.describeTransactions(List.of(transactionalId)).all().get()
            .get(transactionalId).state();
        if (state != TransactionState.ONGOING && state != TransactionState.PREPARE_ABORT) {
          assertThat(state).isIn(TransactionState.COMPLETE_ABORT, TransactionState.EMPTY);
          return;
        }
        assertThat(System.nanoTime()).as("the broker aborts the timed-out transaction").isLessThan(deadline);
        Thread.sleep(200);
      }
    }
  }

  /** Flink's own commit request, as the committer operator hands it over. */
  private static final class Request extends CommitRequestImpl<KafkaCommittable> {
    Throwable knownFailure;
    boolean alreadyCommitted;

    Request(KafkaCommittable committable) {
      super(committable, InternalSinkCommitterMetricGroup.wrap(
          UnregisteredMetricGroups.createUnregisteredOperatorMetricGroup()));
    }

    @Override
    public void signalFailedWithKnownReason(Throwable t) {
      knownFailure = t;
      super.signalFailedWithKnownReason(t);
    }

    @Override
    public void signalAlreadyCommitted() {
      alreadyCommitted = true;
      super.signalAlreadyCommitted();
    }
  }
}
