package dev.eddy.core.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Plain Kafka clients as Eddy's tools use them (produce, consume, demo, benchmark, tests), each built
 * from the one {@link KafkaConnection}: byte-array
 * records, throughput-friendly producer settings, group-less consumers that read a topic's
 * partitions from the beginning.
 */
public final class KafkaClients {
  private KafkaClients() {}

  /** A producer with acks=all, idempotence and batching. */
  public static KafkaProducer<byte[], byte[]> producer(KafkaConnection kafka) {
    Properties p = kafka.clientProperties();
    p.setProperty(ProducerConfig.ACKS_CONFIG, "all");
    p.setProperty(ProducerConfig.LINGER_MS_CONFIG, "5");
    p.setProperty(ProducerConfig.BATCH_SIZE_CONFIG, String.valueOf(256 * 1024));
    p.setProperty(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
    return new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer());
  }

  /**
   * A consumer without a group, assigned every partition of {@code topic}, at the beginning when
   * {@code fromBeginning}, else at the end.
   *
   * @param readCommitted read_committed (only committed transactional records) or read_uncommitted
   */
  public static KafkaConsumer<byte[], byte[]> consumer(
      KafkaConnection kafka, String topic, boolean readCommitted, boolean fromBeginning) {
    Properties p = kafka.clientProperties();
    p.setProperty(ConsumerConfig.ISOLATION_LEVEL_CONFIG, readCommitted ? "read_committed" : "read_uncommitted");
    p.setProperty(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    p.setProperty(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
    KafkaConsumer<byte[], byte[]> c =
        new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    List<PartitionInfo> infos = c.partitionsFor(topic, Duration.ofSeconds(30));
    if (infos == null || infos.isEmpty()) {
      c.close();
      throw new IllegalArgumentException("topic '" + topic + "' does not exist on " + kafka.bootstrap());
    }
    List<TopicPartition> partitions = new ArrayList<>();
    for (PartitionInfo i : infos) {
      partitions.add(new TopicPartition(topic, i.partition()));
    }
    c.assign(partitions);
    if (fromBeginning) {
      c.seekToBeginning(partitions);
    } else {
      c.seekToEnd(partitions);
    }
    return c;
  }

  /**
   * Reads {@code topic} from the beginning, handing each record to {@code sink}, until
   * {@code max} records (0 = no limit) or until no record arrived for {@code idle}.
   *
   * @return the number of records read
   */
  public static long readAll(
      KafkaConnection kafka, String topic, boolean readCommitted, long max, Duration idle,
      Consumer<ConsumerRecord<byte[], byte[]>> sink) {
    long n = 0;
    try (KafkaConsumer<byte[], byte[]> c = consumer(kafka, topic, readCommitted, true)) {
      long lastRecord = System.nanoTime();
      while (max == 0 || n < max) {
        ConsumerRecords<byte[], byte[]> records = c.poll(Duration.ofMillis(200));
        if (records.isEmpty()) {
          if (System.nanoTime() - lastRecord > idle.toNanos()) {
            break;
          }
          continue;
        }
        lastRecord = System.nanoTime();
        for (ConsumerRecord<byte[], byte[]> r : records) {
          sink.accept(r);
          if (++n == max) {
            break;
          }
        }
      }
    }
    return n;
  }
}
