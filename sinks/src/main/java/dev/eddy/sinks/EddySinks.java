package dev.eddy.sinks;

import java.util.Properties;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaSink;

/**
 * Builds the job's Kafka sinks, one per {@link Output}, all with the same connection and guarantee.
 * Exactly-once sinks use Kafka transactions tied to Flink checkpoints; each sink gets its own
 * transactional id prefix (job name + output) so that two outputs never fence each other.
 */
public final class EddySinks {
  /** Producer transaction timeout: below the broker's default max (15 min), above any checkpoint. */
  static final String TRANSACTION_TIMEOUT_MS = "600000";

  private final Properties connection;
  private final DeliveryGuarantee guarantee;
  private final String transactionalPrefix;

  /**
   * @param connection the Kafka client properties of the job's one connection (bootstrap servers included)
   * @param guarantee delivery guarantee of every output
   * @param transactionalPrefix unique per job (e.g. the job name): prefixes the transactional ids
   */
  public EddySinks(Properties connection, DeliveryGuarantee guarantee, String transactionalPrefix) {
    this.connection = connection;
    this.guarantee = guarantee;
    this.transactionalPrefix = transactionalPrefix;
  }

  /** The sink of {@code output}, writing to {@code topic}. */
  public <T extends SpecificRecordBase> KafkaSink<T> sink(Output<T> output, String topic) {
    Properties producer = new Properties();
    producer.putAll(connection);
    producer.setProperty("transaction.timeout.ms", TRANSACTION_TIMEOUT_MS);
    producer.putIfAbsent("linger.ms", "5");
    producer.putIfAbsent("compression.type", "lz4");
    return KafkaSink.<T>builder()
        .setBootstrapServers(connection.getProperty("bootstrap.servers"))
        .setRecordSerializer(new AvroRecordSerializer<>(topic, output.type(), output.key()))
        .setDeliveryGuarantee(guarantee)
        .setTransactionalIdPrefix(transactionalPrefix + "-" + output.name())
        .setKafkaProducerConfig(producer)
        .build();
  }
}
