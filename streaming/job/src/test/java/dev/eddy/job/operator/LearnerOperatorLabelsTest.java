package dev.eddy.job.operator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eddy.core.input.InputEvent;
import dev.eddy.core.input.InputLabel;
import dev.eddy.core.input.ModelInput;
import dev.eddy.core.input.RawRecord;
import dev.eddy.core.model.ModelConfig;
import dev.eddy.core.spec.JobSpec;
import dev.eddy.learners.Task;
import dev.eddy.schemas.DeadLetter;
import dev.eddy.schemas.ModelSnapshot;
import dev.eddy.schemas.Prediction;
import dev.eddy.sinks.Output;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.state.rocksdb.EmbeddedRocksDBStateBackend;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

/**
 * Labels that arrive apart from their events, on real RocksDB keyed state: a label after its event,
 * before it, twice, never, or for an event that never comes; and waiting events across a restore.
 * Every learned example publishes the model (publish-every 1), so the models output shows each
 * learning step with the examples count.
 */
class LearnerOperatorLabelsTest {
  static final ModelConfig CONFIG = new ModelConfig("pa", Map.of(), List.of("x1", "x2"), Task.BINARY, false,
      JobSpec.Drift.NONE, 100);
  static final JobSpec.Labels LABELS = new JobSpec.Labels("avro", Duration.ofSeconds(10), Duration.ofSeconds(1));

  static KeyedOneInputStreamOperatorTestHarness<String, ModelInput, Prediction> harness() throws Exception {
    var h = new KeyedOneInputStreamOperatorTestHarness<>(
        new LearnerOperator(CONFIG, 10, 1, LABELS), ModelInput::modelKey, org.apache.flink.api.common.typeinfo.Types.STRING);
    h.setStateBackend(new EmbeddedRocksDBStateBackend());
    return h;
  }

  static ModelInput event(String id, double x1, double x2) {
    return ModelInput.of(new InputEvent(id, "k", 0, new double[] {x1, x2}, Double.NaN));
  }

  static ModelInput label(String id, double y) {
    byte[] bytes = ("{\"id\":\"" + id + "\",\"label\":" + y + "}").getBytes(StandardCharsets.UTF_8);
    return ModelInput.of(new InputLabel(id, "k", 5, y, new RawRecord("labels", 0, 42, 5, null, bytes)));
  }

  /** The examples count of every model snapshot published after learning (the initial one excluded). */
  static List<Long> learnedCounts(KeyedOneInputStreamOperatorTestHarness<String, ModelInput, Prediction> h) {
    List<Long> out = new ArrayList<>();
    var models = h.getSideOutput(OutputTags.of(Output.MODELS));
    if (models != null) {
      for (StreamRecord<ModelSnapshot> r : models) {
        if (!r.getValue().getReason().equals("initial")) {
          out.add(r.getValue().getExamples());
        }
      }
    }
    return out;
  }

  static ModelSnapshot lastModel(KeyedOneInputStreamOperatorTestHarness<String, ModelInput, Prediction> h) {
    List<ModelSnapshot> all = new ArrayList<>();
    h.getSideOutput(OutputTags.of(Output.MODELS)).forEach(r -> all.add(r.getValue()));
    return all.get(all.size() - 1);
  }

  @Test
  void labelsAfterBeforeTwiceAndNeverAreMatchedIgnoredOrDropped() throws Exception {
    try (var h = harness()) {
      h.open();
      h.setProcessingTime(1_000);
      h.processElement(event("e1", 1, 2), 0);
      assertThat(h.extractOutputValues()).extracting(Prediction::getId).containsExactly("e1");
      assertThat(learnedCounts(h)).as("nothing learned before the label").isEmpty();
      h.processElement(label("e1", 1), 0);
      assertThat(learnedCounts(h)).as("learned when the label came").containsExactly(1L);

      h.processElement(label("e2", 0), 0); // before its event
      assertThat(learnedCounts(h)).containsExactly(1L);
      h.processElement(event("e2", 2, -1), 0);
      assertThat(learnedCounts(h)).as("learned when the event came").containsExactly(1L, 2L);

      h.processElement(label("e1", 0), 0); // a second label: ignored
      h.processElement(label("e2", 1), 0);
      assertThat(learnedCounts(h)).containsExactly(1L, 2L);

      h.processElement(event("e3", 1, 1), 0); // its label never comes
      h.setProcessingTime(1_000 + 10_001);
      h.processElement(label("e3", 1), 0); // too late: the event stopped waiting
      assertThat(learnedCounts(h)).containsExactly(1L, 2L);

      h.processElement(ModelInput.of(new InputEvent("e4", "k", 0, new double[] {1, 1}, 1)), 0); // its label on it
      ModelSnapshot last = lastModel(h);
      assertThat(last.getExamples()).isEqualTo(3);
      assertThat(last.getLabelsMatched()).as("e1 and e2 from the labels topic").isEqualTo(2);
      assertThat(last.getLabelsExpired()).as("e3").isEqualTo(1);

      h.processElement(label("e9", 1), 0); // its event never comes
      h.setProcessingTime(1_000 + 10_001 + 999);
      var none = h.getSideOutput(OutputTags.of(Output.DEAD_LETTER));
      assertThat(none == null ? 0 : none.size()).as("the late e3 and e9 wait until 12_001, in the second up to 13_000").isZero();
      h.setProcessingTime(1_000 + 10_001 + 1_001 + 1_000); // deadlines pass within a second of their time
      List<DeadLetter> dead = new ArrayList<>();
      h.getSideOutput(OutputTags.of(Output.DEAD_LETTER)).forEach(r -> dead.add(r.getValue()));
      assertThat(dead).extracting(DeadLetter::getReason).containsExactly(LearnerOperator.NO_EVENT, LearnerOperator.NO_EVENT);
      assertThat(dead).extracting(d -> new String(d.getValue().array(), StandardCharsets.UTF_8))
          .containsExactly("{\"id\":\"e3\",\"label\":1.0}", "{\"id\":\"e9\",\"label\":1.0}");
      assertThat(dead.get(0).getTopic()).isEqualTo("labels");
      assertThat(dead.get(0).getOffset()).isEqualTo(42);
    }
  }

  /** Waiting events are keyed state: after a restore, their labels are learned from exactly once. */
  @Test
  void waitingEventsSurviveARestore() throws Exception {
    OperatorSubtaskState snapshot;
    try (var h = harness()) {
      h.open();
      h.setProcessingTime(1_000);
      h.processElement(event("a", 1, 2), 0);
      h.processElement(event("b", 2, 1), 0);
      h.processElement(label("c", 1), 0); // early
      snapshot = h.snapshot(1, 1_000);
    }
    try (var restored = harness()) {
      restored.setup();
      restored.initializeState(snapshot);
      restored.open();
      restored.setProcessingTime(1_500); // before the early label of "c" stops waiting (at 2_000)
      restored.processElement(label("a", 1), 0);
      restored.processElement(label("b", 0), 0);
      restored.processElement(event("c", 0, 1), 0);
      restored.processElement(label("a", 1), 0); // a duplicate after the restore
      assertThat(learnedCounts(restored)).containsExactly(1L, 2L, 3L);
      assertThat(restored.extractOutputValues()).extracting(Prediction::getId).containsExactly("c");
    }
  }
}
