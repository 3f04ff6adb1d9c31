package dev.eddy.job.operator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eddy.core.input.InputEvent;
import dev.eddy.core.input.ModelInput;
import dev.eddy.core.model.ModelConfig;
import dev.eddy.core.spec.JobSpec;
import dev.eddy.core.synthetic.SeaGenerator;
import dev.eddy.learners.Task;
import dev.eddy.learners.codec.LearnerCodec;
import dev.eddy.schemas.ModelSnapshot;
import dev.eddy.sinks.Output;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.state.rocksdb.EmbeddedRocksDBStateBackend;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

/** The models topic holds trained models: each key's current parameters are published every N labelled examples. */
class LearnerOperatorPublishTest {
  static final ModelConfig CONFIG = new ModelConfig("pa-i", Map.of("C", "0.5"), List.of("x1", "x2", "x3"), Task.BINARY,
      true, JobSpec.Drift.NONE, 100);

  @Test
  void currentParametersArePublishedEveryNLabelledExamplesAsUpdatesOfTheVersion() throws Exception {
    SeaGenerator sea = new SeaGenerator(3, new long[0], 0.05);
    try (var h = new KeyedOneInputStreamOperatorTestHarness<>(
        new LearnerOperator(CONFIG, 10, 100, LearnerOperator.DEFAULT_LABELS), ModelInput::modelKey, Types.STRING)) {
      h.setStateBackend(new EmbeddedRocksDBStateBackend());
      h.open();
      for (int i = 0; i < 350; i++) {
        double[] x = new double[3];
        double y = sea.next(x);
        h.processElement(ModelInput.of(new InputEvent("e-" + i, "k", i, x, i % 5 == 4 ? Double.NaN : y)), i); // 280 labelled
      }
      List<ModelSnapshot> models = new ArrayList<>();
      for (StreamRecord<ModelSnapshot> r : h.getSideOutput(OutputTags.of(Output.MODELS))) {
        models.add(r.getValue());
      }
      assertThat(models).extracting(ModelSnapshot::getReason).containsExactly("initial", "update", "update");
      assertThat(models).extracting(ModelSnapshot::getVersion).containsOnly(1L);
      assertThat(models).extracting(ModelSnapshot::getExamples).containsExactly(0L, 100L, 200L);
      assertThat(LearnerCodec.decode(models.get(2).getParameters().array()).examplesSeen()).isEqualTo(200);
    }
  }

  /** With {@code models.publish-initial: false} (a keyed job's default) a key's first snapshot is its first update. */
  @Test
  void freshModelsAreNotPublishedWhenToldNot() throws Exception {
    SeaGenerator sea = new SeaGenerator(3, new long[0], 0.05);
    try (var h = new KeyedOneInputStreamOperatorTestHarness<>(
        new LearnerOperator(CONFIG, 2, 100, LearnerOperator.DEFAULT_LABELS).publishingInitial(false), ModelInput::modelKey,
        Types.STRING)) {
      h.setStateBackend(new EmbeddedRocksDBStateBackend());
      h.open();
      for (int i = 0; i < 250; i++) { // keys k0 (every event but each fifth), k1..k4 (one each fifth): cache of 2 evicts
        double[] x = new double[3];
        double y = sea.next(x);
        h.processElement(ModelInput.of(new InputEvent("e-" + i, i % 5 == 4 ? "k" + (1 + i / 5 % 4) : "k0", i, x, y)), i);
      }
      List<ModelSnapshot> models = new ArrayList<>();
      for (StreamRecord<ModelSnapshot> r : h.getSideOutput(OutputTags.of(Output.MODELS))) {
        models.add(r.getValue());
      }
      assertThat(models).extracting(ModelSnapshot::getReason).containsExactly("update", "update");
      assertThat(models).extracting(ModelSnapshot::getModelKey).containsOnly("k0");
      assertThat(models).extracting(ModelSnapshot::getExamples).containsExactly(100L, 200L);
    }
  }
}
