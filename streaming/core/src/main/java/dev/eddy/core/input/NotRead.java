package dev.eddy.core.input;

/**
 * Thrown by a fast reader ({@link FastEventReader}, {@link FastJsonEventReader}) when a record is left to the
 * strict reader: a shared instance without a stack trace, as it is control flow, not an error.
 */
final class NotRead extends RuntimeException {
  private static final long serialVersionUID = 1L;
  static final NotRead INSTANCE = new NotRead();

  private NotRead() {
    super("left to the strict reader", null, false, false);
  }
}
