package dev.eddy.cli.report;

import dev.eddy.schemas.Label;
import dev.eddy.schemas.Prediction;

/**
 * Scores a committed prediction against its true label, as the job's prequential metrics do: binary,
 * right when both are positive or both are not; multiclass, the same class (by name, or by index for
 * classes written as numbers); regression, the absolute error.
 */
final class Outcomes {
  private Outcomes() {}

  /**
   * 0 (right) or 1 (wrong) for classification, the absolute error for regression, NaN when the label is
   * unknown.
   *
   * @param later the label from the labels topic when the prediction carries none, or null
   */
  static double error(Prediction p, Label later) {
    String task = p.getTask() == null ? "binary" : p.getTask();
    if (p.getLabelClass() != null) {
      return p.getLabelClass().equals(p.getPredictedClass()) ? 0 : 1;
    }
    Double label = p.getLabel();
    if (label == null && later != null) {
      if (later.getLabelName() != null) {
        return later.getLabelName().equals(p.getPredictedClass()) ? 0 : 1;
      }
      label = later.getLabel();
    }
    if (label == null) {
      return Double.NaN;
    }
    return switch (task) {
      case "regression" -> Math.abs((p.getPredictedValue() != null ? p.getPredictedValue() : p.getPredictedLabel()) - label);
      case "multiclass" -> label == p.getPredictedLabel() ? 0 : 1;
      default -> (label > 0) == (p.getPredictedLabel() > 0) ? 0 : 1;
    };
  }
}
