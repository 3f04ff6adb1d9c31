package dev.eddy.cli.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eddy.cli.EddyCli;
import dev.eddy.cli.ProduceConsumeITCase;
import dev.eddy.cli.local.LocalRunner;
import dev.eddy.cli.workload.PredictionTally;
import dev.eddy.cli.workload.SeededWorkload;
import dev.eddy.core.kafka.CheckedProducer;
import dev.eddy.core.kafka.JobKafka;
import dev.eddy.core.kafka.KafkaAccess;
import dev.eddy.core.kafka.KafkaAccessException;
import dev.eddy.core.kafka.KafkaClients;
import dev.eddy.core.kafka.KafkaConnection;
import dev.eddy.core.spec.JobSpec;
import dev.eddy.core.spec.JobSpecReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The standalone broker with TLS and SASL ({@code bin/eddy kafka --tls --scram ...}), used by real
 * clients: SCRAM-SHA-512 and PLAIN over TLS with the password as a {@code ${file:...}} reference; the
 * job end to end, exactly-once, over TLS + SCRAM; each refusal named within 30 s (wrong password,
 * untrusted certificate, plaintext against the TLS port), by the API and by a command (exit 1); and no
 * log line of the run holding a password (Kafka and Flink logging at INFO while it runs).
 */
@Tag("slow")
@Timeout(value = 5, unit = java.util.concurrent.TimeUnit.MINUTES)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SecureKafkaITCase {
  private static final String PASSWORD = "Sc4m-" + BrokerCertificates.randomPassword();
  private static final String OTHER_PASSWORD = "Pl4in-" + BrokerCertificates.randomPassword();
  @TempDir static Path dir;
  static KafkaBroker broker;
  static Path passwordFile;

  @BeforeAll
  static void start() throws Exception {
    Configurator.setLevel("org.apache.kafka", Level.INFO);
    Configurator.setLevel("org.apache.flink", Level.INFO);
    Configurator.setLevel("kafka", Level.INFO);
    Map<String, String> users = new LinkedHashMap<>();
    users.put("eddy", PASSWORD);
    users.put("kcat", OTHER_PASSWORD);
    broker = KafkaBroker.start(0, dir.resolve("kafka"), new BrokerSecurity(true, users, false));
    passwordFile = dir.resolve("eddy.password");
    Files.writeString(passwordFile, PASSWORD + "\n");
  }

  @AfterAll
  static void stop() {
    if (broker != null) {
      broker.close();
    }
    Configurator.setLevel("org.apache.kafka", Level.WARN);
    Configurator.setLevel("org.apache.flink", Level.WARN);
    Configurator.setLevel("kafka", Level.WARN);
  }

  /** The properties of user eddy with SCRAM, its password a reference to a file. */
  static Map<String, String> scram() {
    Map<String, String> p = BrokerSecurity.clientProperties(broker.dataDir(), "SCRAM-SHA-512", "eddy", null);
    p.put("sasl.jaas.config", p.get("sasl.jaas.config").replace("${env:EDDY_KAFKA_PASSWORD}", "${file:" + passwordFile + "}"));
    return p;
  }

  @Test
  void scramAndPlainOverTlsCarryRecords() {
    KafkaConnection scram = new KafkaConnection(broker.bootstrapServers(), scram());
    KafkaAccess.check(scram);
    dev.eddy.core.kafka.TopicAdmin.ensureTopics(scram, List.of("t"), 1, java.util.Set.of());
    try (CheckedProducer p = new CheckedProducer(scram)) {
      for (int i = 0; i < 10; i++) {
        p.send("t", null, ("r" + i).getBytes(StandardCharsets.UTF_8));
      }
    }
    KafkaConnection plain = new KafkaConnection(broker.bootstrapServers(),
        BrokerSecurity.clientProperties(broker.dataDir(), "PLAIN", "kcat", OTHER_PASSWORD));
    List<String> read = new ArrayList<>();
    KafkaClients.readAll(plain, "t", true, 0, Duration.ofSeconds(2), r -> read.add(new String(r.value(), StandardCharsets.UTF_8)));
    assertThat(read).containsExactly("r0", "r1", "r2", "r3", "r4", "r5", "r6", "r7", "r8", "r9");
  }

  @Test
  void produceAndConsumeTakeAKafkaConfigFileWithAReference() throws Exception {
    Path config = dir.resolve("eddy.properties");
    Properties p = new Properties();
    p.putAll(scram());
    try (var w = Files.newBufferedWriter(config)) {
      p.store(w, null);
    }
    Path csv = Files.writeString(dir.resolve("rows.csv"), "id,x1,label\na,1.5,1\nb,2.5,0\n");
    String[] produced = ProduceConsumeITCase.run("produce", "--bootstrap", broker.bootstrapServers(), "--kafka-config",
        config.toString(), "--topic", "tls-events", "--csv", csv.toString(), "--id-column", "id", "--label-column", "label");
    assertThat(produced[0]).as(produced[2]).isEqualTo("0");
    String[] consumed = ProduceConsumeITCase.run("consume", "--bootstrap", broker.bootstrapServers(), "--kafka-config",
        config.toString(), "--topic", "tls-events", "--from-beginning", "--max", "2");
    assertThat(consumed[0]).as(consumed[2]).isEqualTo("0");
    assertThat(consumed[1].lines().toList()).hasSize(2).anyMatch(l -> l.startsWith("{\"id\":\"a\""));
    assertThat(String.join("", produced) + String.join("", consumed)).doesNotContain(PASSWORD);
  }

  @Test
  void eachRefusalIsNamedWithinThirtySeconds() throws Exception {
    Map<String, String> wrong = scram();
    wrong.put("sasl.jaas.config", wrong.get("sasl.jaas.config").replace("${file:" + passwordFile + "}", "not-it"));
    assertRefused(wrong, "authentication failed at Kafka at " + broker.bootstrapServers());

    Map<String, String> untrusted = scram();
    untrusted.put("ssl.truststore.location", BrokerCertificates.in(dir.resolve("another-ca")).truststore().toString());
    assertRefused(untrusted, "certificate not trusted: the broker's certificate at Kafka at " + broker.bootstrapServers());

    assertRefused(Map.of(), "the broker requires TLS: Kafka at " + broker.bootstrapServers() + " answers with TLS");

    // the same through a command: exit code 1 and the reason on stderr
    Path config = dir.resolve("wrong.properties");
    Properties p = new Properties();
    p.putAll(wrong);
    try (var w = Files.newBufferedWriter(config)) {
      p.store(w, null);
    }
    StringWriter err = new StringWriter();
    var cli = EddyCli.commandLine();
    cli.setErr(new PrintWriter(err, true));
    long start = System.nanoTime();
    int exit = cli.execute("consume", "--bootstrap", broker.bootstrapServers(), "--kafka-config", config.toString(),
        "--topic", "t", "--from-beginning");
    assertThat(exit).isEqualTo(1);
    assertThat(err.toString()).startsWith("eddy consume failed: authentication failed");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(30));
  }

  private static void assertRefused(Map<String, String> properties, String reason) {
    long start = System.nanoTime();
    assertThatThrownBy(() -> KafkaAccess.check(new KafkaConnection(broker.bootstrapServers(), properties)))
        .isInstanceOf(KafkaAccessException.class)
        .hasMessageStartingWith(reason);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(30));
  }

  @Test
  void theJobRunsExactlyOnceOverTlsAndScram() throws Exception {
    int events = 2000;
    String properties = scram().entrySet().stream()
        .map(e -> "    " + e.getKey() + ": '" + e.getValue().replace("'", "''") + "'")
        .collect(Collectors.joining("\n"));
    JobSpec spec = JobSpecReader.parse(SeededWorkload.spec(broker.bootstrapServers()).replace(
        "  bootstrap: " + broker.bootstrapServers(),
        "  bootstrap: " + broker.bootstrapServers() + "\n  properties:\n" + properties));
    JobKafka.prepare(spec);
    KafkaConnection kafka = spec.kafka().connection();
    try (CheckedProducer p = new CheckedProducer(kafka)) {
      SeededWorkload.produce(p, spec.kafka().topics().events(), events, 0, 3, n -> {});
    }

    LocalRunner.run(spec, true, dir.resolve("job"));

    PredictionTally tally = new PredictionTally();
    KafkaClients.readAll(kafka, spec.kafka().topics().predictions(), true, 0, Duration.ofSeconds(2), r -> tally.add(r.value()));
    assertThat(tally.records()).isEqualTo(events);
    assertThat(tally.distinctIds()).isEqualTo(events);
  }

  /** Last: scans what the broker, the clients, the refusals and the job logged. */
  @Test
  @Order(Integer.MAX_VALUE)
  void noLogLineHoldsAPassword() throws Exception {
    Path log = Path.of("target", "test.log");
    assertThat(log).exists();
    String text = Files.readString(log, StandardCharsets.UTF_8);
    assertThat(text).contains("ProducerConfig values"); // Kafka did log its clients' configurations
    assertThat(text).doesNotContain(PASSWORD).doesNotContain(OTHER_PASSWORD)
        .doesNotContain(BrokerSecrets.read(broker.dataDir().resolve("tls").resolve("internal-password")))
        .doesNotContain(BrokerSecrets.read(broker.dataDir().resolve("tls").resolve("store-password")));
  }
}
