package dev.eddy.core.kafka;

import dev.eddy.core.spec.Durations;
import dev.eddy.core.spec.Guarantee;
import dev.eddy.core.spec.JobSpec;
import dev.eddy.core.spec.Replicas;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.common.config.ConfigResource;

/**
 * What a job needs of its Kafka cluster before it starts, checked by every way of starting it
 * ({@code bin/eddy run}, {@code submit}, the demo, the benchmark): its topics exist (the models topic
 * compacted, and taking records as large as a model snapshot may be), the brokers allow the output
 * transactions' timeout, so that a broker never cuts a transaction short (the producer would fail
 * only at its first transaction, after the job started), and no live job of the same name writes to
 * the cluster ({@link NamesakeCheck}).
 */
public final class JobKafka {
  private static final String MAX_TRANSACTION_TIMEOUT = "transaction.max.timeout.ms";

  private JobKafka() {}

  /**
   * Creates the spec's missing topics, checks the transaction timeout against the brokers' maximum,
   * and refuses to start beside a live exactly-once job of the same name.
   */
  public static void prepare(JobSpec spec) {
    KafkaAccess.check(spec.kafka().connection());
    createTopics(spec, spec.kafka().connection());
    if (spec.checkpoint().guarantee() == Guarantee.EXACTLY_ONCE) {
      Duration wanted = spec.kafka().transactionTimeout();
      Duration allowed = maxTransactionTimeout(spec.kafka().connection());
      if (wanted.compareTo(allowed) > 0) {
        throw new IllegalArgumentException("the Kafka transaction timeout (" + Durations.format(wanted)
            + ", kafka.properties." + JobSpec.Kafka.TRANSACTION_TIMEOUT + ") is above the brokers' "
            + MAX_TRANSACTION_TIMEOUT + " (" + Durations.format(allowed) + "): lower it, or raise the brokers' maximum");
      }
      NamesakeCheck.refuseLiveNamesake(spec.kafka().connection(), spec.name(), spec.checkpoint().interval());
    }
  }

  /**
   * Creates the spec's missing topics as the user of {@code as} (the job's own connection, or an
   * administrator's when the job's user may not create topics; the guard's quarantine topic too), the models topic compacted and
   * taking records as large as a model snapshot.
   */
  public static void createTopics(JobSpec spec, KafkaConnection as) {
    var topics = spec.kafka().topics();
    var all = new java.util.ArrayList<>(topics.all());
    if (spec.guard().quarantineTopic() != null) {
      all.add(spec.guard().quarantineTopic());
    }
    TopicAdmin.ensureTopics(as, all, 1, Set.of(topics.models()));
    TopicAdmin.ensureMaxMessageBytes(as, topics.models(), JobSpec.Models.MAX_SNAPSHOT_BYTES);
    createSyncTopic(spec, as);
  }

  /**
   * With {@code models.replicas} &gt; 1, creates the job's internal {@link Replicas#syncTopic} if missing:
   * one partition, so that every replica reads the contributions in one order, taking records as
   * large as a model snapshot (a contribution carries a learner). Returns its name, or null without replicas.
   */
  public static String createSyncTopic(JobSpec spec, KafkaConnection as) {
    if (!spec.models().replicas().parallel()) {
      return null;
    }
    String sync = Replicas.syncTopic(spec.name());
    TopicAdmin.ensureTopics(as, java.util.List.of(sync), Replicas.SYNC_PARTITIONS, Set.of());
    TopicAdmin.ensureMaxMessageBytes(as, sync, JobSpec.Models.MAX_SNAPSHOT_BYTES);
    return sync;
  }

  /** The smallest {@code transaction.max.timeout.ms} of the cluster's brokers. */
  static Duration maxTransactionTimeout(KafkaConnection kafka) {
    try (Admin admin = Admin.create(kafka.clientProperties())) {
      long min = Long.MAX_VALUE;
      for (var node : admin.describeCluster().nodes().get()) {
        ConfigResource broker = new ConfigResource(ConfigResource.Type.BROKER, node.idString());
        Config config = admin.describeConfigs(Set.of(broker)).all().get().get(broker);
        var entry = config.get(MAX_TRANSACTION_TIMEOUT);
        if (entry != null && entry.value() != null) {
          min = Math.min(min, Long.parseLong(entry.value()));
        }
      }
      return min == Long.MAX_VALUE ? JobSpec.Kafka.DEFAULT_TRANSACTION_TIMEOUT : Duration.ofMillis(min);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while reading the brokers' configuration", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("cannot read the brokers' " + MAX_TRANSACTION_TIMEOUT + " on " + kafka.bootstrap(), e.getCause());
    }
  }
}
