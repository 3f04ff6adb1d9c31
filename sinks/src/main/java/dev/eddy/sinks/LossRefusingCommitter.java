package dev.eddy.sinks;

import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.Properties;
import org.apache.flink.api.connector.sink2.Committer;
import org.apache.flink.connector.kafka.sink.KafkaCommittable;

/**
 * Commits like the connector's committer, except that a transaction the broker has aborted fails
 * the job with a {@link TransactionLostException}. The connector itself treats every fenced commit as
 * a "known failure", logs it and drops the transaction's records while offsets and state move on.
 * A fenced commit of a transaction the coordinator has committed (the normal case on restore with
 * Kafka's transaction protocol 2, see {@link TransactionOutcomes}) counts as committed.
 */
public final class LossRefusingCommitter implements Committer<KafkaCommittable> {
  private final Committer<KafkaCommittable> committer;
  private final TransactionOutcomes outcomes;
  private final String timeoutMs;

  /**
   * @param committer the connector's committer
   * @param producer the producers' properties: the connection to ask the coordinator, and their
   *     transaction.timeout.ms for the error message
   */
  public LossRefusingCommitter(Committer<KafkaCommittable> committer, Properties producer) {
    this.committer = committer;
    this.outcomes = new TransactionOutcomes(producer);
    this.timeoutMs = producer.getProperty("transaction.timeout.ms", "60000");
  }

  @Override
  public void commit(Collection<CommitRequest<KafkaCommittable>> requests) throws IOException, InterruptedException {
    List<CommitRequest<KafkaCommittable>> refusing = requests.stream()
        .<CommitRequest<KafkaCommittable>>map(LossRefusingRequest::new).toList();
    committer.commit(refusing);
  }

  @Override
  public void close() throws Exception {
    try (outcomes) {
      committer.close();
    }
  }

  /**
   * Passes every signal on, except a known failure: already committed if the coordinator says so,
   * asked again later if it cannot say now, a job failure otherwise (the records are gone).
   */
  private final class LossRefusingRequest implements CommitRequest<KafkaCommittable> {
    private final CommitRequest<KafkaCommittable> request;

    LossRefusingRequest(CommitRequest<KafkaCommittable> request) {
      this.request = request;
    }

    @Override
    public KafkaCommittable getCommittable() {
      return request.getCommittable();
    }

    @Override
    public int getNumberOfRetries() {
      return request.getNumberOfRetries();
    }

    @Override
    public void signalFailedWithKnownReason(Throwable t) {
      TransactionOutcomes.Answer answer;
      try {
        answer = outcomes.outcome(getCommittable());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        request.retryLater();
        return;
      }
      switch (answer.outcome()) {
        case COMMITTED -> request.signalAlreadyCommitted();
        case UNKNOWN -> request.retryLater();
        case NOT_COMMITTED -> request.signalFailedWithUnknownReason(new TransactionLostException(
            getCommittable().getTransactionalId(), timeoutMs, answer.reason(), t));
      }
    }

    @Override
    public void signalFailedWithUnknownReason(Throwable t) {
      request.signalFailedWithUnknownReason(t);
    }

    @Override
    public void retryLater() {
      request.retryLater();
    }

    @Override
    public void updateAndRetryLater(KafkaCommittable committable) {
      request.updateAndRetryLater(committable);
    }

    @Override
    public void signalAlreadyCommitted() {
      request.signalAlreadyCommitted();
    }
  }
}
