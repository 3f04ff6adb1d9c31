package dev.eddy.sinks;

import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.flink.connector.kafka.sink.KafkaCommittable;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TransactionDescription;
import org.apache.kafka.clients.admin.TransactionState;
import org.apache.kafka.common.errors.RetriableException;

/**
 * Asks the transaction coordinator how a transaction ended, for the commits the connector reports
 * as fenced. With Kafka's transaction protocol 2 (the default of brokers formatted by Kafka 4) every
 * commit bumps the producer epoch, so committing a checkpoint's transaction again after a restore
 * (the normal case when the first attempt committed it before the failure, and after every
 * stop-with-savepoint) is fenced although the records are safely committed. Only the coordinator's
 * record tells that apart from a transaction it aborted. One Admin client, opened on first use.
 */
final class TransactionOutcomes implements AutoCloseable {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private final Properties connection;
  private Admin admin;

  /** What the coordinator says of one committable's transaction. */
  enum Outcome {
    /** Committed by this producer at (or after) the committable's epoch: its records are readable. */
    COMMITTED,
    /** Aborted, replaced, or no longer known: its records are not (or not provably) committed. */
    NOT_COMMITTED,
    /** The coordinator could not be asked now; asking again later may answer. */
    UNKNOWN
  }

  /** @param connection the producers' properties; only the Admin client's settings are used */
  TransactionOutcomes(Properties connection) {
    this.connection = connection;
  }

  /** The outcome of {@code committable}'s transaction, and the coordinator's words for the message. */
  Answer outcome(KafkaCommittable committable) throws InterruptedException {
    String id = committable.getTransactionalId();
    try {
      TransactionDescription d = admin().describeTransactions(List.of(id)).description(id)
          .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      boolean committed = d.state() == TransactionState.COMPLETE_COMMIT
          && d.producerId() == committable.getProducerId() && d.producerEpoch() >= committable.getEpoch();
      return new Answer(committed ? Outcome.COMMITTED : Outcome.NOT_COMMITTED,
          "the coordinator has it " + d.state() + " for producer " + d.producerId() + " epoch " + d.producerEpoch());
    } catch (ExecutionException e) {
      boolean retriable = e.getCause() instanceof RetriableException;
      return new Answer(retriable ? Outcome.UNKNOWN : Outcome.NOT_COMMITTED,
          "the coordinator answered " + e.getCause().getClass().getSimpleName() + ": " + e.getCause().getMessage());
    } catch (TimeoutException e) {
      return new Answer(Outcome.UNKNOWN, "the coordinator did not answer within " + TIMEOUT.toSeconds() + " s");
    }
  }

  private Admin admin() {
    if (admin == null) {
      Properties config = new Properties();
      connection.stringPropertyNames().stream()
          .filter(AdminClientConfig.configNames()::contains)
          .forEach(name -> config.setProperty(name, connection.getProperty(name)));
      admin = Admin.create(config);
    }
    return admin;
  }

  @Override
  public void close() {
    if (admin != null) {
      admin.close(TIMEOUT);
    }
  }

  /** An outcome and the coordinator's description of it. */
  record Answer(Outcome outcome, String reason) {}
}
