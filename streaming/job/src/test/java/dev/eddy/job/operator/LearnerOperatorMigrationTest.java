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
 * the next 100 events. Today's operator restores the state and predicts exactly the same.
 */
class LearnerOperatorMigrationTest {
  private static final Path GOLDEN = Path.of("src/test/resources/golden");

  @Test
  void release01StateRestoresAndPredictsAsItDid() throws Exception {
    OperatorSubtaskState state = OperatorSnapshotUtil.readStateHandle(
        GOLDEN.resolve("learner-operator-0.1.snapshot").toString());
    List<String> expected = Files.readAllLines(GOLDEN.resolve("learner-operator-0.1.predictions.csv"));
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
        actual.add(p.getId() + "," + p.getModelKey() + "," + p.getModelVersion() + "," + Double.toHexString(p.getScore())
            + "," + p.getPredictedLabel());
      }
      assertThat(actual).hasSize(100).isEqualTo(expected);
      assertThat(restored.getSideOutput(OutputTags.of(dev.eddy.sinks.Output.MODELS)))
          .as("restored models are not born again").isNullOrEmpty();
    }
  }
}
