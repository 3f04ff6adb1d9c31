package dev.eddy.sinks;

import java.time.Duration;
import java.util.Properties;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaSink;

/**
 * Builds the job's Kafka sinks, one per {@link Output}, all with the same connection and guarantee.
 * Exactly-once sinks use Kafka transactions tied to Flink checkpoints; each sink gets its own
 * transactional id prefix (job name + output) so that two outputs never fence each other. Unless
 * told to accept it, a transaction that can no longer be committed stops the job
 * ({@link LossRefusingCommitter}) instead of losing its records silently.
 */
public final class EddySinks {
  private final Properties connection;
  private final DeliveryGuarantee guarantee;
  private final String transactionalPrefix;
  private final Duration transactionTimeout;
  private final boolean acceptLostTransactions;

  /**
   * The producers' batch size unless the connection sets one: 256 KiB, as the CLI's producers. With the
   * client's 16 KiB a batch of predictions filled long before {@code linger.ms} at high rates, and each
   * batch costs the sink a new LZ4 block stream and the broker a request of its own (BENCHMARKS.md, "Job vs
   * transactional passthrough").
   */
  public static final int BATCH_BYTES = 256 * 1024;

  /**
   * @param connection the Kafka client properties of the job's one connection (bootstrap servers included)
   * @param guarantee delivery guarantee of every output
   * @param transactionalPrefix unique per job (e.g. the job name): prefixes the transactional ids
   * @param transactionTimeout how long the broker keeps a transaction open: longer than a checkpoint
   *     interval plus its timeout (the spec checks it), at most the broker's transaction.max.timeout.ms
   * @param acceptLostTransactions log (as the connector does) rather than fail when a completed
   *     checkpoint's transaction was aborted by the broker before its commit
   */
  public EddySinks(Properties connection, DeliveryGuarantee guarantee, String transactionalPrefix,
      Duration transactionTimeout, boolean acceptLostTransactions) {
    this.connection = connection;
    this.guarantee = guarantee;
    this.transactionalPrefix = transactionalPrefix;
    this.transactionTimeout = transactionTimeout;
    this.acceptLostTransactions = acceptLostTransactions;
  }

  /**
   * The sink of {@code output}, writing to {@code topic}; a record it cannot write goes to
   * {@code deadLetterTopic} ({@link AvroRecordSerializer}).
   */
  public <T extends SpecificRecordBase> Sink<T> sink(Output<T> output, String topic, String deadLetterTopic) {
    Properties producer = new Properties();
    producer.putAll(connection);
    producer.setProperty("transaction.timeout.ms", Long.toString(transactionTimeout.toMillis()));
    producer.putIfAbsent("linger.ms", "5");
    producer.putIfAbsent("batch.size", Integer.toString(BATCH_BYTES));
    producer.putIfAbsent("compression.type", "lz4");
    if (Long.parseLong(producer.getProperty("max.request.size", "0").trim()) < output.maxRecordBytes()) {
      producer.setProperty("max.request.size", Integer.toString(output.maxRecordBytes()));
    }
    KafkaSink<T> sink = KafkaSink.<T>builder()
        .setBootstrapServers(connection.getProperty("bootstrap.servers"))
        .setRecordSerializer(new AvroRecordSerializer<>(topic, output.type(), output.key(),
            Integer.parseInt(producer.getProperty("max.request.size").trim()),
            deadLetterTopic))
        .setDeliveryGuarantee(guarantee)
        .setTransactionalIdPrefix(transactionalPrefix + "-" + output.name())
        .setKafkaProducerConfig(producer)
        .build();
    boolean refuseLoss = guarantee == DeliveryGuarantee.EXACTLY_ONCE && !acceptLostTransactions;
    return refuseLoss ? new LossRefusingKafkaSink<>(sink, producer) : sink;
  }
}
