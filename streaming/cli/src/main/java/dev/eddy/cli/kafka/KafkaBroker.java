package dev.eddy.cli.kafka;

import dev.eddy.cli.net.FreePorts;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

/**
 * A real single-node Kafka broker (KRaft, combined broker + controller) running in this JVM, on
 * 127.0.0.1. Used by {@code bin/eddy demo}, {@code bin/eddy kafka} and the integration tests.
 *
 * <p>It starts {@link KafkaRaftServer} directly rather than Kafka's test kit, so that production code
 * does not depend on test artifacts and so that the port and data directory can be chosen (a
 * restarted broker on the same directory keeps its topics and transactions). The data directory is
 * formatted on first use with Kafka's own {@link StorageTool}. Settings are those a single broker
 * needs for transactions (replication factor 1 for the internal topics).
 */
public final class KafkaBroker implements AutoCloseable {
  private static final int START_ATTEMPTS = 3;
  private final int port;
  private final KafkaRaftServer server;
  private final Path dataDir;

  private KafkaBroker(int port, KafkaRaftServer server, Path dataDir) {
    this.port = port;
    this.server = server;
    this.dataDir = dataDir;
  }

  /**
   * Formats {@code dataDir} if needed and starts a broker listening on 127.0.0.1:{@code port}
   * ({@code port} 0 picks a free one). The controller listens on a free port too; when a chosen
   * port is taken before the broker binds it, the broker starts again on new ports (3 tries).
   */
  public static KafkaBroker start(int port, Path dataDir) {
    return start(port, dataDir, BrokerSecurity.plaintext());
  }

  /**
   * The same, secured as {@code security} says: with TLS, the CA and the broker's certificate are made
   * in {@code dataDir/tls} on first start ({@link BrokerCertificates}) and the SCRAM users are created
   * (or their passwords updated) once the broker is up.
   */
  public static KafkaBroker start(int port, Path dataDir, BrokerSecurity security) {
    try {
      Files.createDirectories(dataDir);
      KafkaBroker broker = FreePorts.startWithRetry(2, START_ATTEMPTS,
          ports -> startOn(port == 0 ? ports[0] : port, ports[1], dataDir, security));
      try {
        security.createScramUsers(broker.bootstrapServers(), dataDir);
      } catch (RuntimeException e) {
        broker.close();
        throw e;
      }
      return broker;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start Kafka in " + dataDir, e);
    }
  }

  private static KafkaBroker startOn(int brokerPort, int controllerPort, Path dataDir, BrokerSecurity security)
      throws IOException {
    Properties props = properties(brokerPort, controllerPort, dataDir.resolve("logs"));
    security.apply(props, brokerPort, controllerPort, dataDir);
    Path propsFile = dataDir.resolve("server.properties");
    Properties written = new Properties();
    written.putAll(props);
    BrokerSecurity.secretProperties().forEach(written::remove); // passwords stay in memory
    try (Writer w = Files.newBufferedWriter(propsFile)) {
      written.store(w, "written by Eddy's KafkaBroker (passwords left out)");
    }
    // format only a new directory: formatting again (even with --ignore-formatted) checks the
    // stored cluster id against a new random one and fails, so a restart could never reuse its data
    if (!Files.exists(dataDir.resolve("logs").resolve("meta.properties"))) {
      format(propsFile);
    }
    KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
    try {
      server.startup();
    } catch (RuntimeException e) {
      try {
        server.shutdown(); // releases what did start (the data dir's lock) before a retry
      } catch (RuntimeException again) {
        e.addSuppressed(again);
      }
      throw e;
    }
    return new KafkaBroker(brokerPort, server, dataDir);
  }

  /** The bootstrap servers string, {@code 127.0.0.1:PORT}. */
  public String bootstrapServers() {
    return "127.0.0.1:" + port;
  }

  /** The broker's data directory (its TLS material in {@code tls/}). */
  public Path dataDir() {
    return dataDir;
  }

  /** The broker's port. */
  public int port() {
    return port;
  }

  /** Stops the broker and waits for it (controlled shutdown, ~1–2 s). */
  @Override
  public void close() {
    server.shutdown();
    server.awaitShutdown();
  }

  /** Blocks until the broker has shut down. */
  public void awaitShutdown() {
    server.awaitShutdown();
  }

  static Properties properties(int brokerPort, int controllerPort, Path logDir) {
    Properties p = new Properties();
    p.setProperty("process.roles", "broker,controller");
    p.setProperty("node.id", "1");
    p.setProperty("controller.quorum.bootstrap.servers", "127.0.0.1:" + controllerPort);
    p.setProperty(
        "listeners",
        "PLAINTEXT://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:" + controllerPort);
    p.setProperty("advertised.listeners", "PLAINTEXT://127.0.0.1:" + brokerPort);
    p.setProperty("controller.listener.names", "CONTROLLER");
    p.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
    p.setProperty("inter.broker.listener.name", "PLAINTEXT");
    p.setProperty("log.dirs", logDir.toAbsolutePath().toString());
    p.setProperty("num.partitions", "1");
    p.setProperty("offsets.topic.replication.factor", "1");
    p.setProperty("offsets.topic.num.partitions", "1");
    p.setProperty("transaction.state.log.replication.factor", "1");
    p.setProperty("transaction.state.log.min.isr", "1");
    p.setProperty("transaction.state.log.num.partitions", "1");
    p.setProperty("share.coordinator.state.topic.replication.factor", "1");
    p.setProperty("share.coordinator.state.topic.min.isr", "1");
    p.setProperty("group.initial.rebalance.delay.ms", "0");
    p.setProperty("auto.create.topics.enable", "false");
    return p;
  }

  private static void format(Path propsFile) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int rc;
    try (PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8)) {
      rc =
          StorageTool.execute(
              new String[] {
                "format", "--standalone", "--ignore-formatted",
                "-t", Uuid.randomUuid().toString(), "-c", propsFile.toString()
              },
              print);
    }
    if (rc != 0) {
      throw new IllegalStateException(
          "formatting Kafka storage failed (" + rc + "): " + out.toString(StandardCharsets.UTF_8));
    }
  }
}
