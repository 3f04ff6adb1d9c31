package dev.eddy.job.operator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eddy.core.input.InputEvent;
import dev.eddy.core.input.ModelInput;
import dev.eddy.core.input.SyncInput;
import dev.eddy.core.model.ModelConfig;
import dev.eddy.core.spec.JobSpec;
import dev.eddy.core.spec.Replicas;
import dev.eddy.core.synthetic.SeaGenerator;
import dev.eddy.job.replica.ReplicaKeys;
import dev.eddy.learners.Task;
import dev.eddy.schemas.ModelSnapshot;
import dev.eddy.schemas.ReplicaContribution;
import dev.eddy.schemas.codec.Topics;
import dev.eddy.sinks.Output;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.state.rocksdb.EmbeddedRocksDBStateBackend;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

/**
 * {@code models.merge-interval} on the learner operator (both replicas' keys on one harness, RocksDB):
 * a few events and no more, and the rounds still merge, by processing time; the replicas' timers are
 * keyed state and survive a restore; an idle stream makes no round; a replica that learned nothing
 * joins a round another opened with 0 examples, so it completes and counts each example once.
 */
class LearnerOperatorReplicasTest {
  static final ModelConfig CONFIG = new ModelConfig("pa-i", Map.of("C", "0.5"), List.of("x1", "x2", "x3"), Task.BINARY,
      true, JobSpec.Drift.NONE, 100);
  static final int MAX_PARALLELISM = 128;
  static final ReplicaKeys KEYS = ReplicaKeys.of(2, MAX_PARALLELISM);
  static final Replicas BY_TIME = new Replicas(2, 0, Duration.ofSeconds(10));
  private final SeaGenerator sea = new SeaGenerator(5, new long[0], 0.05);

  private static KeyedOneInputStreamOperatorTestHarness<String, ModelInput, ?> harness() throws Exception {
    var h = new KeyedOneInputStreamOperatorTestHarness<>(
        new LearnerOperator(CONFIG, 10, 0, LearnerOperator.DEFAULT_LABELS).replicated(KEYS, BY_TIME), KEYS, Types.STRING,
        MAX_PARALLELISM, 1, 0);
    h.setStateBackend(new EmbeddedRocksDBStateBackend());
    return h;
  }

  private ModelInput event(String id) {
    double[] x = new double[3];
    double y = sea.next(x);
    return ModelInput.of(new InputEvent(id, "global", 0, x, y));
  }

  /** The contributions emitted so far. */
  private static List<ReplicaContribution> sync(KeyedOneInputStreamOperatorTestHarness<String, ModelInput, ?> h) {
    List<ReplicaContribution> out = new ArrayList<>();
    var emitted = h.getSideOutput(OutputTags.of(Output.REPLICA_SYNC));
    if (emitted != null) { // null until the first record on the tag
      for (StreamRecord<ReplicaContribution> r : emitted) {
        out.add(r.getValue());
      }
    }
    return out;
  }

  private static List<ModelSnapshot> merges(KeyedOneInputStreamOperatorTestHarness<String, ModelInput, ?> h) {
    List<ModelSnapshot> out = new ArrayList<>();
    for (StreamRecord<ModelSnapshot> r : h.getSideOutput(OutputTags.of(Output.MODELS))) {
      if (r.getValue().getReason().equals("merge")) {
        out.add(r.getValue());
      }
    }
    return out;
  }

  /** As the sync source does: the contribution to every replica. */
  private static void deliver(KeyedOneInputStreamOperatorTestHarness<String, ModelInput, ?> h, ReplicaContribution c) throws Exception {
    for (int r = 0; r < KEYS.count(); r++) {
      h.processElement(ModelInput.of(new SyncInput(r, Topics.REPLICA_CONTRIBUTION.encode(c))), 0);
    }
  }

  @Test
  void roundsMergeByTimeWithFewEventsAndAnIdleStreamMakesNone() throws Exception {
    int[] perReplica = new int[2];
    OperatorSubtaskState snapshot;
    try (var h = harness()) {
      h.setProcessingTime(0);
      h.open();
      for (int i = 0; i < 8; i++) {
        h.processElement(event("e-" + i), 0);
        perReplica[KEYS.replicaOf("e-" + i)]++;
      }
      assertThat(perReplica).as("both replicas learned").doesNotContain(0);
      h.setProcessingTime(9_999);
      assertThat(sync(h)).as("no contribution before the interval, merge-every off").isEmpty();
      snapshot = h.snapshot(1, 9_999);
    }
    try (var h = harness()) { // restored: the replicas' timers came back with their state
      h.setProcessingTime(9_999);
      h.initializeState(snapshot);
      h.open();
      h.setProcessingTime(10_000);
      List<ReplicaContribution> round1 = sync(h);
      assertThat(round1).extracting(ReplicaContribution::getReplica).containsExactlyInAnyOrder(0, 1);
      assertThat(round1).extracting(ReplicaContribution::getRound).containsOnly(1L);
      assertThat(round1).extracting(ReplicaContribution::getExamples)
          .containsExactlyInAnyOrder((long) perReplica[0], (long) perReplica[1]);
      for (ReplicaContribution c : round1) {
        deliver(h, c);
      }
      assertThat(merges(h)).hasSize(1);
      assertThat(merges(h).get(0).getVersion()).isEqualTo(2);
      assertThat(merges(h).get(0).getExamples()).isEqualTo(8);

      h.setProcessingTime(35_000); // idle: the timers fire, nothing to contribute
      assertThat(sync(h)).as("an idle stream makes no round").hasSize(2);

      String id = "late-0";
      for (int k = 1; KEYS.replicaOf(id) != 0; k++) {
        id = "late-" + k;
      }
      h.processElement(event(id), 0); // replica 0's interval passed long ago: it contributes at once
      List<ReplicaContribution> all = sync(h);
      assertThat(all).hasSize(3);
      ReplicaContribution opened = all.get(2);
      assertThat(opened.getReplica()).isEqualTo(0);
      assertThat(opened.getRound()).isEqualTo(2);
      assertThat(opened.getExamples()).isEqualTo(1);
      deliver(h, opened);
      all = sync(h);
      assertThat(all).as("replica 1 joins the round replica 0 opened").hasSize(4);
      ReplicaContribution joined = all.get(3);
      assertThat(joined.getReplica()).isEqualTo(1);
      assertThat(joined.getRound()).isEqualTo(2);
      assertThat(joined.getExamples()).as("it learned nothing since: weight 0").isZero();
      deliver(h, joined);
      assertThat(merges(h)).extracting(ModelSnapshot::getVersion).containsExactly(2L, 3L);
      assertThat(merges(h)).extracting(ModelSnapshot::getExamples).as("each example merged once").containsExactly(8L, 9L);
    }
  }
}
