package dev.eddy.core.kafka;

/** A Kafka cluster that does not let a command in; the message says why (see {@link KafkaAccess}). */
public final class KafkaAccessException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  public KafkaAccessException(String message, Throwable cause) {
    super(message, cause);
  }
}
