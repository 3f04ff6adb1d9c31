package dev.eddy.cli.bench;

import dev.eddy.core.kafka.KafkaClients;
import dev.eddy.core.kafka.KafkaConnection;
import dev.eddy.sinks.EddySinks;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The fair ceiling of an exactly-once job: a consume→produce of the same records in Kafka
 * transactions, committed every second with the consumed offsets in the transaction
 * ({@code sendOffsetsToTransaction}), reading {@code read_committed} — what Flink's exactly-once Kafka
 * sink and source do at a 1 s checkpoint interval, without Flink, decoding or learning.
 */
final class TransactionalPassthrough {
  static final Duration COMMIT_EVERY = Duration.ofSeconds(1);

  private TransactionalPassthrough() {}

  /** Copies {@code n} records from {@code from} to {@code to}; returns the seconds, the last commit included. */
  static double run(String bootstrap, String from, String to, long n) {
    KafkaConnection kafka = KafkaConnection.of(bootstrap);
    Properties p = kafka.clientProperties();
    p.setProperty(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "eddy-bench-tx-" + to);
    p.setProperty(ProducerConfig.LINGER_MS_CONFIG, "5"); // as the job's sinks
    p.setProperty(ProducerConfig.BATCH_SIZE_CONFIG, Integer.toString(EddySinks.BATCH_BYTES));
    p.setProperty(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
    long start = System.nanoTime();
    long copied = 0;
    try (KafkaConsumer<byte[], byte[]> c = KafkaClients.consumer(kafka, from, true, true);
        KafkaProducer<byte[], byte[]> out = new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer())) {
      out.initTransactions();
      out.beginTransaction();
      long lastCommit = System.nanoTime();
      Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
      while (copied < n) {
        ConsumerRecords<byte[], byte[]> records = c.poll(Duration.ofMillis(200));
        for (ConsumerRecord<byte[], byte[]> r : records) {
          out.send(new ProducerRecord<>(to, r.key(), r.value()));
          offsets.put(new TopicPartition(r.topic(), r.partition()), new OffsetAndMetadata(r.offset() + 1));
          copied++;
        }
        if (System.nanoTime() - lastCommit >= COMMIT_EVERY.toNanos() || copied >= n) {
          out.sendOffsetsToTransaction(offsets, new org.apache.kafka.clients.consumer.ConsumerGroupMetadata("eddy-bench-tx-" + to));
          out.commitTransaction();
          offsets.clear();
          lastCommit = System.nanoTime();
          if (copied < n) {
            out.beginTransaction();
          }
        }
      }
    }
    return (System.nanoTime() - start) / 1e9;
  }
}
