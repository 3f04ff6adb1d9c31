package dev.eddy.drift.retrain;

import dev.eddy.learners.Prediction;
import dev.eddy.learners.Task;

/**
 * The value a concept-drift detector takes for one labelled prediction: the 0/1 error for
 * classification (binary labels compare by sign, as everywhere in Eddy: positive when &gt; 0), the
 * absolute error for regression (use a real-valued detector then).
 */
public final class ConceptError {
  private ConceptError() {}

  /** 1 if the prediction was wrong, else 0; |prediction - label| for regression. */
  public static double of(Task task, Prediction prediction, double label) {
    return switch (task) {
      case BINARY -> (prediction.label() > 0) == (label > 0) ? 0 : 1;
      case MULTICLASS -> prediction.label() == label ? 0 : 1;
      case REGRESSION -> Math.abs(prediction.label() - label);
    };
  }
}
