package dev.eddy.core.spec;

import java.io.Serializable;

/**
 * {@code models.replicas} and {@code models.merge-every}: one global model trained data-parallel on
 * {@code count} replicas, which merge every {@code mergeEvery} labelled examples each (README "One
 * global model on many cores"). One replica is today's job, unchanged.
 *
 * @param count the number of replicas (the learner's parallelism), at least 1
 * @param mergeEvery labelled examples a replica learns between two contributions, at least 1
 */
public record Replicas(int count, long mergeEvery) implements Serializable {
  /** One replica: no merging. */
  public static final Replicas ONE = new Replicas(1, Replicas.DEFAULT_MERGE_EVERY);
  /** The default cadence of the merge rounds. */
  public static final long DEFAULT_MERGE_EVERY = 1_000;

  public Replicas {
    if (count < 1) {
      throw new JobSpecException("models.replicas", "must be >= 1, got " + count);
    }
    if (mergeEvery < 1) {
      throw new JobSpecException("models.merge-every", "must be >= 1, got " + mergeEvery);
    }
  }

  /** Whether the model is trained by more than one replica. */
  public boolean parallel() {
    return count > 1;
  }

  /** The job's internal topic of the replicas' contributions: {@code <job name>.replica-sync}. */
  public static String syncTopic(String jobName) {
    return jobName + ".replica-sync";
  }
}
