package dev.eddy.core.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.eddy.core.input.LabelRule;
import dev.eddy.learners.Learners;
import dev.eddy.learners.Task;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads a spec's {@code task} and {@code classes}, and checks that the learner does the task:
 *
 * <pre>{@code
 * task: multiclass                       # binary (default) | multiclass | regression
 * classes: [setosa, versicolor, virginica]   # multiclass only, required: the allowed labels, names or numbers
 * }</pre>
 */
final class TaskSpecReader {
  private TaskSpecReader() {}

  /** The task and its classes (empty unless multiclass). */
  record TaskSpec(Task task, List<String> classes) {}

  static TaskSpec read(ObjectNode spec) {
    Task task = task(spec.get("task"));
    JsonNode c = spec.get("classes");
    if (task != Task.MULTICLASS) {
      if (c != null && !c.isNull()) {
        throw new JobSpecException("classes", "only for task multiclass; the task is " + name(task));
      }
      return new TaskSpec(task, List.of());
    }
    if (c == null || !c.isArray() || c.size() < 2) {
      throw new JobSpecException("classes", "required for task multiclass: a list of at least 2 labels (names or numbers), got "
          + (c == null ? "nothing" : c.toString()));
    }
    List<String> classes = new ArrayList<>();
    for (JsonNode n : c) {
      if (!n.isValueNode() || n.isNull() || n.isBoolean() || n.asText().isBlank()) {
        throw new JobSpecException("classes", "each class must be a name or a number, got " + n);
      }
      classes.add(n.asText());
    }
    try {
      new LabelRule(task, classes); // refuses duplicates, also as numbers (1 and 1.0)
    } catch (IllegalArgumentException e) {
      throw new JobSpecException("classes", e.getMessage());
    }
    return new TaskSpec(task, List.copyOf(classes));
  }

  private static Task task(JsonNode n) {
    if (n == null || n.isNull()) {
      return Task.BINARY;
    }
    String text = n.asText();
    for (Task t : Task.values()) {
      if (name(t).equals(text)) {
        return t;
      }
    }
    throw new JobSpecException("task", "allowed: binary, multiclass, regression; got " + (n.isValueNode() ? text : n));
  }

  /**
   * Fails at {@code learner.type} when the learner does not do the task, naming both, the tasks the
   * learner does and the learners that do the task.
   */
  static void checkLearner(String type, Task task) {
    Set<Task> tasks = Learners.tasks(type);
    if (!tasks.contains(task)) {
      Set<String> doing = new TreeSet<>();
      for (String other : Learners.types()) {
        if (Learners.tasks(other).contains(task)) {
          doing.add(other);
        }
      }
      List<String> names = tasks.stream().map(TaskSpecReader::name).sorted().toList();
      throw new JobSpecException("learner.type", "learner " + type + " does not do task " + name(task)
          + " (it does " + names + "); learners for " + name(task) + ": " + doing);
    }
  }

  static String name(Task task) {
    return task.name().toLowerCase(Locale.ROOT);
  }
}
