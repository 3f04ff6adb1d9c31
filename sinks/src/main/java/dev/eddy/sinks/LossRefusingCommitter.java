package dev.eddy.sinks;

import java.io.IOException;
import java.util.Collection;
import java.util.List;
import org.apache.flink.api.connector.sink2.Committer;
import org.apache.flink.connector.kafka.sink.KafkaCommittable;

/**
 * Commits like the connector's committer, except that a transaction the broker has already aborted
 * fails the job with a {@link TransactionLostException}. The connector itself treats that case as a
 * "known failure", logs it and drops the transaction's records while offsets and state move on.
 */
public final class LossRefusingCommitter implements Committer<KafkaCommittable> {
  private final Committer<KafkaCommittable> committer;
  private final String timeoutMs;

  /**
   * @param committer the connector's committer
   * @param timeoutMs the producers' transaction.timeout.ms, for the error message
   */
  public LossRefusingCommitter(Committer<KafkaCommittable> committer, String timeoutMs) {
    this.committer = committer;
    this.timeoutMs = timeoutMs;
  }

  @Override
  public void commit(Collection<CommitRequest<KafkaCommittable>> requests) throws IOException, InterruptedException {
    List<CommitRequest<KafkaCommittable>> refusing = requests.stream()
        .<CommitRequest<KafkaCommittable>>map(LossRefusingRequest::new).toList();
    committer.commit(refusing);
  }

  @Override
  public void close() throws Exception {
    committer.close();
  }

  /** Passes every signal on, turning a known failure (the records are gone) into a job failure. */
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
      request.signalFailedWithUnknownReason(
          new TransactionLostException(request.getCommittable().getTransactionalId(), timeoutMs, t));
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
