package dev.eddy.core.kafka;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Secrets in Kafka client properties are given as references, never as values: {@code ${env:NAME}}
 * (an environment variable) and {@code ${file:PATH}} (a whole file, one trailing newline dropped),
 * anywhere in a value, {@code sasl.jaas.config} included. They are resolved by Kafka's own config
 * providers inside each client ({@link org.apache.kafka.common.config.provider.EnvVarConfigProvider},
 * {@link WholeFileConfigProvider}), so the spec, the job's arguments and every log line carry the
 * reference only. A reference that cannot be resolved where the connection is made fails at once,
 * naming the property and the reference (Kafka's providers would pass it on silently as text).
 * Properties that set {@code config.providers} themselves are left to the user's providers.
 */
final class SecretReferences {
  private static final Pattern REFERENCE = Pattern.compile("\\$\\{(env|file):([^}]*)}");
  static final String PROVIDERS = "config.providers";

  private SecretReferences() {}

  /** Whether Eddy resolves the references of {@code properties} (some value refers, and no providers of the user's). */
  static boolean used(Map<String, String> properties) {
    if (properties.containsKey(PROVIDERS)) {
      return false;
    }
    for (String value : properties.values()) {
      if (value != null && REFERENCE.matcher(value).find()) {
        return true;
      }
    }
    return false;
  }

  /** Fails naming the property and the reference when a referenced variable is unset or a file unreadable. */
  static void check(Map<String, String> properties) {
    if (!used(properties)) {
      return;
    }
    properties.forEach((name, value) -> {
      Matcher m = REFERENCE.matcher(value == null ? "" : value);
      while (m.find()) {
        boolean resolvable = m.group(1).equals("env")
            ? System.getenv(m.group(2)) != null
            : Files.isReadable(Path.of(m.group(2))) && Files.isRegularFile(Path.of(m.group(2)));
        if (!resolvable) {
          throw new IllegalArgumentException(name + ": " + m.group() + (m.group(1).equals("env")
              ? " refers to an environment variable that is not set" : " refers to a file that cannot be read"));
        }
      }
    });
  }

  /** Adds the config providers that resolve the references to a client's properties. */
  static void addProviders(Properties client) {
    client.setProperty(PROVIDERS, "env,file");
    client.setProperty(PROVIDERS + ".env.class", "org.apache.kafka.common.config.provider.EnvVarConfigProvider");
    client.setProperty(PROVIDERS + ".file.class", WholeFileConfigProvider.class.getName());
  }
}
