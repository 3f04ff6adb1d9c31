package dev.eddy.learners.eval;

import dev.eddy.learners.Task;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.DoubleStream;

/**
 * The outcome of a prequential evaluation, in the shape {@code bin/eddy evaluate --json} writes.
 *
 * @param learner the learner type
 * @param hyperparameters its effective hyperparameters
 * @param task the task evaluated
 * @param instances examples evaluated
 * @param skipped rows that could not be turned into examples
 * @param seconds wall-clock seconds of the run
 * @param metrics the final metrics by name (see {@link
 *     dev.eddy.learners.metrics.PrequentialMetrics#toMap()})
 * @param window N of the windowed metrics
 * @param perWindowMetric {@code accuracy}, or {@code rmse} for regression
 * @param perWindow that metric over each complete block of N examples
 */
public record EvaluationReport(
    String learner,
    Map<String, String> hyperparameters,
    Task task,
    long instances,
    long skipped,
    double seconds,
    Map<String, Double> metrics,
    int window,
    String perWindowMetric,
    double[] perWindow) {

  /** Copies the maps and the curve, so that the report is immutable. */
  public EvaluationReport {
    perWindow = perWindow.clone();
    metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
    hyperparameters = Collections.unmodifiableMap(new TreeMap<>(hyperparameters));
  }

  /** The metric of each complete window (a copy). */
  @Override
  public double[] perWindow() {
    return perWindow.clone();
  }

  /** Examples per wall-clock second. */
  public double instancesPerSecond() {
    return seconds > 0 ? instances / seconds : 0.0;
  }

  /**
   * The JSON document's fields in order: {@code learner}, {@code hyperparameters}, {@code task},
   * {@code instances}, {@code skipped}, {@code seconds}, {@code instancesPerSecond}, every metric by
   * name (accuracy as a fraction), {@code window}, and {@code accuracyPerWindow} (or {@code
   * rmsePerWindow}).
   */
  public Map<String, Object> toMap() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("learner", learner);
    map.put("hyperparameters", hyperparameters);
    map.put("task", task.name().toLowerCase(Locale.ROOT));
    map.put("instances", instances);
    map.put("skipped", skipped);
    map.put("seconds", seconds);
    map.put("instancesPerSecond", instancesPerSecond());
    map.putAll(metrics);
    map.put("window", window);
    List<Double> curve = DoubleStream.of(perWindow).boxed().collect(Collectors.toList());
    map.put(perWindowMetric + "PerWindow", curve);
    return map;
  }

  /** One line per metric, for the terminal. */
  public String toText() {
    StringBuilder text = new StringBuilder();
    text.append(String.format(Locale.ROOT, "%s on %d instances (%d skipped) in %.2f s, %.0f/s%n",
        learner, instances, skipped, seconds, instancesPerSecond()));
    metrics.forEach((name, value) ->
        text.append(String.format(Locale.ROOT, "  %-16s %.6f%n", name, value)));
    return text.toString();
  }
}
