package dev.eddy.core.kafka;

import java.io.Serializable;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The one way Eddy reaches a Kafka cluster: the bootstrap servers plus any Kafka client properties
 * (TLS, SASL, timeouts, ...), from the spec's {@code kafka.bootstrap} and {@code kafka.properties}.
 * Every client the project makes (the job's source and sinks, topic admin, produce, consume, bench,
 * demo, submit) starts from {@link #clientProperties()}, so a property set once reaches all of them.
 *
 * <p>Values may hold secrets (passwords, JAAS configurations, keys): {@link #toString()} and
 * {@link #describe()} print their names only. Secrets are best given as references, {@code ${env:NAME}}
 * or {@code ${file:PATH}} ({@link SecretReferences}): the clients resolve them, and a connection whose
 * reference cannot be resolved is refused when it is made, naming the property and the reference.
 *
 * @param bootstrap {@code host:port[,host:port...]}
 * @param properties further client properties, passed through unchanged (never null)
 */
public record KafkaConnection(String bootstrap, Map<String, String> properties) implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final String BOOTSTRAP = "bootstrap.servers";

  public KafkaConnection {
    if (bootstrap == null || bootstrap.isBlank()) {
      throw new IllegalArgumentException("kafka bootstrap servers are required, e.g. 127.0.0.1:9092");
    }
    properties = properties == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(properties));
    if (properties.containsKey(BOOTSTRAP)) {
      throw new IllegalArgumentException("give bootstrap.servers as kafka.bootstrap, not as a property");
    }
    SecretReferences.check(properties);
  }

  /** A connection with no further properties (a PLAINTEXT cluster). */
  public static KafkaConnection of(String bootstrap) {
    return new KafkaConnection(bootstrap, Map.of());
  }

  /** A fresh copy of every client property, bootstrap servers included; callers add their own settings to it. */
  public Properties clientProperties() {
    Properties p = new Properties();
    p.putAll(properties);
    p.setProperty(BOOTSTRAP, bootstrap);
    if (SecretReferences.used(properties)) {
      SecretReferences.addProviders(p);
    }
    return p;
  }

  /** The bootstrap servers and the names of the other properties, with secret-looking values hidden. */
  public String describe() {
    StringBuilder b = new StringBuilder(bootstrap);
    properties.forEach((k, v) -> b.append(", ").append(k).append('=').append(isSecret(k) ? "[hidden]" : v));
    return b.toString();
  }

  @Override
  public String toString() {
    return "KafkaConnection[" + describe() + "]";
  }

  /** The properties whose values are literal secrets (secret-looking names, no {@code ${...}} reference in the value). */
  public java.util.List<String> literalSecrets() {
    return properties.entrySet().stream()
        .filter(e -> isSecret(e.getKey()) && (e.getValue() == null || !e.getValue().contains("${")))
        .map(Map.Entry::getKey)
        .toList();
  }

  /** Whether a property's value must never be printed (passwords, JAAS configurations, keys). */
  static boolean isSecret(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    return n.contains("password") || n.contains("jaas") || n.contains("secret") || n.endsWith(".key")
        || n.contains("keystore.key") || n.contains("credentials") || n.contains("token");
  }
}
