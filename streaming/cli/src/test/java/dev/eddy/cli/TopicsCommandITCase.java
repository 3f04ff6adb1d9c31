package dev.eddy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eddy.core.kafka.KafkaConnection;
import dev.eddy.core.kafka.TopicAdmin;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code bin/eddy topics create --spec} on a real broker: the spec's topics, the models topic compacted, existing ones reported. */
@org.junit.jupiter.api.Timeout(value = 3, unit = java.util.concurrent.TimeUnit.MINUTES)
class TopicsCommandITCase {
  @RegisterExtension static final KafkaTestSupport kafka = new KafkaTestSupport();

  private Path spec(Path dir, String name, String extra) throws Exception {
    Path file = dir.resolve(name + ".yaml");
    Files.writeString(file, "name: " + name + "\nkafka: {bootstrap: '" + kafka.bootstrap() + "', topics: {events: " + name
        + "-events, labels: " + name + "-labels, predictions: " + name + "-p, drift: " + name + "-d, models: " + name
        + "-m, dead-letter: " + name + "-dl}}\nfeatures: [a]\nlearner: {type: pa}\n" + extra);
    return file;
  }

  @Test
  void createsEveryTopicWithTheSpecsPartitionsAndTheModelsTopicCompacted(@TempDir Path dir) throws Exception {
    // one topic exists already, with one partition and the default policy: left as it is, and reported
    TopicAdmin.ensureTopics(KafkaConnection.of(kafka.bootstrap()), List.of("tc-events"), 1, Set.of());
    String[] out = ProduceConsumeITCase.run("topics", "create", "--spec", spec(dir, "tc", "parallelism: 2\n").toString());
    assertThat(out[0]).as(out[2]).isEqualTo("0");
    assertThat(out[1].lines().toList()).containsExactly(
        "events       tc-events                exists, 1 partition, cleanup.policy=delete",
        "labels       tc-labels                created, 2 partitions, cleanup.policy=delete",
        "predictions  tc-p                     created, 2 partitions, cleanup.policy=delete",
        "drift        tc-d                     created, 2 partitions, cleanup.policy=delete",
        "models       tc-m                     created, 2 partitions, cleanup.policy=compact",
        "dead-letter  tc-dl                    created, 2 partitions, cleanup.policy=delete");
    try (Admin admin = Admin.create(KafkaConnection.of(kafka.bootstrap()).clientProperties())) {
      Map<String, TopicDescription> topics = admin.describeTopics(List.of("tc-labels", "tc-m")).allTopicNames().get();
      assertThat(topics.get("tc-m").partitions()).hasSize(2).allSatisfy(p -> assertThat(p.leader()).isNotNull());
      ConfigResource models = new ConfigResource(ConfigResource.Type.TOPIC, "tc-m");
      var config = admin.describeConfigs(List.of(models)).all().get().get(models);
      assertThat(config.get("cleanup.policy").value()).isEqualTo("compact");
      // an altered config reaches the broker's metadata a moment after the alter returns
      long deadline = System.currentTimeMillis() + 10_000;
      while (!config.get("max.message.bytes").value().equals(String.valueOf(64 << 20)) && System.currentTimeMillis() < deadline) {
        Thread.sleep(100);
        config = admin.describeConfigs(List.of(models)).all().get().get(models);
      }
      assertThat(config.get("max.message.bytes").value()).isEqualTo(String.valueOf(64 << 20));
    }

    // run again: everything exists, nothing is an error
    String[] again = ProduceConsumeITCase.run("topics", "create", "--spec", dir.resolve("tc.yaml").toString(), "--partitions", "3");
    assertThat(again[0]).isEqualTo("0");
    assertThat(again[1]).doesNotContain("created").contains("models       tc-m                     exists, 2 partitions");
  }

  @Test
  void aModelsTopicThatIsNotCompactedIsReportedAndBadPartitionsRefused(@TempDir Path dir) throws Exception {
    TopicAdmin.ensureTopics(KafkaConnection.of(kafka.bootstrap()), List.of("nc-m"), 1, Set.of());
    Path file = spec(dir, "nc", "");
    String[] out = ProduceConsumeITCase.run("topics", "create", "--spec", file.toString(), "--bootstrap", kafka.bootstrap());
    assertThat(out[0]).isEqualTo("0");
    assertThat(out[1]).contains("models       nc-m                     exists, 1 partition, cleanup.policy=delete  (the models topic"
        + " should be compacted");
    assertThat(out[1]).contains("events       nc-events                created, 1 partition, cleanup.policy=delete");

    String[] bad = ProduceConsumeITCase.run("topics", "create", "--spec", file.toString(), "--partitions", "0");
    assertThat(bad[0]).isEqualTo("2");
    assertThat(bad[2]).contains("--partitions must be >= 1, got 0");
  }

  /**
   * A spec with replicas and a quarantine topic: the quarantine topic is created like the others, the
   * job's internal replica-sync topic with one partition whatever --partitions says, and taking
   * records as large as a model snapshot; a replica-sync topic of several partitions is pointed out.
   */
  @Test
  void createsTheQuarantineAndTheReplicaSyncTopic(@TempDir Path dir) throws Exception {
    Path file = spec(dir, "rs", "parallelism: 2\nmodels: {replicas: 2, merge-interval: 5s}\nguard: {max-z: 6, quarantine-topic: rs-q}\n");
    String[] out = ProduceConsumeITCase.run("topics", "create", "--spec", file.toString(), "--partitions", "3");
    assertThat(out[0]).as(out[2]).isEqualTo("0");
    assertThat(out[1].lines().toList()).contains(
        "quarantine   rs-q                     created, 3 partitions, cleanup.policy=delete",
        "replica-sync rs.replica-sync          created, 1 partition, cleanup.policy=delete");
    try (Admin admin = Admin.create(KafkaConnection.of(kafka.bootstrap()).clientProperties())) {
      ConfigResource sync = new ConfigResource(ConfigResource.Type.TOPIC, "rs.replica-sync");
      long deadline = System.currentTimeMillis() + 10_000; // an altered config reaches the metadata a moment later
      var config = admin.describeConfigs(List.of(sync)).all().get().get(sync);
      while (!config.get("max.message.bytes").value().equals(String.valueOf(64 << 20)) && System.currentTimeMillis() < deadline) {
        Thread.sleep(100);
        config = admin.describeConfigs(List.of(sync)).all().get().get(sync);
      }
      assertThat(config.get("max.message.bytes").value()).isEqualTo(String.valueOf(64 << 20));
    }

    TopicAdmin.ensureTopics(KafkaConnection.of(kafka.bootstrap()), List.of("rs2.replica-sync"), 2, Set.of());
    String[] wrong = ProduceConsumeITCase.run("topics", "create", "--spec",
        spec(dir, "rs2", "models: {replicas: 2}\n").toString());
    assertThat(wrong[0]).isEqualTo("0");
    assertThat(wrong[1]).contains("replica-sync rs2.replica-sync         exists, 2 partitions, cleanup.policy=delete  (the"
        + " replica-sync topic should have one partition");
  }
}
