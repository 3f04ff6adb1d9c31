package dev.eddy.job.operator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eddy.core.guard.GuardConfig;
import dev.eddy.core.input.InputEvent;
import dev.eddy.core.input.ModelInput;
import dev.eddy.core.spec.JobSpec;
import dev.eddy.schemas.Prediction;
import dev.eddy.sinks.Output;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.state.rocksdb.EmbeddedRocksDBStateBackend;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The guard's per-key learn-rate bucket is checkpointed: a key that spent its tokens before a snapshot
 * has none after the restore (on real RocksDB, through the model cache's write-back and eviction).
 * Every learn publishes the model ({@code publish-every 1}), so the models side output counts the learns.
 */
class GuardRestoreTest {
  private static final GuardConfig RATE_2 = new GuardConfig(0, 0, 2, null, null);

  private static KeyedOneInputStreamOperatorTestHarness<String, ModelInput, Prediction> harness(int cache) throws Exception {
    var h = new KeyedOneInputStreamOperatorTestHarness<>(
        new LearnerOperator(LearnerOperatorRestoreTest.CONFIG, cache, 1, LearnerOperator.DEFAULT_LABELS).guarded(RATE_2),
        ModelInput::modelKey, Types.STRING);
    h.setStateBackend(new EmbeddedRocksDBStateBackend());
    return h;
  }

  private static ModelInput labelled(String key, int i, long time) {
    return ModelInput.of(new InputEvent(key + "-" + i, key, time, new double[] {1, 2, 3}, i % 2));
  }

  private static int learns(KeyedOneInputStreamOperatorTestHarness<String, ModelInput, Prediction> h) {
    var models = h.getSideOutput(OutputTags.of(Output.MODELS));
    return models == null ? 0 : (int) models.stream().filter(r -> !r.getValue().getReason().equals("initial")).count();
  }

  /** Cache 1 with a second key in between: key a's model and bucket are evicted, written back and reloaded. */
  @ParameterizedTest(name = "model cache of {0}")
  @ValueSource(ints = {1, 100})
  void aKeyThatSpentItsTokensHasNoneAfterARestore(int cache) throws Exception {
    OperatorSubtaskState snapshot;
    try (var original = harness(cache)) {
      original.open();
      for (int i = 0; i < 3; i++) {
        original.processElement(labelled("a", i, 1_000), 0);
        original.processElement(labelled("b", i, 1_000 + i * 1_000L), 0); // b: one a second, always learned
      }
      assertThat(learns(original)).as("2 of a (a full bucket of 2), 3 of b").isEqualTo(5);
      snapshot = original.snapshot(1L, 0L);
    }
    try (var restored = harness(cache)) {
      restored.setup();
      restored.initializeState(snapshot);
      restored.open();
      restored.processElement(labelled("a", 3, 1_000), 0);
      assertThat(learns(restored)).as("a's bucket came back empty").isZero();
      restored.processElement(labelled("a", 4, 1_500), 0);
      assertThat(learns(restored)).as("half a second at 2/s: one token").isEqualTo(1);
      restored.processElement(labelled("a", 5, 1_500), 0);
      restored.processElement(labelled("b", 5, 3_000), 0);
      assertThat(learns(restored)).as("a refused again; b's bucket had refilled").isEqualTo(2);
    }
  }
}
