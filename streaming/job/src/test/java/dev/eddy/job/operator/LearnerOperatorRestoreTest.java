package dev.eddy.job.operator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eddy.core.input.InputEvent;
import dev.eddy.core.input.ModelInput;
import dev.eddy.core.model.ModelConfig;
import dev.eddy.core.spec.JobSpec;
import dev.eddy.core.synthetic.SeaGenerator;
import dev.eddy.learners.Task;
import dev.eddy.schemas.Prediction;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.state.rocksdb.EmbeddedRocksDBStateBackend;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;

/**
 * The learner operator's keyed state on real RocksDB survives snapshot → restore: a restored operator
 * predicts exactly as the original would have, for every model key.
 */
class LearnerOperatorRestoreTest {
  static final ModelConfig CONFIG = new ModelConfig("pa-i", Map.of("C", "0.5"), List.of("x1", "x2", "x3"), Task.BINARY, true,
      new JobSpec.Drift("ddm", Map.of(), "background", Map.of(), "page-hinkley", Map.of(), false), 100);

  static KeyedOneInputStreamOperatorTestHarness<String, ModelInput, Prediction> harness(int cache) throws Exception {
    var h = new KeyedOneInputStreamOperatorTestHarness<>(
        new LearnerOperator(CONFIG, cache, JobSpec.Models.DEFAULT_PUBLISH_EVERY, LearnerOperator.DEFAULT_LABELS), ModelInput::modelKey, Types.STRING);
    h.setStateBackend(new EmbeddedRocksDBStateBackend());
    return h;
  }

  static InputEvent event(SeaGenerator sea, String key, int i, boolean labelled) {
    double[] x = new double[3];
    double y = sea.next(x);
    return new InputEvent("e-" + i, key, 1000L + i, x, labelled ? y : Double.NaN);
  }

  /** Capacity 1 with two keys: every switch of key evicts, writes back and reloads a model. */
  @org.junit.jupiter.params.ParameterizedTest(name = "model cache of {0}")
  @org.junit.jupiter.params.provider.ValueSource(ints = {1, 100})
  void restoredStatePredictsIdenticallyForEveryKey(int cache) throws Exception {
    SeaGenerator sea = new SeaGenerator(11, new long[0], 0.05);
    OperatorSubtaskState snapshot;
    List<Prediction> continued;
    List<InputEvent> after = new java.util.ArrayList<>();
    try (var original = harness(cache)) {
      original.open();
      for (int i = 0; i < 600; i++) {
        original.processElement(ModelInput.of(event(sea, i % 3 == 0 ? "a" : "b", i, true)), i);
      }
      snapshot = original.snapshot(1L, 600L);
      for (int i = 600; i < 700; i++) {
        after.add(event(sea, i % 3 == 0 ? "a" : "b", i, i % 2 == 0));
      }
      int before = original.extractOutputValues().size();
      for (InputEvent e : after) {
        original.processElement(ModelInput.of(e), 0);
      }
      continued = original.extractOutputValues().subList(before, before + after.size());
      assertThat(continued.get(continued.size() - 1).getModelVersion()).isEqualTo(1L);
    }

    try (var restored = harness(cache)) {
      restored.setup();
      restored.initializeState(snapshot);
      restored.open();
      for (InputEvent e : after) {
        restored.processElement(ModelInput.of(e), 0);
      }
      List<Prediction> replayed = restored.extractOutputValues();
      assertThat(replayed).hasSize(after.size());
      for (int i = 0; i < after.size(); i++) {
        assertThat(replayed.get(i).getScore()).as("score of %s", after.get(i).id).isEqualTo(continued.get(i).getScore());
        assertThat(replayed.get(i).getPredictedLabel()).isEqualTo(continued.get(i).getPredictedLabel());
        assertThat(replayed.get(i).getModelKey()).isEqualTo(after.get(i).modelKey);
      }
      // the restored model is trained, not fresh: its predictions beat chance on the same concept
      long right = 0;
      for (int i = 0; i < after.size(); i++) {
        if (after.get(i).hasLabel() && (replayed.get(i).getPredictedLabel() > 0) == (after.get(i).label > 0)) {
          right++;
        }
      }
      assertThat(right).isGreaterThan(40); // of 50 labelled
    }
  }
}
