package dev.eddy.cli.tune;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dev.eddy.learners.Task;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What {@code bin/eddy tune} writes: the trials as JSON, and the best configuration as a job spec. */
final class TuneOutput {
  private TuneOutput() {}

  /** The configuration's fields, as the JSON and the table name them. */
  static Map<String, Object> describe(SearchSpace.Config c) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("learner", c.learner());
    out.put("params", c.params());
    if (c.detector() != null) {
      out.put("drift", c.detector());
      out.put("retrain", c.policy() == null ? "background" : c.policy());
    }
    return out;
  }

  static void writeJson(Path file, List<Tuner.Trial> trials, Tuner.Trial best, Objective goal, long seed,
      String search, int rows, SearchSpace space) throws IOException {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("objective", goal.option);
    out.put("search", search.equals("bo")
        ? "gaussian process (Matern 5/2, marginal likelihood) + expected improvement after a Sobol design"
        : "uniform random");
    out.put("successiveHalving", "stop below the median at " + java.util.Arrays.toString(Tuner.RUNGS) + " of the rows");
    out.put("seed", seed);
    out.put("rows", rows);
    out.put("searched", space.searchedNames());
    if (best != null) {
      Map<String, Object> b = describe(best.config());
      b.put("trial", best.number());
      b.put("score", best.score());
      out.put("best", b);
    }
    List<Map<String, Object>> list = new ArrayList<>();
    for (Tuner.Trial t : trials) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("trial", t.number());
      m.putAll(describe(t.config()));
      m.put("score", Double.isFinite(t.score()) ? t.score() : null);
      m.put("rows", t.rows());
      m.put("stopped", t.stopped());
      list.add(m);
    }
    out.put("trials", list);
    out.put("bestSoFar", toList(Tuner.bestSoFar(trials, goal)));
    new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), out);
  }

  private static List<Double> toList(double[] values) {
    List<Double> out = new ArrayList<>();
    for (double v : values) {
      out.add(Double.isNaN(v) ? null : v);
    }
    return out;
  }

  /**
   * A job spec running {@code best} on this stream's columns and task: name, Kafka bootstrap,
   * features, task (and classes), learner with its parameters, drift section. The job reads numeric
   * features only: a stream with categorical columns cannot be written as a spec.
   */
  static void writeSpec(Path file, SearchSpace.Config best, Replay replay, String name, String bootstrap)
      throws IOException {
    if (!replay.columns().categorical().isEmpty()) {
      throw new IllegalArgumentException("the job takes numeric features only; categorical columns: "
          + replay.columns().categorical());
    }
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("name", name);
    spec.put("kafka", Map.of("bootstrap", bootstrap));
    spec.put("features", replay.columns().numeric());
    Task task = replay.task();
    spec.put("task", task.name().toLowerCase(java.util.Locale.ROOT));
    if (task == Task.MULTICLASS) {
      spec.put("classes", replay.labels().classes());
    }
    Map<String, Object> learner = new LinkedHashMap<>();
    learner.put("type", best.learner());
    learner.putAll(best.params());
    spec.put("learner", learner);
    if (best.detector() != null) {
      spec.put("drift", Map.of("detector", best.detector(),
          "retrain", best.policy() == null ? "background" : best.policy()));
    }
    new ObjectMapper(new YAMLFactory().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER))
        .writeValue(file.toFile(), spec);
  }
}
