package dev.eddy.sinks;

import dev.eddy.schemas.DeadLetter;
import dev.eddy.schemas.codec.AvroCodec;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Writes one Eddy record type to one topic: value = Avro single-object encoding, key = a field of
 * the record (the model key, so a model's records stay ordered in one partition and the compacted
 * models topic keeps the latest version per model).
 *
 * <p>A record that cannot be written — too large for the output's {@code max.request.size}, or not
 * encodable — goes to the dead-letter topic instead, in the same producer (so in the same transaction
 * when exactly-once) as a {@link DeadLetters dead letter} naming the output topic, with partition -1
 * and offset -1 and the first bytes of the encoded record: the job never fails on an output it cannot send.
 *
 * @param <T> the generated record class
 */
public final class AvroRecordSerializer<T extends SpecificRecordBase>
    implements KafkaRecordSerializationSchema<T> {
  private static final long serialVersionUID = 1L;

  private final String topic;
  private final Class<T> type;
  private final SerializableKey<T> key;
  private final int maxRecordBytes;
  private final String deadLetterTopic;
  private transient AvroCodec<T> codec;
  private transient AvroCodec<DeadLetter> deadLetters;
  /** Room a record's batch and headers take besides its key and value, within max.request.size. */
  static final int RECORD_OVERHEAD = 1024;

  /** Extracts the Kafka key of a record; null for no key. */
  @FunctionalInterface
  public interface SerializableKey<T> extends Function<T, String>, java.io.Serializable {}

  /**
   * @param maxRecordBytes the output's {@code max.request.size}
   * @param deadLetterTopic where a record that cannot be written goes
   */
  public AvroRecordSerializer(String topic, Class<T> type, SerializableKey<T> key, int maxRecordBytes,
      String deadLetterTopic) {
    this.topic = topic;
    this.type = type;
    this.key = key;
    this.maxRecordBytes = maxRecordBytes;
    this.deadLetterTopic = deadLetterTopic;
  }

  @Override
  public ProducerRecord<byte[], byte[]> serialize(T element, KafkaSinkContext context, Long timestamp) {
    if (codec == null) {
      codec = AvroCodec.of(type);
      deadLetters = AvroCodec.of(DeadLetter.class);
    }
    String k = key.apply(element);
    byte[] keyBytes = k == null ? null : k.getBytes(StandardCharsets.UTF_8);
    byte[] value;
    try {
      value = codec.encode(element);
    } catch (RuntimeException e) {
      return deadLetter(keyBytes, null, "cannot encode the " + type.getSimpleName() + " for " + topic + ": " + e, timestamp);
    }
    int size = value.length + (keyBytes == null ? 0 : keyBytes.length);
    if (size > maxRecordBytes - RECORD_OVERHEAD) {
      return deadLetter(keyBytes, value, type.getSimpleName() + " of " + size + " bytes for " + topic
          + " is larger than the output's limit of " + (maxRecordBytes - RECORD_OVERHEAD) + " bytes", timestamp);
    }
    return new ProducerRecord<>(topic, null, timestamp, keyBytes, value);
  }

  private ProducerRecord<byte[], byte[]> deadLetter(byte[] keyBytes, byte[] value, String reason, Long timestamp) {
    DeadLetter d = DeadLetters.of(topic, DeadLetters.NO_PARTITION, -1, keyBytes, value, reason);
    return new ProducerRecord<>(deadLetterTopic, null, timestamp, null, deadLetters.encode(d));
  }
}
