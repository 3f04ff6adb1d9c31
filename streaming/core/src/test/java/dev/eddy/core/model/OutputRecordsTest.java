package dev.eddy.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eddy.core.spec.JobSpec;
import dev.eddy.learners.FeatureVector;
import dev.eddy.learners.Prediction;
import dev.eddy.learners.Task;
import dev.eddy.schemas.codec.Topics;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The prediction record of each task. */
class OutputRecordsTest {
  private static final FeatureVector X = FeatureVector.dense(new double[] {1});

  private static ModelConfig config(String learner, Task task, List<String> classes) {
    return new ModelConfig(learner, Map.of(), List.of("x"), List.of(), task, classes, false, JobSpec.Drift.NONE, 10);
  }

  private static dev.eddy.schemas.Prediction record(ModelConfig config, Prediction p, Double label) throws IOException {
    var record = OutputRecords.prediction("e-1", "global", config, new Scored(p, X, 2, false, List.of()), label, 5, 6);
    return Topics.PREDICTION.decode(Topics.PREDICTION.encode(record));
  }

  @Test
  void binaryAsBefore() throws IOException {
    var r = record(config("logistic", Task.BINARY, List.of()), new Prediction(0.4, 1, 0.6), 0.0);
    assertThat(r.getTask()).isEqualTo("binary");
    assertThat(r.getScore()).isEqualTo(0.4);
    assertThat(r.getPredictedLabel()).isEqualTo(1.0);
    assertThat(r.getProbability()).isEqualTo(0.6);
    assertThat(r.getLabel()).isEqualTo(0.0);
    assertThat(r.getPredictedClass()).isNull();
    assertThat(r.getClassScores()).isNull();
    assertThat(r.getPredictedValue()).isNull();
  }

  @Test
  void multiclassNamesThePredictedAndTrueClassAndGivesEveryClasssScoreAndProbability() throws IOException {
    ModelConfig iris = config("logistic", Task.MULTICLASS, List.of("setosa", "versicolor", "virginica"));
    var r = record(iris, new Prediction(2, 1, Double.NaN, new double[] {0.5, 2, -1}, new double[] {0.3, 0.6, 0.1}), 2.0);
    assertThat(r.getTask()).isEqualTo("multiclass");
    assertThat(r.getPredictedLabel()).isEqualTo(1.0);
    assertThat(r.getPredictedClass()).isEqualTo("versicolor");
    assertThat(r.getLabel()).isEqualTo(2.0);
    assertThat(r.getLabelClass()).isEqualTo("virginica");
    assertThat(r.getClassScores()).isEqualTo(Map.of("setosa", 0.5, "versicolor", 2.0, "virginica", -1.0));
    assertThat(r.getClassProbabilities()).isEqualTo(Map.of("setosa", 0.3, "versicolor", 0.6, "virginica", 0.1));
    assertThat(r.getProbability()).isNull();
    var unlabelled = record(iris, new Prediction(2, 0, Double.NaN, new double[] {2, 1, 0}, null), null);
    assertThat(unlabelled.getLabelClass()).isNull();
    assertThat(unlabelled.getClassProbabilities()).as("a learner without probabilities").isNull();
  }

  @Test
  void regressionGivesThePredictedValue() throws IOException {
    var r = record(config("pa-i", Task.REGRESSION, List.of()), new Prediction(41.5, 41.5, Double.NaN), 40.0);
    assertThat(r.getTask()).isEqualTo("regression");
    assertThat(r.getPredictedValue()).isEqualTo(41.5);
    assertThat(r.getLabel()).isEqualTo(40.0);
    assertThat(r.getProbability()).isNull();
    assertThat(r.getPredictedClass()).isNull();
  }
}
