package dev.eddy.core.kafka;

import dev.eddy.core.spec.JobSpec;
import dev.eddy.core.spec.Replicas;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;

/**
 * Creates every topic of a job spec ({@code bin/eddy topics create}): the missing ones with the
 * partitions asked for, the models topic compacted and taking model snapshots, the guard's
 * quarantine topic when the spec has one, and with {@code models.replicas} &gt; 1 the job's internal
 * replica-sync topic as the job creates it ({@link JobKafka#createSyncTopic}: one partition, taking
 * records as large as a snapshot); the ones that exist are left as they are and described, so a user
 * sees what a job will find (a models topic that is not compacted keeps every snapshot ever
 * published; a replica-sync topic of several partitions gives the replicas no one order).
 */
public final class SpecTopics {
  private SpecTopics() {}

  /**
   * One topic of the spec after {@link #create}.
   *
   * @param role the topic's role in the spec ({@code events}, {@code models}, ...)
   * @param created whether this call created it (else it existed)
   * @param cleanupPolicy its {@code cleanup.policy}
   */
  public record Status(String role, String name, boolean created, int partitions, String cleanupPolicy) {
    /** Whether the topic is as the job wants it: the models topic compacted, the replica-sync topic of one partition. */
    public boolean fitsRole() {
      return switch (role) {
        case "models" -> cleanupPolicy.contains(TopicConfig.CLEANUP_POLICY_COMPACT);
        case SYNC -> partitions == Replicas.SYNC_PARTITIONS;
        default -> true;
      };
    }

    /** What is wrong with the topic for its role, or "" when it {@link #fitsRole}. */
    public String advice() {
      if (fitsRole()) {
        return "";
      }
      return role.equals(SYNC) ? "the replica-sync topic should have one partition: the replicas read the contributions in one order"
          : "the models topic should be compacted: it keeps every snapshot otherwise";
    }
  }

  /** The roles of a spec's topics, in {@link JobSpec.Topics#all()}'s order. */
  private static final List<String> ROLES = List.of("events", "labels", "predictions", "drift", "models", "dead-letter");
  /** The role of the guard's quarantine topic ({@code guard.quarantine-topic}). */
  public static final String QUARANTINE = "quarantine";
  /** The role of the replicas' internal topic ({@code models.replicas} &gt; 1). */
  public static final String SYNC = "replica-sync";

  /**
   * Creates the spec's missing topics with {@code partitions} partitions as the user of {@code as},
   * waits until each has a leader, and describes every topic of the spec.
   */
  public static List<Status> create(JobSpec spec, KafkaConnection as, int partitions) {
    if (partitions < 1) {
      throw new IllegalArgumentException("partitions must be >= 1, got " + partitions);
    }
    JobSpec.Topics topics = spec.kafka().topics();
    Map<String, String> byRole = new LinkedHashMap<>();
    for (String role : ROLES) {
      byRole.put(role, topics.of(role));
    }
    if (spec.guard().quarantineTopic() != null) {
      byRole.put(QUARANTINE, spec.guard().quarantineTopic());
    }
    Set<String> before = existing(as);
    TopicAdmin.ensureTopics(as, byRole.values(), partitions, Set.of(topics.models()));
    TopicAdmin.ensureMaxMessageBytes(as, topics.models(), JobSpec.Models.MAX_SNAPSHOT_BYTES);
    String sync = JobKafka.createSyncTopic(spec, as);
    if (sync != null) {
      byRole.put(SYNC, sync);
    }
    List<String> names = List.copyOf(byRole.values());
    List<Status> out = new ArrayList<>();
    try (Admin admin = Admin.create(as.clientProperties())) {
      var descriptions = admin.describeTopics(names).allTopicNames().get();
      List<ConfigResource> resources = names.stream().map(t -> new ConfigResource(ConfigResource.Type.TOPIC, t)).toList();
      Map<ConfigResource, Config> configs = admin.describeConfigs(resources).all().get();
      for (Map.Entry<String, String> e : byRole.entrySet()) {
        String role = e.getKey();
        String name = e.getValue();
        var policy = configs.get(new ConfigResource(ConfigResource.Type.TOPIC, name)).get(TopicConfig.CLEANUP_POLICY_CONFIG);
        out.add(new Status(role, name, !before.contains(name), descriptions.get(name).partitions().size(),
            policy == null ? TopicConfig.CLEANUP_POLICY_DELETE : policy.value()));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while describing topics", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("cannot describe the topics " + names + " on " + as.bootstrap(), e.getCause());
    }
    return out;
  }

  private static Set<String> existing(KafkaConnection kafka) {
    try (Admin admin = Admin.create(kafka.clientProperties())) {
      return new HashSet<>(admin.listTopics().names().get());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while listing topics", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("cannot list the topics on " + kafka.bootstrap(), e.getCause());
    }
  }
}
