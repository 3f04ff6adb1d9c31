package dev.eddy.sinks;

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
 * @param <T> the generated record class
 */
public final class AvroRecordSerializer<T extends SpecificRecordBase>
    implements KafkaRecordSerializationSchema<T> {
  private static final long serialVersionUID = 1L;

  private final String topic;
  private final Class<T> type;
  private final SerializableKey<T> key;
  private transient AvroCodec<T> codec;

  /** Extracts the Kafka key of a record; null for no key. */
  @FunctionalInterface
  public interface SerializableKey<T> extends Function<T, String>, java.io.Serializable {}

  public AvroRecordSerializer(String topic, Class<T> type, SerializableKey<T> key) {
    this.topic = topic;
    this.type = type;
    this.key = key;
  }

  @Override
  public ProducerRecord<byte[], byte[]> serialize(T element, KafkaSinkContext context, Long timestamp) {
    if (codec == null) {
      codec = AvroCodec.of(type);
    }
    String k = key.apply(element);
    return new ProducerRecord<>(
        topic,
        null,
        timestamp,
        k == null ? null : k.getBytes(StandardCharsets.UTF_8),
        codec.encode(element));
  }
}
