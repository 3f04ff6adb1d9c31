package dev.eddy.cli;

import dev.eddy.core.kafka.KafkaAccess;
import dev.eddy.core.kafka.KafkaConnection;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import picocli.CommandLine.Option;

/**
 * The Kafka connection of the commands that talk to a broker themselves ({@code produce},
 * {@code consume}): the bootstrap servers and, with {@code --kafka-config}, a Kafka client properties
 * file as Kafka's own tools take it (TLS, SASL, ...). Both become the one {@link KafkaConnection}.
 */
public final class KafkaOptions {
  @Option(names = "--bootstrap", required = true, description = "Kafka bootstrap servers, HOST:PORT.")
  String bootstrap;

  @Option(names = "--kafka-config", paramLabel = "FILE",
      description = "A Kafka client properties file (security.protocol, sasl.*, ssl.*, ...), as Kafka's own tools take it.")
  Path config;

  /** The connection; IllegalArgumentException naming the option when the file cannot be read. */
  KafkaConnection connection() {
    Map<String, String> properties = config == null ? new TreeMap<>() : read(config, "--kafka-config");
    KafkaConnection connection;
    try {
      connection = new KafkaConnection(bootstrap, properties);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException((config != null ? "--kafka-config: " : "") + e.getMessage(), e);
    }
    return connection;
  }

  /** The connection, checked: fails within seconds saying why the cluster does not let us in ({@link KafkaAccess}). */
  KafkaConnection checkedConnection() {
    KafkaConnection connection = connection();
    KafkaAccess.check(connection);
    return connection;
  }

  /**
   * The client properties of a Kafka properties {@code file} given by {@code option}, without
   * {@code bootstrap.servers} (the command's bootstrap says where); IllegalArgumentException naming
   * the option when it cannot be read.
   */
  public static Map<String, String> read(Path file, String option) {
    Properties p = new Properties();
    try (Reader in = Files.newBufferedReader(file)) {
      p.load(in);
    } catch (IOException e) {
      throw new IllegalArgumentException(option + ": cannot read " + file + ": " + e.getMessage());
    }
    Map<String, String> properties = new TreeMap<>();
    p.stringPropertyNames().forEach(k -> properties.put(k, p.getProperty(k)));
    properties.remove("bootstrap.servers");
    return properties;
  }
}
