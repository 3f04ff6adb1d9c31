package dev.eddy.learners.codec;

import dev.eddy.learners.FeatureVector;
import dev.eddy.learners.Learners;
import dev.eddy.learners.OnlineLearner;
import dev.eddy.learners.Prediction;
import dev.eddy.learners.SyntheticStreams;
import dev.eddy.learners.SyntheticStreams.Example;
import dev.eddy.learners.Task;
import dev.eddy.learners.metrics.PrequentialMetrics;
import dev.eddy.learners.standardize.Standardizer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes the golden snapshots of the current format versions into {@code
 * src/test/resources/golden/} — run once when a format version ships ({@code java -cp
 * target/test-classes:target/classes dev.eddy.learners.codec.GoldenSnapshots src/test/resources/golden}),
 * then commit the files and never regenerate them for that version: {@link GoldenSnapshotTest}
 * checks that every committed file still decodes and predicts as recorded.
 */
public final class GoldenSnapshots {

  /** The learners snapshotted: type, task, hyperparameters. */
  static final List<Object[]> CASES = List.of(
      new Object[] {"pa", Task.BINARY, Map.of()},
      new Object[] {"pa-i", Task.BINARY, Map.of("C", "0.5")},
      new Object[] {"pa-ii", Task.BINARY, Map.of()},
      new Object[] {"pa-i", Task.REGRESSION, Map.of("epsilon", "0.05")},
      new Object[] {"pa", Task.MULTICLASS, Map.of("multiclass", "multi-vector")},
      new Object[] {"pegasos", Task.BINARY, Map.of("lambda", "0.01")},
      new Object[] {"pegasos-avg", Task.MULTICLASS, Map.of("lambda", "0.01")},
      new Object[] {"logistic", Task.BINARY, Map.of("schedule", "inverse-scaling")},
      new Object[] {"adagrad", Task.BINARY, Map.of()},
      new Object[] {"ftrl", Task.MULTICLASS, Map.of("l1", "0.1")},
      new Object[] {"alma", Task.BINARY, Map.of("alpha", "0.8")},
      new Object[] {"perceptron", Task.MULTICLASS, Map.of("learning-rate", "0.5")});

  static final int DIMENSION = 4;

  private GoldenSnapshots() {}

  static String name(Object[] c, int version) {
    return c[0] + "-" + c[1].toString().toLowerCase() + "-v" + version;
  }

  /** Fixed probe inputs, independent of any generator. */
  static List<FeatureVector> probes() {
    return List.of(
        FeatureVector.dense(new double[] {1, 0, 0, 0}),
        FeatureVector.dense(new double[] {0, -2, 0.5, 0}),
        FeatureVector.dense(new double[] {0.3, 0.3, -0.7, 5}),
        FeatureVector.dense(new double[] {4, 0, 1, -1}));
  }

  /** One line per probe: score, label and probability as exact Java double literals. */
  static List<String> expectations(OnlineLearner learner) {
    List<String> lines = new ArrayList<>();
    for (FeatureVector x : probes()) {
      Prediction p = learner.predict(x);
      lines.add(p.score() + " " + p.label() + " " + p.probability());
    }
    return lines;
  }

  @SuppressWarnings("unchecked")
  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args[0]);
    Files.createDirectories(dir);
    for (Object[] c : CASES) {
      Task task = (Task) c[1];
      OnlineLearner learner =
          Learners.create((String) c[0], (Map<String, String>) c[2], DIMENSION, task);
      for (Example e : SyntheticStreams.dense(99, 300, DIMENSION, task, 3)) {
        learner.learn(e.x(), e.label());
      }
      String name = name(c, LearnerCodec.VERSION);
      Files.write(dir.resolve(name + ".bin"), LearnerCodec.encode(learner));
      Files.write(dir.resolve(name + ".expected"), expectations(learner));
    }
    Standardizer standardizer = new Standardizer(3, 20);
    for (Example e : SyntheticStreams.dense(98, 50, 3, Task.BINARY, 1)) {
      standardizer.update(e.x().toDenseArray());
    }
    Files.write(dir.resolve("standardizer-v1.bin"), standardizer.toBytes());
    Files.write(dir.resolve("standardizer-v1.expected"), List.of(
        standardizer.count() + " " + standardizer.mean(0) + " " + standardizer.variance(2)));
    // metrics-v1.bin (binary, format 1) was written by this method before format 2; it is kept as is
    for (Task task : METRICS_TASKS) {
      PrequentialMetrics metrics = metrics(task);
      String name = "metrics-" + task.name().toLowerCase(java.util.Locale.ROOT) + "-v" + PrequentialMetrics.VERSION;
      Files.write(dir.resolve(name + ".bin"), metrics.toBytes());
      Files.write(dir.resolve(name + ".expected"), metricLines(metrics));
    }
  }

  /** The tasks of the format-2 metrics snapshots. */
  static final List<Task> METRICS_TASKS = List.of(Task.MULTICLASS, Task.REGRESSION);

  /** Metrics of a seeded stream of 50 pairs over a window of 4; multiclass with class probabilities. */
  static PrequentialMetrics metrics(Task task) {
    PrequentialMetrics metrics = new PrequentialMetrics(task, 4);
    for (Example e : SyntheticStreams.dense(98, 50, 3, task, 3)) {
      double s = e.x().value(0);
      if (task == Task.REGRESSION) {
        metrics.record(new Prediction(s, s, Double.NaN), e.label());
      } else {
        double[] scores = {s, e.x().value(2), e.x().value(1)}; // two classes swapped: not all right
        double[] p = new double[3];
        double sum = 0;
        for (int k = 0; k < 3; k++) {
          p[k] = Math.exp(scores[k]);
          sum += p[k];
        }
        int best = 0;
        for (int k = 0; k < 3; k++) {
          p[k] /= sum;
          best = scores[k] > scores[best] ? k : best;
        }
        metrics.record(new Prediction(scores[best], best, Double.NaN, scores, p), e.label());
      }
    }
    return metrics;
  }

  /** "name value" per metric. */
  static List<String> metricLines(PrequentialMetrics metrics) {
    List<String> lines = new ArrayList<>();
    metrics.toMap().forEach((name, value) -> lines.add(name + " " + value));
    return lines;
  }
}
