package dev.eddy.core.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Secret references in a connection's properties: resolved by Kafka's own client configuration (the
 * config providers Eddy adds), and refused at once, naming the property and the reference, when they
 * cannot be resolved.
 */
class SecretReferencesTest {
  private static final String JAAS = "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"eddy\" password=\"%s\";";

  @Test
  void kafkasClientConfigResolvesAFileAndAnEnvironmentReference(@TempDir Path dir) throws Exception {
    Path secret = Files.writeString(dir.resolve("pw"), "s3cret-from-file\n");
    KafkaConnection kafka = new KafkaConnection("127.0.0.1:9", Map.of(
        "sasl.jaas.config", String.format(JAAS, "${file:" + secret + "}"),
        "ssl.truststore.password", "${env:HOME}"));

    var props = kafka.clientProperties();
    assertThat(props.getProperty("sasl.jaas.config")).contains("${file:").doesNotContain("s3cret");
    props.put("key.serializer", "org.apache.kafka.common.serialization.ByteArraySerializer");
    props.put("value.serializer", "org.apache.kafka.common.serialization.ByteArraySerializer");
    ProducerConfig resolved = new ProducerConfig(props);

    assertThat(resolved.getPassword("sasl.jaas.config").value()).isEqualTo(String.format(JAAS, "s3cret-from-file"));
    assertThat(resolved.getPassword("ssl.truststore.password").value()).isEqualTo(System.getenv("HOME"));
    assertThat(kafka.toString()).doesNotContain("s3cret");
  }

  @Test
  void anUnresolvableReferenceIsRefusedNamingThePropertyAndTheReference(@TempDir Path dir) {
    assertThatThrownBy(() -> new KafkaConnection("127.0.0.1:9",
        Map.of("sasl.jaas.config", String.format(JAAS, "${env:EDDY_TEST_SURELY_UNSET_0xC0FFEE}")))
        .clientProperties())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("sasl.jaas.config: ${env:EDDY_TEST_SURELY_UNSET_0xC0FFEE} refers to an environment variable that is not set");
    Path missing = dir.resolve("missing");
    assertThatThrownBy(() -> new KafkaConnection("127.0.0.1:9", Map.of("ssl.key.password", "${file:" + missing + "}")))
        .hasMessage("ssl.key.password: ${file:" + missing + "} refers to a file that cannot be read");
  }

  @Test
  void literalSecretsAreTold() {
    KafkaConnection kafka = new KafkaConnection("127.0.0.1:9", Map.of(
        "sasl.jaas.config", String.format(JAAS, "hunter2"), "ssl.truststore.password", "${env:HOME}",
        "security.protocol", "SASL_SSL"));
    assertThat(kafka.literalSecrets()).containsExactly("sasl.jaas.config");
  }
}
