package dev.eddy.streaming.kafka;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;

/** Creates Eddy's topics (idempotently) on any Kafka cluster. */
public final class TopicAdmin {
  private TopicAdmin() {}

  /**
   * Creates the topics that do not exist yet with {@code partitions} partitions and replication
   * factor 1; {@code compacted} names those created with cleanup.policy=compact (the models topic).
   */
  public static void ensureTopics(
      String bootstrap, Collection<String> topics, int partitions, Set<String> compacted) {
    Properties props = new Properties();
    props.setProperty(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    try (Admin admin = Admin.create(props)) {
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
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while creating topics", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("cannot create topics " + topics + " on " + bootstrap, e.getCause());
    }
  }
}
