package dev.eddy.core.metrics;

import dev.eddy.learners.Task;
import dev.eddy.learners.metrics.MetricTotals;
import java.util.List;

/**
 * The prequential measures reported as {@link EddyMetric#QUALITY} and {@link EddyMetric#QUALITY_WINDOW}:
 * accuracy and Cohen's kappa for classification, MAE and RMSE for regression (the pair per
 * task); the values are {@link MetricTotals}' own, so they equal the models topic's metrics.
 */
public final class Quality {
  /** Every measure, of any task. */
  public static final List<String> MEASURES = List.of("accuracy", "kappa", "mae", "rmse");

  private Quality() {}

  /** The measures of {@code task}. */
  public static List<String> measures(Task task) {
    return task == Task.REGRESSION ? List.of("mae", "rmse") : List.of("accuracy", "kappa");
  }

  /** The value of {@code measure} in {@code totals}. */
  public static double value(MetricTotals totals, String measure) {
    return switch (measure) {
      case "accuracy" -> totals.accuracy();
      case "kappa" -> totals.kappa();
      case "mae" -> totals.mae();
      case "rmse" -> totals.rmse();
      default -> throw new IllegalArgumentException("unknown quality measure '" + measure + "'; allowed: " + MEASURES);
    };
  }
}
