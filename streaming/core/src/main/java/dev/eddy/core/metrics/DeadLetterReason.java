package dev.eddy.core.metrics;

import java.util.Arrays;
import java.util.List;

/**
 * The bounded reasons of {@link EddyMetric#DEAD_LETTERS}: the dead-letter record keeps the full text
 * (which names the field and value), the metric only its kind, so a stream of distinct bad values cannot
 * create distinct series.
 */
public enum DeadLetterReason {
  /**
   * A record the parser refused: not Avro or JSON of the schema, or breaking a rule of the spec (a
   * feature missing or not finite, a bad label, ...); the dead letter's reason says which.
   */
  INVALID("invalid"),
  /** A record whose parsing failed unexpectedly (an exception other than the parser's refusal). */
  DECODE_ERROR("decode-error"),
  /** A label whose event never came within {@code labels.early-wait}. */
  ORPHAN_LABEL("orphan-label");

  /** Every reason's label value. */
  public static final List<String> NAMES = Arrays.stream(values()).map(DeadLetterReason::label).toList();

  private final String label;

  DeadLetterReason(String label) {
    this.label = label;
  }

  /** The value of the metric's {@code reason} label. */
  public String label() {
    return label;
  }
}
