package dev.eddy.job.source;

import dev.eddy.core.input.InvalidEventException;
import dev.eddy.core.input.RawRecord;
import dev.eddy.core.input.RecordParser;
import dev.eddy.core.metrics.DeadLetterReason;
import dev.eddy.core.metrics.EddyMetric;
import dev.eddy.job.metrics.FlinkMetrics;
import dev.eddy.job.operator.OutputTags;
import dev.eddy.schemas.DeadLetter;
import dev.eddy.sinks.DeadLetters;
import dev.eddy.sinks.Output;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Decodes and validates raw records (events, labels): valid ones go on, every other record goes to the
 * dead-letter side output ({@link Output#DEAD_LETTER}) with its original bytes, position and the
 * reason. The job never fails on bad input.
 *
 * @param <T> what a valid record becomes
 */
public final class RecordDecoder<T> extends ProcessFunction<RawRecord, T> {
  private static final long serialVersionUID = 1L;
  private static final OutputTag<DeadLetter> DEAD_LETTERS = OutputTags.of(Output.DEAD_LETTER);

  private final RecordParser<T> parser;
  private transient Counter invalid;
  private transient Counter decodeErrors;

  public RecordDecoder(RecordParser<T> parser) {
    this.parser = parser;
  }

  @Override
  public void open(OpenContext context) {
    var group = getRuntimeContext().getMetricGroup();
    invalid = FlinkMetrics.counter(group, EddyMetric.DEAD_LETTERS, DeadLetterReason.INVALID.label());
    decodeErrors = FlinkMetrics.counter(group, EddyMetric.DEAD_LETTERS, DeadLetterReason.DECODE_ERROR.label());
  }

  @Override
  public void processElement(RawRecord r, Context ctx, Collector<T> out) {
    try {
      out.collect(parser.parse(r));
    } catch (InvalidEventException e) {
      ctx.output(DEAD_LETTERS, deadLetter(r, e.getMessage()));
      invalid.inc();
    } catch (RuntimeException e) {
      ctx.output(DEAD_LETTERS, deadLetter(r, "cannot decode: " + e));
      decodeErrors.inc();
    }
  }

  /**
   * The dead letter of {@code r}: its position, bytes and {@code reason}, bounded ({@link DeadLetters}:
   * a record too large to copy whole keeps its first bytes and its size).
   */
  public static DeadLetter deadLetter(RawRecord r, String reason) {
    return DeadLetters.of(r.topic, r.partition, r.offset, r.key, r.value, reason);
  }
}
