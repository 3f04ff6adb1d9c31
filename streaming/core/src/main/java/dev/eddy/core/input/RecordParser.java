package dev.eddy.core.input;

import java.io.Serializable;

/**
 * Turns one Kafka record into an input of the job (an event, a label), or explains why it cannot; the
 * job dead-letters the record with that reason. One per input format and kind, from {@link EventFormats}.
 *
 * @param <T> what the record becomes
 */
@FunctionalInterface
public interface RecordParser<T> extends Serializable {
  T parse(RawRecord record) throws InvalidEventException;
}
