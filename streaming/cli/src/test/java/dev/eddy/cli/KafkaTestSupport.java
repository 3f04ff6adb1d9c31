package dev.eddy.cli;

import dev.eddy.cli.kafka.KafkaBroker;
import dev.eddy.core.kafka.KafkaClients;
import dev.eddy.core.kafka.KafkaConnection;
import dev.eddy.core.kafka.TopicAdmin;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real Kafka broker for a test class, plus the reads tests need. Register it as
 * {@code @RegisterExtension static final KafkaTestSupport kafka = new KafkaTestSupport();}: the broker
 * starts before the class's tests and stops after them. Used by hand, it starts on first use and
 * stops on {@link #close()}.
 */
public final class KafkaTestSupport implements BeforeAllCallback, AfterAllCallback, AutoCloseable {
  private KafkaBroker broker;
  private Path dir;

  @Override
  public void beforeAll(ExtensionContext context) {
    started();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    close();
  }

  private synchronized KafkaBroker started() {
    if (broker == null) {
      try {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        Files.createDirectories(tmp);
        dir = Files.createTempDirectory(tmp, "eddy-it-");
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
      broker = KafkaBroker.start(0, dir.resolve("kafka"));
    }
    return broker;
  }

  @Override
  public synchronized void close() {
    if (broker != null) {
      broker.close();
      broker = null;
    }
  }

  public String bootstrap() {
    return started().bootstrapServers();
  }

  /** A fresh working directory for a job (checkpoints). */
  public Path workDir(String name) {
    started();
    return dir.resolve(name);
  }

  public void createTopics(List<String> topics) {
    TopicAdmin.ensureTopics(KafkaConnection.of(bootstrap()), topics, 1, Set.of());
  }

  /** Every committed record of a topic. */
  public List<ConsumerRecord<byte[], byte[]>> readCommitted(String topic) {
    List<ConsumerRecord<byte[], byte[]>> out = new ArrayList<>();
    KafkaClients.readAll(KafkaConnection.of(bootstrap()), topic, true, 0, Duration.ofSeconds(2), out::add);
    return out;
  }

}
