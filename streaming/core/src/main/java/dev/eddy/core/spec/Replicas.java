package dev.eddy.core.spec;

import java.io.Serializable;
import java.time.Duration;

/**
 * {@code models.replicas}, {@code models.merge-every} and {@code models.merge-interval}: one global
 * model trained data-parallel on {@code count} replicas, each of which contributes to a merge round
 * every {@code mergeEvery} labelled examples, or when {@code mergeInterval} has passed since its
 * previous contribution, whichever comes first (README "One global model on many cores"). One
 * replica is today's job, unchanged.
 *
 * @param count the number of replicas (the learner's parallelism), at least 1
 * @param mergeEvery labelled examples a replica learns between two contributions; 0 = rounds by time
 *     only (then {@code mergeInterval} is required)
 * @param mergeInterval processing time after which a replica contributes what it learned since its
 *     previous contribution, or null for rounds by count only
 */
public record Replicas(int count, long mergeEvery, Duration mergeInterval) implements Serializable {
  /** One replica: no merging. */
  public static final Replicas ONE = new Replicas(1, Replicas.DEFAULT_MERGE_EVERY);
  /** Partitions of the sync topic: one, so that every replica reads the contributions in one order. */
  public static final int SYNC_PARTITIONS = 1;
  /** The default cadence of the merge rounds, when neither merge-every nor merge-interval is given. */
  public static final long DEFAULT_MERGE_EVERY = 1_000;

  public Replicas {
    if (count < 1) {
      throw new JobSpecException("models.replicas", "must be >= 1, got " + count);
    }
    if (mergeEvery < 0) {
      throw new JobSpecException("models.merge-every", "must be >= 1, got " + mergeEvery);
    }
    if (mergeInterval != null && (mergeInterval.isNegative() || mergeInterval.toMillis() < 1)) {
      throw new JobSpecException("models.merge-interval", "must be at least 1ms, got " + Durations.format(mergeInterval));
    }
    if (mergeEvery == 0 && mergeInterval == null) {
      throw new JobSpecException("models.merge-every", "the replicas would never merge: set models.merge-every (labelled"
          + " examples, >= 1) or models.merge-interval (a duration), or both");
    }
  }

  /** Rounds every {@code mergeEvery} labelled examples per replica, not by time. */
  public Replicas(int count, long mergeEvery) {
    this(count, mergeEvery, null);
  }

  /** Whether the model is trained by more than one replica. */
  public boolean parallel() {
    return count > 1;
  }

  /** {@link #mergeInterval} in milliseconds, 0 when rounds are by count only. */
  public long mergeIntervalMillis() {
    return mergeInterval == null ? 0 : mergeInterval.toMillis();
  }

  /** The job's internal topic of the replicas' contributions: {@code <job name>.replica-sync}. */
  public static String syncTopic(String jobName) {
    return jobName + ".replica-sync";
  }
}
