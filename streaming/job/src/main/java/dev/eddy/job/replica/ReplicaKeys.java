package dev.eddy.job.replica;

import dev.eddy.core.input.FeatureLayout;
import dev.eddy.core.input.ModelInput;
import java.util.Arrays;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.runtime.state.KeyGroupRangeAssignment;
import org.apache.flink.util.MathUtils;

/**
 * The internal keys of a global model's replicas ({@code models.replicas: N}): the key of an event
 * or a label is the replica its id hashes to, so a label that comes later on the labels topic finds
 * its event's replica; a replica's contribution ({@link ModelInput#sync}) goes to the replica it is
 * addressed to. The N keys ({@code global#0}, ..., a suffix {@code .k} added where needed) are chosen so
 * that Flink places them on N distinct subtasks of the learner at parallelism N
 * ({@link KeyGroupRangeAssignment#assignKeyToParallelOperator}); otherwise two replicas would share a
 * subtask, and a core.
 */
public final class ReplicaKeys implements KeySelector<ModelInput, String> {
  private static final long serialVersionUID = 1L;
  private final String[] keys;

  private ReplicaKeys(String[] keys) {
    this.keys = keys;
  }

  /** The keys of {@code replicas} replicas of a learner at parallelism {@code replicas} and {@code maxParallelism}. */
  public static ReplicaKeys of(int replicas, int maxParallelism) {
    if (replicas < 1 || replicas > maxParallelism) {
      throw new IllegalArgumentException("replicas must be in 1.." + maxParallelism + " (the learner's max parallelism), got " + replicas);
    }
    String[] keys = new String[replicas];
    for (int r = 0; r < replicas; r++) {
      String key = FeatureLayout.GLOBAL_KEY + "#" + r;
      for (int k = 1; KeyGroupRangeAssignment.assignKeyToParallelOperator(key, maxParallelism, replicas) != r; k++) {
        key = FeatureLayout.GLOBAL_KEY + "#" + r + "." + k;
      }
      keys[r] = key;
    }
    return new ReplicaKeys(keys);
  }

  @Override
  public String getKey(ModelInput in) {
    if (in.sync != null) {
      return keys[in.sync.replica];
    }
    return keys[replicaOf(in.event != null ? in.event.id : in.label.id)];
  }

  /** The replica an event id (and its label) goes to. */
  public int replicaOf(String id) {
    return MathUtils.murmurHash(id.hashCode()) % keys.length; // murmurHash is never negative
  }

  /** The index of an internal key, or -1. */
  public int indexOf(String key) {
    return Arrays.asList(keys).indexOf(key);
  }

  public int count() {
    return keys.length;
  }

  /** The internal key of replica {@code r}. */
  public String key(int r) {
    return keys[r];
  }
}
