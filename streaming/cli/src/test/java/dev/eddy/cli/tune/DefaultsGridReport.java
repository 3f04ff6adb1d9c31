package dev.eddy.cli.tune;

import dev.eddy.learners.Task;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Prints the grid behind BENCHMARKS.md's "Defaults against the best, seven streams": every learner at
 * its defaults and at every point of its grid, over one stream, one tab-separated line per run
 * (stream, learner, parameters or {@code DEFAULT}, accuracy or RMSE, seconds). Each run is {@code
 * bin/eddy evaluate}'s loop on the rows held in memory ({@link Replay}, as {@code bin/eddy tune}
 * runs its trials), so a line scores what {@code evaluate --param K=V} prints, in one JVM. The grids
 * are the coarse log-spaced ones, then the refinements around the chosen defaults. Run with
 *
 * <pre>
 * mvn -q -pl streaming/cli test-compile
 * java -cp streaming/cli/target/test-classes:streaming/cli/target/classes:$(cat streaming/cli/target/classpath.txt) \
 *   dev.eddy.cli.tune.DefaultsGridReport NAME FILE LABEL_COLUMN binary|multiclass|regression MAX_ROWS
 * </pre>
 */
public final class DefaultsGridReport {
  private DefaultsGridReport() {}

  private static final String[] C = {"0.001", "0.002", "0.005", "0.01", "0.015", "0.02", "0.03", "0.04",
      "0.05", "0.07", "0.1", "0.2", "0.5", "1", "2", "5", "10", "100"};
  private static final String[] EPSILON = {"0", "0.05", "0.1", "0.2", "0.5", "1"};
  private static final String[] LAMBDA = {"1e-5", "3e-5", "1e-4", "3e-4", "0.0007", "0.001", "0.0015", "0.002",
      "0.0025", "0.003", "0.01", "0.03", "0.1", "0.3", "1"};

  /** The grid of each learner for {@code task}: parameter name to values, crossed. */
  static Map<String, List<Map<String, String[]>>> grids(Task task) {
    Map<String, List<Map<String, String[]>>> g = new LinkedHashMap<>();
    if (task == Task.REGRESSION) {
      g.put("pa", List.of(axes("epsilon", EPSILON)));
      g.put("pa-i", List.of(axes("C", C, "epsilon", EPSILON)));
      g.put("pa-ii", List.of(axes("C", C, "epsilon", EPSILON)));
      return g;
    }
    String[] multiclass = {"one-vs-rest", "multi-vector"};
    g.put("pa", task == Task.MULTICLASS ? List.of(axes("multiclass", multiclass)) : List.of());
    g.put("pa-i", List.of(task == Task.MULTICLASS ? axes("C", C, "multiclass", multiclass) : axes("C", C)));
    g.put("pa-ii", List.of(task == Task.MULTICLASS ? axes("C", C, "multiclass", multiclass) : axes("C", C)));
    g.put("pegasos", List.of(axes("lambda", LAMBDA)));
    g.put("pegasos-avg", List.of(axes("lambda", LAMBDA)));
    g.put("logistic", List.of(axes("learning-rate", values("0.001", "0.003", "0.01", "0.03", "0.04", "0.05", "0.07",
        "0.1", "0.15", "0.2", "0.3", "1", "3"), "schedule", values("constant", "inverse-scaling"))));
    g.put("adagrad", List.of(axes("learning-rate", values("0.001", "0.003", "0.01", "0.03", "0.1", "0.3", "0.7",
        "1", "1.5", "2", "2.5", "3", "4"))));
    g.put("ftrl", List.of(
        axes("alpha", values("0.01", "0.03", "0.05", "0.1", "0.3", "1", "3"), "l1", values("0", "0.1", "1"),
            "l2", values("0", "0.1", "1", "5")),
        axes("alpha", values("1", "2", "3", "5", "10"), "l1", values("0", "1"), "l2", values("2", "5", "10"))));
    g.put("alma", List.of(
        axes("alpha", values("0.05", "0.1", "0.2", "0.3", "0.5", "0.7", "0.9", "1"),
            "C", values("0.1", "0.2", "0.5", "1", String.valueOf(Math.sqrt(2)), "2", "5", "10")),
        axes("alpha", values("0.15", "0.2", "0.25", "0.3"), "C", values("0.5", "0.7", "1", "1.2", "1.5"))));
    g.put("perceptron", List.of(axes("learning-rate", values("0.01", "0.03", "0.1", "0.3", "0.5", "0.7", "0.85",
        "1", "1.2", "1.5", "2", "3", "5", "10"))));
    return g;
  }

  public static void main(String[] args) throws IOException {
    if (args.length != 5) {
      throw new IllegalArgumentException("usage: NAME FILE LABEL_COLUMN binary|multiclass|regression MAX_ROWS");
    }
    Task task = Task.valueOf(args[3].toUpperCase(Locale.ROOT));
    Replay replay = Replay.load(Path.of(args[1]), args[2], task, Long.parseLong(args[4]), 1000, 0);
    String metric = task == Task.REGRESSION ? "rmse" : "accuracy";
    for (var learner : grids(task).entrySet()) {
      List<Map<String, String>> points = new ArrayList<>();
      points.add(Map.of()); // the defaults
      learner.getValue().forEach(grid -> points.addAll(cross(grid)));
      for (Map<String, String> point : points) {
        long start = System.nanoTime();
        Replay.Run run = replay.start(new SearchSpace.Config(learner.getKey(), point, null, null));
        run.advanceTo(replay.size());
        System.out.printf(Locale.ROOT, "%s\t%s\t%s\t%.5f\t%.2f%n", args[0], learner.getKey(),
            point.isEmpty() ? "DEFAULT" : String.join(";", point.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue()).toList()),
            run.metrics().get(metric), (System.nanoTime() - start) / 1e9);
      }
    }
  }

  private static List<Map<String, String>> cross(Map<String, String[]> axes) {
    List<Map<String, String>> out = new ArrayList<>();
    out.add(new LinkedHashMap<>());
    for (var axis : axes.entrySet()) {
      List<Map<String, String>> next = new ArrayList<>();
      for (Map<String, String> partial : out) {
        for (String value : axis.getValue()) {
          Map<String, String> point = new LinkedHashMap<>(partial);
          point.put(axis.getKey(), value);
          next.add(point);
        }
      }
      out = next;
    }
    return out;
  }

  private static Map<String, String[]> axes(Object... namesAndValues) {
    Map<String, String[]> axes = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      axes.put((String) namesAndValues[i], (String[]) namesAndValues[i + 1]);
    }
    return axes;
  }

  private static String[] values(String... values) {
    return values;
  }
}
