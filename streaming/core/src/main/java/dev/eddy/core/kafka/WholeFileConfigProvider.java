package dev.eddy.core.kafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.config.ConfigData;
import org.apache.kafka.common.config.provider.ConfigProvider;

/**
 * The Kafka config provider behind {@code ${file:PATH}}: the whole content of the file at PATH, one
 * trailing newline dropped (a password written with {@code echo} into a file, or a mounted secret).
 * Kafka's own {@code FileConfigProvider} reads one key of a properties file instead
 * ({@code ${file:PATH:key}}); this one keeps a secret file a plain file. Errors name the path, never
 * the content.
 */
public final class WholeFileConfigProvider implements ConfigProvider {

  @Override
  public void configure(Map<String, ?> configs) {}

  /** Nothing is read by path alone: a reference names its file as the key. */
  @Override
  public ConfigData get(String path) {
    return new ConfigData(Map.of());
  }

  @Override
  public ConfigData get(String path, Set<String> keys) {
    Map<String, String> data = new HashMap<>();
    for (String key : keys) {
      Path file = Path.of(path == null || path.isEmpty() ? key : path + "/" + key);
      try {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        data.put(key, text.endsWith("\n") ? text.substring(0, text.length() - 1) : text);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the secret file " + file, e);
      }
    }
    return new ConfigData(data);
  }

  @Override
  public void close() {}
}
