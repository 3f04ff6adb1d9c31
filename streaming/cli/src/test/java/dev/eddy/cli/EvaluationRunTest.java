package dev.eddy.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.eddy.core.model.ModelConfig;
import dev.eddy.core.spec.JobSpec;
import dev.eddy.learners.Task;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The prequential loop of evaluate, over the job's model step, against the PA paper's numbers. */
class EvaluationRunTest {
  private static final String[] NONE = new String[0];

  private static EvaluationRun run(String learner, int dimension, Task task, int window) {
    List<String> names = dimension == 1 ? List.of("a") : List.of("a", "b");
    var model = new ModelConfig(learner, Map.of(), names, task, false, JobSpec.Drift.NONE, window).freshModel();
    return new EvaluationRun(model, window, new DriftOptions(), null, 0);
  }

  /**
   * Test-then-train on PA (binary, raw features): x1 = (1,2) y = 1 is predicted by the empty model
   * (score 0, label 0, wrong), then learned (w = (1/6, 2/6), b = 1/6 as in the PA golden test);
   * x2 = (2,−1) is predicted with score 1/6 (label 1, wrong since y = 0), then learned; x3 = (1,1)
   * y = 1 is predicted with the PA golden score 10/36 (right). Accuracy 1/3; the window of 2 closes
   * once, after x2, with accuracy 0.
   */
  @Test
  void predictsBeforeLearningAndRecordsEachWindow() {
    EvaluationRun evaluation = run("pa", 2, Task.BINARY, 2);
    evaluation.step(new double[] {1, 2}, NONE, 1);
    evaluation.step(new double[] {2, -1}, NONE, 0);
    evaluation.step(new double[] {1, 1}, NONE, 1);
    Map<String, Object> json = evaluation.report(0.5, 2).toMap();
    assertThat(json).containsEntry("learner", "pa").containsEntry("task", "binary")
        .containsEntry("instances", 3L).containsEntry("skipped", 2L)
        .containsEntry("instancesPerSecond", 6.0).containsEntry("window", 2)
        .containsEntry("accuracyPerWindow", List.of(0.0))
        .containsKeys("accuracy", "kappa", "precision", "recall", "f1", "windowAccuracy");
    assertThat((Double) json.get("accuracy")).isCloseTo(1.0 / 3, within(1e-12));
    assertThat(evaluation.report(0.5, 2).toText()).contains("pa on 3 instances (2 skipped)").contains("accuracy");
  }

  /**
   * With {@code --delay N}, row i is predicted when read and learned from when row i+N is read: the
   * same predictions as an independent loop over the learner itself (no model step), which keeps the
   * last N rows and learns the oldest after each prediction.
   */
  @Test
  void delayedLabelsMatchAnIndependentLoop() {
    int delay = 7;
    var model = new ModelConfig("pa", Map.of(), List.of("a", "b", "c"), Task.BINARY, false, JobSpec.Drift.NONE, 50).freshModel();
    java.io.StringWriter out = new java.io.StringWriter();
    EvaluationRun evaluation;
    try (java.io.PrintWriter predictions = new java.io.PrintWriter(out)) {
      evaluation = new EvaluationRun(model, 50, new DriftOptions(), predictions, delay);
      var sea = new dev.eddy.core.synthetic.SeaGenerator(13, new long[0], 0.1);
      var reference = dev.eddy.learners.Learners.create("pa", Map.of(), 3, Task.BINARY);
      java.util.ArrayDeque<double[]> waiting = new java.util.ArrayDeque<>();
      List<String> expected = new java.util.ArrayList<>();
      for (int i = 0; i < 300; i++) {
        double[] x = new double[3];
        double y = sea.next(x);
        evaluation.step(x.clone(), NONE, y);
        var p = reference.predict(dev.eddy.learners.FeatureVector.dense(x.clone()));
        expected.add(i + "," + p.score() + "," + p.label() + ",1");
        waiting.add(new double[] {x[0], x[1], x[2], y});
        if (waiting.size() > delay) {
          double[] old = waiting.poll();
          reference.learn(dev.eddy.learners.FeatureVector.dense(new double[] {old[0], old[1], old[2]}), old[3]);
        }
      }
      evaluation.finish();
      predictions.flush();
      assertThat(out.toString().lines().skip(1).toList()).isEqualTo(expected);
    }
    assertThat(model.labelled()).as("the pending labels are learned at the end").isEqualTo(300);
    assertThat(model.champion().examplesSeen()).isEqualTo(300);
  }

  @Test
  void regressionRecordsRmsePerWindow() {
    EvaluationRun evaluation = run("pa-i", 1, Task.REGRESSION, 1);
    evaluation.step(new double[] {1}, NONE, 3);
    assertThat(evaluation.report(1, 0).perWindow()).containsExactly(3.0);
    assertThat(evaluation.report(1, 0).toMap()).containsKeys("mae", "rmse", "rmsePerWindow");
  }
}
