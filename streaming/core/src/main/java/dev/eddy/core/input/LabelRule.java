package dev.eddy.core.input;

import dev.eddy.learners.Task;
import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a label may be for the job's task, and the number the learner gets for it: binary, 0, 1 or
 * -1 (as is); multiclass, one of the spec's {@code classes} — given by name, or as a number when the
 * class is written as one ({@code 2} and {@code 2.0} both match a class {@code 2}) — mapped to its
 * index in {@code classes}; regression, any finite number. Events and the labels topic share it, so
 * a label is checked the same way wherever it comes from.
 */
public final class LabelRule implements Serializable {
  private static final long serialVersionUID = 1L;

  private final Task task;
  private final List<String> classes;
  private final Map<String, Integer> byName = new HashMap<>();
  private final Map<Double, Integer> byNumber = new HashMap<>();

  /**
   * @param task the job's task
   * @param classes multiclass: the class names in index order (at least 2, distinct); else empty
   */
  public LabelRule(Task task, List<String> classes) {
    this.task = task;
    this.classes = List.copyOf(classes);
    if ((task == Task.MULTICLASS) != !this.classes.isEmpty()) {
      throw new IllegalArgumentException("classes are given for a multiclass task and only then; task "
          + task + ", classes " + classes);
    }
    for (int k = 0; k < this.classes.size(); k++) {
      String name = this.classes.get(k);
      if (byName.putIfAbsent(name, k) != null) {
        throw new IllegalArgumentException("class '" + name + "' is listed twice in " + classes);
      }
      double number = number(name);
      if (!Double.isNaN(number) && byNumber.putIfAbsent(number, k) != null) {
        throw new IllegalArgumentException("classes '" + this.classes.get(byNumber.get(number)) + "' and '" + name
            + "' are the same number in " + classes);
      }
    }
  }

  /** The rule of a binary task. */
  public static LabelRule binary() {
    return new LabelRule(Task.BINARY, List.of());
  }

  /** The label as a number, or NaN when the text is not a finite number. */
  private static double number(String text) {
    try {
      double value = Double.parseDouble(text.trim());
      return Double.isFinite(value) ? value + 0.0 : Double.NaN; // + 0.0: -0.0 is 0
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }

  public Task task() {
    return task;
  }

  /** Multiclass: the class names by index; else empty. */
  public List<String> classes() {
    return classes;
  }

  /**
   * The learner's label for a label given as a number or as a name (at most one of them non-null).
   *
   * @throws InvalidEventException naming the label and what the task allows
   */
  public double encode(Double number, String name) throws InvalidEventException {
    if (number != null && name != null) {
      throw new InvalidEventException("label given both as a number (" + number + ") and as a name ('" + name + "')");
    }
    if (task == Task.MULTICLASS) {
      Integer k = name != null ? byName.get(name) : byNumber.get(number + 0.0);
      if (k == null && name != null && !Double.isNaN(number(name))) {
        k = byNumber.get(number(name)); // "2.0" names the class written 2
      }
      if (k == null) {
        throw new InvalidEventException("unknown class " + (name != null ? "'" + name + "'" : String.valueOf(number))
            + "; the spec's classes are " + classes);
      }
      return k;
    }
    if (name != null) {
      throw new InvalidEventException("label must be a number for a " + taskName() + " task, got the name '" + name + "'");
    }
    double label = number;
    if (task == Task.BINARY && label != 0.0 && label != 1.0 && label != -1.0) {
      throw new InvalidEventException("label must be 0, 1 or -1 for a binary task, got " + label);
    }
    if (!Double.isFinite(label)) {
      throw new InvalidEventException("label must be a finite number for a regression task, got " + label);
    }
    return label;
  }

  private String taskName() {
    return task.name().toLowerCase(java.util.Locale.ROOT);
  }
}
