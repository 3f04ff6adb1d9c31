package dev.eddy.learners.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.eddy.learners.FeatureVector;
import dev.eddy.learners.Learners;
import dev.eddy.learners.Prediction;
import dev.eddy.learners.Task;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PrequentialEvaluatorTest {

  /**
   * Test-then-train on PA (binary, dense): x1 = (1,2) y = 1 is predicted by the empty model (score 0,
   * label 0, wrong), then learned (w = (1/6, 2/6), b = 1/6 as in the PA golden test); x2 = (2,−1) is
   * predicted with score 1/6 (label 1, wrong since y = 0), then learned; x3 = (1,1) y = 1 is
   * predicted with the PA golden score 10/36 (right). Accuracy 1/3; window of 2 closes once, after
   * x2, with accuracy 0.
   */
  @Test
  void predictsBeforeLearningAndRecordsEachWindow() {
    PrequentialEvaluator evaluator =
        new PrequentialEvaluator(Learners.create("pa", Map.of(), 2, Task.BINARY), 2);
    Prediction first = evaluator.step(FeatureVector.dense(new double[] {1, 2}), 1);
    Prediction second = evaluator.step(FeatureVector.dense(new double[] {2, -1}), 0);
    Prediction third = evaluator.step(FeatureVector.dense(new double[] {1, 1}), 1);
    assertThat(first.score()).isEqualTo(0.0);
    assertThat(second.score()).isCloseTo(1.0 / 6, within(1e-12));
    assertThat(third.score()).isCloseTo(10.0 / 36, within(1e-12));
    assertThat(evaluator.metrics().accuracy()).isCloseTo(1.0 / 3, within(1e-12));
    assertThat(evaluator.perWindow()).containsExactly(0.0);
    assertThat(evaluator.learner().examplesSeen()).isEqualTo(3);

    Map<String, Object> json = evaluator.report(0.5, 2).toMap();
    assertThat(json).containsEntry("learner", "pa").containsEntry("task", "binary")
        .containsEntry("instances", 3L).containsEntry("skipped", 2L)
        .containsEntry("instancesPerSecond", 6.0).containsEntry("window", 2)
        .containsEntry("accuracyPerWindow", List.of(0.0))
        .containsKeys("accuracy", "kappa", "precision", "recall", "f1", "windowAccuracy");
    assertThat((Double) json.get("accuracy")).isCloseTo(1.0 / 3, within(1e-12));
    assertThat(evaluator.report(0.5, 2).toText()).contains("pa on 3 instances (2 skipped)")
        .contains("accuracy");
  }

  @Test
  void regressionRecordsRmsePerWindow() {
    PrequentialEvaluator evaluator =
        new PrequentialEvaluator(Learners.create("pa-i", Map.of(), 1, Task.REGRESSION), 1);
    evaluator.step(FeatureVector.dense(new double[] {1}), 3);
    assertThat(evaluator.perWindowMetric()).isEqualTo("rmse");
    assertThat(evaluator.perWindow()).containsExactly(3.0);
    assertThat(evaluator.report(1, 0).toMap()).containsKeys("mae", "rmse", "rmsePerWindow");
  }

  /**
   * Dense rows are standardized with the statistics including the row itself: after rows (1, 10)
   * and (3, 10), the second row standardizes to ((3 − 2)/1, 0) — mean 2, variance 1 — and the
   * constant column to 0.
   */
  @Test
  void exampleEncoderStandardizesNumericColumns() {
    ExampleEncoder encoder = new ExampleEncoder(List.of("a", "label", "b"), 1, 0, true);
    assertThat(encoder.dimension()).isEqualTo(2);
    encoder.encode(new String[] {"1", "0", "10"});
    FeatureVector x = encoder.encode(new String[] {"3", "1", " 10 "});
    assertThat(x.toDenseArray()).containsExactly(1.0, 0.0);
    assertThatThrownBy(() -> encoder.encode(new String[] {"abc", "1", "2"}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'a'")
        .hasMessageContaining("'abc'");
    assertThatThrownBy(() -> encoder.encode(new String[] {"1", "2"}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2 cells");
    ExampleEncoder raw = new ExampleEncoder(List.of("a", "label", "b"), 1, 0, false);
    assertThat(raw.encode(new String[] {"1.5", "0", "-2"}).toDenseArray())
        .containsExactly(1.5, -2.0);
  }

  @Test
  void categoricalColumnsNeedHashing() {
    ExampleEncoder dense = new ExampleEncoder(List.of("color", "y"), 1, 0, true);
    assertThatThrownBy(() -> dense.encode(new String[] {"red", "1"}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'color'")
        .hasMessageContaining("hash-bits");
    ExampleEncoder hashed = new ExampleEncoder(List.of("color", "size", "y"), 2, 10, false);
    assertThat(hashed.dimension()).isEqualTo(1024);
    FeatureVector x = hashed.encode(new String[] {"red", "2.5", "1"});
    assertThat(x.size()).isEqualTo(2);
    assertThat(Math.abs(x.toDenseArray()[index("color", "red")])).isEqualTo(1.0);
  }

  private static int index(String name, String category) {
    return dev.eddy.learners.FeatureHasher.murmur3(name, category) & 1023;
  }
}
