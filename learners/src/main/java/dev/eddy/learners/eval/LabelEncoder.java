package dev.eddy.learners.eval;

import dev.eddy.learners.Task;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the label strings of a table into the double labels of {@link Task}: binary {@code 0/1} or
 * {@code -1/+1} as numbers, class names as class indices (in sorted order, numerically when all
 * names are numbers), regression targets as numbers.
 *
 * <p>{@link #forLabels} picks the task when none is requested: binary when every label is 0, 1 or
 * -1 (written in any number format, e.g. {@code +1} or {@code 1.0}), otherwise multiclass; regression
 * is only ever requested.
 */
public final class LabelEncoder {
  private final Task task;
  private final List<String> classes;
  private final Map<String, Integer> index;

  private LabelEncoder(Task task, List<String> classes) {
    this.task = task;
    this.classes = Collections.unmodifiableList(classes);
    this.index = new HashMap<>();
    for (int k = 0; k < classes.size(); k++) {
      index.put(classes.get(k), k);
    }
  }

  /**
   * An encoder for a table whose label column holds {@code distinct} values.
   *
   * @param requested the task, or null to infer binary or multiclass
   * @throws IllegalArgumentException when the labels do not fit the requested task (naming a value)
   */
  public static LabelEncoder forLabels(Task requested, Collection<String> distinct) {
    if (requested == Task.REGRESSION) {
      return new LabelEncoder(Task.REGRESSION, List.of());
    }
    boolean numericBinary = true;
    for (String label : distinct) {
      double value = number(label);
      numericBinary &= value == 0 || value == 1 || value == -1;
    }
    if (numericBinary && requested != Task.MULTICLASS) {
      return new LabelEncoder(Task.BINARY, List.of());
    }
    List<String> classes = sortedClasses(distinct);
    if (requested == Task.BINARY && classes.size() > 2) {
      throw new IllegalArgumentException(
          "binary labels must be 0/1, -1/+1 or two class names, but there are " + classes.size()
              + " distinct labels, e.g. " + classes.subList(0, 3));
    }
    return new LabelEncoder(requested == null ? Task.MULTICLASS : requested, classes);
  }

  private static List<String> sortedClasses(Collection<String> distinct) {
    List<String> classes = new ArrayList<>();
    boolean numeric = true;
    for (String label : distinct) {
      String trimmed = label.trim();
      if (!classes.contains(trimmed)) {
        classes.add(trimmed);
        numeric &= !Double.isNaN(number(trimmed));
      }
    }
    classes.sort(numeric
        ? Comparator.comparingDouble(LabelEncoder::number)
        : Comparator.<String>naturalOrder());
    return classes;
  }

  /** The label as a number, or NaN when it is not a finite number. */
  private static double number(String label) {
    try {
      double value = Double.parseDouble(label.trim());
      return Double.isFinite(value) ? value : Double.NaN;
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }

  /** The task the labels encode. */
  public Task task() {
    return task;
  }

  /** Class names by index (empty unless the labels are names). */
  public List<String> classes() {
    return classes;
  }

  /** The label as {@link Task} expects it; {@link IllegalArgumentException} naming an unknown one. */
  public double encode(String label) {
    if (!classes.isEmpty()) {
      Integer k = index.get(label.trim());
      if (k == null) {
        throw new IllegalArgumentException("unknown label '" + label + "'; classes: " + classes);
      }
      return k;
    }
    double value = number(label);
    if (Double.isNaN(value)) {
      throw new IllegalArgumentException("label '" + label + "' is not a finite number");
    }
    if (task == Task.BINARY && value != 0 && value != 1 && value != -1) {
      throw new IllegalArgumentException("binary label '" + label + "' is not 0, 1 or -1");
    }
    return value;
  }
}
