package dev.eddy.job.operator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eddy.core.input.ModelInput;
import dev.eddy.core.synthetic.SeaGenerator;
import dev.eddy.schemas.Prediction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.util.OperatorSnapshotUtil;
import org.junit.jupiter.api.Test;

/**
 * Savepoints of every released version restore (in the style of flink-connector-kafka's migration
 * ITCases). {@code golden/learner-operator-0.1.snapshot} is the learner operator's state on RocksDB,
 * written by release 0.1 (main at 913ebab, before the core/job/cli split) after 600 labelled events of
 * two model keys; {@code learner-operator-0.1.predictions.csv} holds what that release predicted for
 * the next 100 events. Today's operator restores the state and predicts exactly the same; so does the
 * state of model-state format 3 ({@code learner-operator-format-3.*}).
 */
class LearnerOperatorMigrationTest {
  private static final Path GOLDEN = Path.of("src/test/resources/golden");

  @Test
  void release01StateRestoresAndPredictsAsItDid() throws Exception {
    assertRestoresAndPredictsAsItDid("learner-operator-0.1");
  }

  /**
   * The state of model-state format 3 (issue 14: the spec's settings left out), committed the same way:
   * written by this test when absent and asked ({@code -Deddy.writeGolden=true}) from the same 600 events,
   * with the next 100 predictions of the uninterrupted operator.
   */
  @Test
  void format3StateRestoresAndPredictsAsItDid() throws Exception {
    String name = "learner-operator-format-3";
    if (!Files.exists(GOLDEN.resolve(name + ".snapshot")) && Boolean.getBoolean("eddy.writeGolden")) {
      SeaGenerator sea = new SeaGenerator(11, new long[0], 0.05);
      try (var original = LearnerOperatorRestoreTest.harness(100)) {
        original.open();
        for (int i = 0; i < 600; i++) {
          original.processElement(ModelInput.of(LearnerOperatorRestoreTest.event(sea, i % 3 == 0 ? "a" : "b", i, true)), i);
        }
        OperatorSnapshotUtil.writeStateHandle(original.snapshot(1L, 600L), GOLDEN.resolve(name + ".snapshot").toString());
        int before = original.extractOutputValues().size();
        for (int i = 600; i < 700; i++) {
          original.processElement(ModelInput.of(LearnerOperatorRestoreTest.event(sea, i % 3 == 0 ? "a" : "b", i, i % 2 == 0)), 0);
        }
        Files.write(GOLDEN.resolve(name + ".predictions.csv"),
            original.extractOutputValues().subList(before, before + 100).stream().map(LearnerOperatorMigrationTest::line).toList());
      }
    }
    assertRestoresAndPredictsAsItDid(name);
  }

  private static void assertRestoresAndPredictsAsItDid(String name) throws Exception {
    OperatorSubtaskState state = OperatorSnapshotUtil.readStateHandle(GOLDEN.resolve(name + ".snapshot").toString());
    List<String> expected = Files.readAllLines(GOLDEN.resolve(name + ".predictions.csv"));
    SeaGenerator sea = new SeaGenerator(11, new long[0], 0.05);
    for (int i = 0; i < 600; i++) { // the events the snapshot learned from, to reach the same place in the stream
      LearnerOperatorRestoreTest.event(sea, "a", i, true);
    }
    try (var restored = LearnerOperatorRestoreTest.harness(100)) {
      restored.setup();
      restored.initializeState(state);
      restored.open();
      for (int i = 600; i < 700; i++) {
        restored.processElement(ModelInput.of(LearnerOperatorRestoreTest.event(sea, i % 3 == 0 ? "a" : "b", i, i % 2 == 0)), 0);
      }
      List<String> actual = new ArrayList<>();
      for (Prediction p : restored.extractOutputValues()) {
        actual.add(line(p));
      }
      assertThat(actual).as(name).hasSize(100).isEqualTo(expected);
      assertThat(restored.getSideOutput(OutputTags.of(dev.eddy.sinks.Output.MODELS)))
          .as("restored models are not born again").isNullOrEmpty();
    }
  }

  private static String line(Prediction p) {
    return p.getId() + "," + p.getModelKey() + "," + p.getModelVersion() + "," + Double.toHexString(p.getScore())
        + "," + p.getPredictedLabel();
  }
}
