package dev.eddy.cli.cluster;

/** A call to Flink's REST API failed: unreachable, or a non-2xx answer (the message carries Flink's errors). */
public final class FlinkRestException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  FlinkRestException(String message) {
    super(message);
  }

  FlinkRestException(String message, Throwable cause) {
    super(message, cause);
  }
}
