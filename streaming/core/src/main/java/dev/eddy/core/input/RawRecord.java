package dev.eddy.core.input;

/**
 * A Kafka record as read, before decoding: kept whole so that a record that fails to decode can be
 * dead-lettered with its original bytes and position. A Flink POJO (public fields, no-arg
 * constructor).
 */
public class RawRecord {
  public String topic;
  public int partition;
  public long offset;
  public long timestamp;
  public byte[] key;
  public byte[] value;

  public RawRecord() {}

  public RawRecord(String topic, int partition, long offset, long timestamp, byte[] key, byte[] value) {
    this.topic = topic;
    this.partition = partition;
    this.offset = offset;
    this.timestamp = timestamp;
    this.key = key;
    this.value = value;
  }
}
