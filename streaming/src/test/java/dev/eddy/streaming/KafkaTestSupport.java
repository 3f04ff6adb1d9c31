package dev.eddy.streaming;

import dev.eddy.streaming.kafka.KafkaBroker;
import dev.eddy.streaming.kafka.KafkaClients;
import dev.eddy.streaming.kafka.TopicAdmin;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** A real Kafka broker for a test class, plus the reads tests need. */
public final class KafkaTestSupport implements AutoCloseable {
  private final KafkaBroker broker;
  private final Path dir;

  public KafkaTestSupport() throws Exception {
    Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
    Files.createDirectories(tmp);
    dir = Files.createTempDirectory(tmp, "eddy-it-");
    broker = KafkaBroker.start(0, dir.resolve("kafka"));
  }

  public String bootstrap() {
    return broker.bootstrapServers();
  }

  /** A fresh working directory for a job (checkpoints). */
  public Path workDir(String name) {
    return dir.resolve(name);
  }

  public void createTopics(List<String> topics) {
    TopicAdmin.ensureTopics(bootstrap(), topics, 1, Set.of());
  }

  /** Every committed record of a topic. */
  public List<ConsumerRecord<byte[], byte[]>> readCommitted(String topic) {
    List<ConsumerRecord<byte[], byte[]>> out = new ArrayList<>();
    KafkaClients.readAll(bootstrap(), topic, true, 0, Duration.ofSeconds(2), out::add);
    return out;
  }

  @Override
  public void close() {
    broker.close();
  }
}
