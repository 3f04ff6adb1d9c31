package dev.eddy.core.kafka;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Creates Eddy's topics (idempotently) on any Kafka cluster, and returns once every partition of the
 * new topics has a leader: a producer that writes to a brand-new partition before it has one gets
 * NOT_LEADER_OR_FOLLOWER and, with idempotence, can drop records (seen with Kafka 4.2).
 */
public final class TopicAdmin {
  private TopicAdmin() {}

  /**
   * Creates the topics that do not exist yet with {@code partitions} partitions and replication
   * factor 1; {@code compacted} names those created with cleanup.policy=compact (the models topic).
   */
  public static void ensureTopics(
      KafkaConnection kafka, Collection<String> topics, int partitions, Set<String> compacted) {
    try (Admin admin = Admin.create(kafka.clientProperties())) {
      Set<String> existing = admin.listTopics().names().get();
      List<NewTopic> create = new ArrayList<>();
      for (String t : topics) {
        if (!existing.contains(t)) {
          NewTopic nt = new NewTopic(t, partitions, (short) 1);
          if (compacted.contains(t)) {
            nt.configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
          }
          create.add(nt);
        }
      }
      if (!create.isEmpty()) {
        // a topic created just before (by another client) may not be listed yet: it exists, which is all we want
        for (var created : admin.createTopics(create).values().values()) {
          try {
            created.get();
          } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
              throw e;
            }
          }
        }
        awaitLeaders(admin, create.stream().map(NewTopic::name).toList());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while creating topics", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("cannot create topics " + topics + " on " + kafka.bootstrap(), e.getCause());
    }
  }

  /**
   * Raises {@code topic}'s {@code max.message.bytes} to at least {@code bytes} (a topic config, so it
   * overrides the brokers' {@code message.max.bytes} for this topic only).
   */
  public static void ensureMaxMessageBytes(KafkaConnection kafka, String topic, int bytes) {
    ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
    try (Admin admin = Admin.create(kafka.clientProperties())) {
      var current = admin.describeConfigs(Set.of(resource)).all().get().get(resource).get(TopicConfig.MAX_MESSAGE_BYTES_CONFIG);
      if (current != null && current.value() != null && Long.parseLong(current.value()) >= bytes) {
        return;
      }
      AlterConfigOp set = new AlterConfigOp(new ConfigEntry(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, Integer.toString(bytes)),
          AlterConfigOp.OpType.SET);
      admin.incrementalAlterConfigs(Map.of(resource, List.of(set))).all().get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while configuring topic " + topic, e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("cannot set " + TopicConfig.MAX_MESSAGE_BYTES_CONFIG + "=" + bytes + " on topic '" + topic
          + "' (model snapshots can be that large); set it yourself or allow this client to alter the topic's configs", e.getCause());
    }
  }

  /**
   * Waits (up to 30 s) until every partition of {@code topics} has a leader that serves it: the
   * metadata names a leader, and that leader answers a list-offsets request for the partition. The
   * metadata alone can name a leader whose log is not open yet; an idempotent producer that writes
   * then gets NOT_LEADER_OR_FOLLOWER and can stall on OUT_OF_ORDER_SEQUENCE until its delivery
   * timeout (seen once in CI with Kafka 4.2).
   */
  private static void awaitLeaders(Admin admin, List<String> topics) throws InterruptedException, ExecutionException {
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (true) {
      boolean ready = true;
      try {
        Map<TopicPartition, OffsetSpec> partitions = new HashMap<>();
        for (var description : admin.describeTopics(topics).allTopicNames().get().values()) {
          for (var partition : description.partitions()) {
            ready &= partition.leader() != null && !partition.leader().isEmpty();
            partitions.put(new TopicPartition(description.name(), partition.partition()), OffsetSpec.latest());
          }
        }
        if (ready) {
          admin.listOffsets(partitions).all().get(); // answered by each partition's leader, from its log
        }
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof org.apache.kafka.common.errors.RetriableException)) {
          throw e;
        }
        ready = false; // not visible to this broker's metadata yet, or the leader's log is not open yet
      }
      if (ready) {
        return;
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("topics " + topics + " have partitions without a leader after 30 s");
      }
      Thread.sleep(50);
    }
  }
}
