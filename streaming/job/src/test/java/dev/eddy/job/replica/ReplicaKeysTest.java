package dev.eddy.job.replica;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eddy.core.input.InputEvent;
import dev.eddy.core.input.InputLabel;
import dev.eddy.core.input.ModelInput;
import dev.eddy.core.input.SyncInput;
import java.util.HashSet;
import java.util.Set;
import org.apache.flink.runtime.state.KeyGroupRangeAssignment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The replicas' internal keys land on distinct subtasks, and an event and its later label meet. */
class ReplicaKeysTest {

  @ParameterizedTest(name = "max parallelism {0}")
  @ValueSource(ints = {128, 256, 4096})
  void replicaRLandsOnSubtaskRForEveryCount(int maxParallelism) {
    for (int n = 1; n <= 16; n++) {
      ReplicaKeys keys = ReplicaKeys.of(n, maxParallelism);
      Set<Integer> subtasks = new HashSet<>();
      for (int r = 0; r < n; r++) {
        int subtask = KeyGroupRangeAssignment.assignKeyToParallelOperator(keys.key(r), maxParallelism, n);
        assertThat(subtask).as("replica %d of %d", r, n).isEqualTo(r);
        subtasks.add(subtask);
        assertThat(keys.indexOf(keys.key(r))).isEqualTo(r);
      }
      assertThat(subtasks).hasSize(n);
    }
  }

  @Test
  void anEventAndItsLabelGoToOneReplicaAndEventsSpreadEvenly() throws Exception {
    ReplicaKeys keys = ReplicaKeys.of(2, 128);
    int[] per = new int[2];
    for (int i = 0; i < 10_000; i++) {
      String id = "e-" + i;
      String ofEvent = keys.getKey(ModelInput.of(new InputEvent(id, "global", 0, new double[] {1}, Double.NaN)));
      String ofLabel = keys.getKey(ModelInput.of(new InputLabel(id, "global", 5, 1.0, null)));
      assertThat(ofLabel).isEqualTo(ofEvent);
      per[keys.indexOf(ofEvent)]++;
    }
    assertThat(per[0]).as("a fair share").isBetween(4_800, 5_200);
    assertThat(keys.getKey(ModelInput.of(new SyncInput(1, new byte[0])))).isEqualTo(keys.key(1));
  }
}
