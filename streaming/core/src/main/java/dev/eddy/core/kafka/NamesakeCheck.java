package dev.eddy.core.kafka;

import dev.eddy.core.spec.Durations;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TransactionDescription;
import org.apache.kafka.clients.admin.TransactionListing;
import org.apache.kafka.clients.admin.TransactionState;

/**
 * Refuses to start an exactly-once job while another live job with the same name writes to the same
 * Kafka cluster: the two would share the consumer group and the transactional-id prefix and fence
 * each other's transactions. A live exactly-once job keeps an open transaction with its prefix and
 * opens a new one at every checkpoint; a job that died leaves open ones behind that never renew (the
 * restored job aborts them). So: if open transactions with the prefix exist, look again after one
 * checkpoint interval (at most {@link #MAX_WAIT}), and refuse if a new one has begun.
 */
final class NamesakeCheck {
  static final Duration MAX_WAIT = Duration.ofSeconds(30);

  private NamesakeCheck() {}

  /** Throws {@link IllegalStateException} naming the live namesake's transaction, if there is one. */
  static void refuseLiveNamesake(KafkaConnection kafka, String name, Duration checkpointInterval) {
    String prefix = name + "-";
    try (Admin admin = Admin.create(kafka.clientProperties())) {
      Map<String, Long> before = openTransactions(admin, prefix);
      if (before.isEmpty()) {
        return;
      }
      Duration wait = checkpointInterval.plusSeconds(2);
      Thread.sleep((wait.compareTo(MAX_WAIT) > 0 ? MAX_WAIT : wait).toMillis());
      long now = System.currentTimeMillis();
      for (var open : openTransactions(admin, prefix).entrySet()) {
        Long started = before.get(open.getKey());
        if (started == null || open.getValue() > started) {
          throw new IllegalStateException("another job named " + name + " is writing to this Kafka cluster (its"
              + " transaction " + open.getKey() + " began " + Durations.format(Duration.ofMillis(Math.max(0, now - open.getValue())))
              + " ago): two jobs with one name share a consumer group and transactional ids and fence each other."
              + " Give this job another name (spec: name), or stop the other one first");
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while looking for another job named " + name, e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("cannot list the transactions on " + kafka.bootstrap() + ": " + e.getCause().getMessage(),
          e.getCause());
    }
  }

  /** Open transactions whose id starts with {@code prefix}, with the time each began. */
  private static Map<String, Long> openTransactions(Admin admin, String prefix)
      throws InterruptedException, ExecutionException {
    List<String> ids = admin.listTransactions().all().get().stream()
        .filter(t -> t.state() == TransactionState.ONGOING && t.transactionalId().startsWith(prefix))
        .map(TransactionListing::transactionalId).toList();
    if (ids.isEmpty()) {
      return Map.of();
    }
    return admin.describeTransactions(ids).all().get().entrySet().stream()
        .filter(e -> e.getValue().state() == TransactionState.ONGOING)
        .collect(Collectors.toMap(Map.Entry::getKey, e -> startOf(e.getValue())));
  }

  private static long startOf(TransactionDescription description) {
    return description.transactionStartTimeMs().orElse(0L);
  }
}
