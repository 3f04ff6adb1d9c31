package dev.eddy.sinks;

import org.apache.flink.runtime.throwable.ThrowableAnnotation;
import org.apache.flink.runtime.throwable.ThrowableType;

/**
 * A checkpoint completed but the Kafka transaction holding its outputs could no longer be committed
 * (the broker aborted it, most often because the commit came after {@code transaction.timeout.ms}).
 * Those outputs are gone while the checkpoint's offsets and model state moved on, so the job stops
 * for good instead of restarting into the same loss: Flink treats this exception as non-recoverable.
 */
@ThrowableAnnotation(ThrowableType.NonRecoverableError)
public final class TransactionLostException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  TransactionLostException(String transactionalId, String timeoutMs, String coordinator, Throwable cause) {
    super("the Kafka transaction " + transactionalId + " of a completed checkpoint could not be committed ("
        + cause.getClass().getSimpleName() + ": " + cause.getMessage() + "; " + coordinator
        + "); the broker aborted it, most likely"
        + " because the commit came later than transaction.timeout.ms (" + timeoutMs + " ms), and the outputs it"
        + " held are lost. Restore from an earlier savepoint, or set checkpoint.lost-transactions: accept to"
        + " resume from this checkpoint without them.", cause);
  }
}
