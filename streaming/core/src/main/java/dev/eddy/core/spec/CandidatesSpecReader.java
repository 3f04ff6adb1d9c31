package dev.eddy.core.spec;

import com.fasterxml.jackson.databind.JsonNode;
import dev.eddy.learners.Learners;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads {@code learner.candidates} (a list of learners, each a mapping of {@code type} and its
 * hyperparameters, as {@code learner:} itself) and {@code learner.selection} ({@code window},
 * {@code margin}) into a {@link JobSpec.Selection}. Every candidate is validated as the spec's own
 * learner is, errors naming {@code learner.candidates[i].<param>}.
 */
final class CandidatesSpecReader {
  /** The keys of {@code learner:} that are not hyperparameters of the spec's own learner. */
  static final Set<String> KEYS = Set.of("candidates", "selection");
  /** The most candidates a spec may race, the spec's own learner included. */
  static final int MAX_CANDIDATES = 16;

  private CandidatesSpecReader() {}

  static JobSpec.Selection read(JsonNode learner, int dimension, TaskSpecReader.TaskSpec target) {
    JsonNode list = learner.get("candidates");
    JsonNode selection = learner.get("selection");
    if (list == null || list.isNull()) {
      if (selection != null && !selection.isNull()) {
        throw new JobSpecException("learner.selection", "needs learner.candidates (the learners to select from)");
      }
      return JobSpec.Selection.NONE;
    }
    if (!list.isArray() || list.isEmpty()) {
      throw new JobSpecException("learner.candidates", "must be a non-empty list of learners ({type: ..., <param>: ...}), got " + list);
    }
    if (list.size() + 1 > MAX_CANDIDATES) {
      throw new JobSpecException("learner.candidates", "at most " + (MAX_CANDIDATES - 1)
          + " besides learner.type (each learns from every example), got " + list.size());
    }
    checkPureJava("learner.type", learner.path("type").asText());
    List<JobSpec.Learner> candidates = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      String field = "learner.candidates[" + i + "]";
      JsonNode c = list.get(i);
      if (!c.isObject()) {
        throw new JobSpecException(field, "must be a mapping {type: ..., <param>: ...}, got " + c);
      }
      Map<String, String> given = new LinkedHashMap<>();
      c.fields().forEachRemaining(e -> {
        if (!e.getValue().isValueNode()) {
          throw new JobSpecException(field + "." + e.getKey(), "must be a single value, got " + e.getValue());
        }
        given.put(e.getKey(), e.getValue().asText());
      });
      String type = given.remove("type");
      checkPureJava(field + ".type", type);
      candidates.add(JobSpecReader.checkedLearner(field, type, given, dimension, target));
    }
    return selection(selection, candidates);
  }

  private static JobSpec.Selection selection(JsonNode node, List<JobSpec.Learner> candidates) {
    JobSpec.Selection defaults = JobSpec.Selection.NONE;
    if (node == null || node.isNull()) {
      return new JobSpec.Selection(candidates, defaults.window(), defaults.margin());
    }
    if (!node.isObject()) {
      throw new JobSpecException("learner.selection", "must be a mapping {window: N, margin: M}, got " + node);
    }
    node.fieldNames().forEachRemaining(k -> {
      if (!k.equals("window") && !k.equals("margin")) {
        throw new JobSpecException("learner.selection." + k, "unknown key; allowed here: window, margin");
      }
    });
    String windowText = node.path("window").asText(String.valueOf(defaults.window()));
    int window;
    try {
      window = Integer.parseInt(windowText);
    } catch (NumberFormatException e) {
      window = 0;
    }
    if (window < 10 || window > 100_000) {
      throw new JobSpecException("learner.selection.window", "must be an integer from 10 to 100000 (labelled examples), got " + windowText);
    }
    String marginText = node.path("margin").asText(String.valueOf(defaults.margin()));
    double margin;
    try {
      margin = Double.parseDouble(marginText);
    } catch (NumberFormatException e) {
      margin = Double.NaN;
    }
    if (!(margin >= 0) || Double.isInfinite(margin)) {
      throw new JobSpecException("learner.selection.margin", "must be a finite number >= 0, got " + marginText);
    }
    return new JobSpec.Selection(candidates, window, margin);
  }

  /** TensorFlow learners hold native sessions per model and a device each: they do not race. */
  private static void checkPureJava(String field, String type) {
    if (type != null && type.startsWith("tf-") && Learners.types().contains(type)) {
      throw new JobSpecException(field, "candidates race pure-Java learners only; " + type
          + " (TensorFlow, native sessions on a device) cannot take part in learner.candidates");
    }
  }
}
