package dev.eddy.sinks;

import dev.eddy.schemas.DeadLetter;
import dev.eddy.schemas.DriftEvent;
import dev.eddy.schemas.ModelSnapshot;
import dev.eddy.schemas.Prediction;
import java.util.Properties;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.flink.connector.kafka.sink.KafkaSink;

/**
 * Builds the job's Kafka sinks, one per output topic, all with the same connection and guarantee.
 * Exactly-once sinks use Kafka transactions tied to Flink checkpoints; each sink gets its own
 * transactional id prefix (job name + output) so that two outputs never fence each other.
 */
public final class EddySinks {
  /** Producer transaction timeout: below the broker's default max (15 min), above any checkpoint. */
  static final String TRANSACTION_TIMEOUT_MS = "600000";

  private final String bootstrap;
  private final Guarantee guarantee;
  private final String transactionalPrefix;

  /**
   * @param bootstrap Kafka bootstrap servers
   * @param guarantee delivery guarantee of every output
   * @param transactionalPrefix unique per job (e.g. the job name): prefixes the transactional ids
   */
  public EddySinks(String bootstrap, Guarantee guarantee, String transactionalPrefix) {
    this.bootstrap = bootstrap;
    this.guarantee = guarantee;
    this.transactionalPrefix = transactionalPrefix;
  }

  /** Predictions, keyed by model key. */
  public KafkaSink<Prediction> predictions(String topic) {
    return build("predictions", new AvroRecordSerializer<>(topic, Prediction.class, Prediction::getModelKey));
  }

  /** Dead letters, unkeyed. */
  public KafkaSink<DeadLetter> deadLetters(String topic) {
    return build("dead-letter", new AvroRecordSerializer<>(topic, DeadLetter.class, d -> null));
  }

  /** Drift events, keyed by model key. */
  public KafkaSink<DriftEvent> drift(String topic) {
    return build("drift", new AvroRecordSerializer<>(topic, DriftEvent.class, DriftEvent::getModelKey));
  }

  /** Model versions, keyed by model key (the topic is compacted: the latest version per model stays). */
  public KafkaSink<ModelSnapshot> models(String topic) {
    return build("models", new AvroRecordSerializer<>(topic, ModelSnapshot.class, ModelSnapshot::getModelKey));
  }

  private <T extends SpecificRecordBase> KafkaSink<T> build(
      String output, AvroRecordSerializer<T> serializer) {
    Properties producer = new Properties();
    producer.setProperty("transaction.timeout.ms", TRANSACTION_TIMEOUT_MS);
    producer.setProperty("linger.ms", "5");
    producer.setProperty("compression.type", "lz4");
    return KafkaSink.<T>builder()
        .setBootstrapServers(bootstrap)
        .setRecordSerializer(serializer)
        .setDeliveryGuarantee(guarantee.toFlink())
        .setTransactionalIdPrefix(transactionalPrefix + "-" + output)
        .setKafkaProducerConfig(producer)
        .build();
  }
}
