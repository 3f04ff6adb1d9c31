package dev.eddy.core.input;

import java.io.Serializable;

/**
 * Turns the value bytes of one record into an {@link InputEvent}, or explains why it cannot. One
 * implementation per input format.
 */
public interface EventParser extends Serializable {

  /**
   * @param value the record's value bytes (may be null)
   * @param recordTimestamp the Kafka record's timestamp, for formats where the event's is optional
   */
  InputEvent parse(byte[] value, long recordTimestamp) throws InvalidEventException;
}
