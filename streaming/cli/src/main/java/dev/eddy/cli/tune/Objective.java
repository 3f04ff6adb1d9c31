package dev.eddy.cli.tune;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What {@code bin/eddy tune} optimizes: one of the prequential metrics {@code evaluate} reports, with
 * its direction. The tuner maximizes the utility, the metric or its negative.
 */
enum Objective {
  ACCURACY("accuracy", "accuracy", true),
  KAPPA("kappa", "kappa", true),
  LOG_LOSS("log-loss", "logLoss", false),
  MAE("mae", "mae", false),
  RMSE("rmse", "rmse", false);

  /** The option's values, in order. */
  static final List<String> NAMES = List.of("accuracy", "kappa", "log-loss", "mae", "rmse");

  final String option;
  final String metric;
  final boolean maximize;

  Objective(String option, String metric, boolean maximize) {
    this.option = option;
    this.metric = metric;
    this.maximize = maximize;
  }

  static Objective of(String option) {
    for (Objective o : values()) {
      if (o.option.equals(option.trim().toLowerCase(Locale.ROOT))) {
        return o;
      }
    }
    throw new IllegalArgumentException("must be one of " + String.join(", ", NAMES) + " but was '" + option + "'");
  }

  /** The metric's value in {@code metrics} (NaN when absent, e.g. log loss without probabilities). */
  double value(Map<String, Double> metrics) {
    Double v = metrics.get(metric);
    return v == null ? Double.NaN : v;
  }

  /** The value to maximize: the metric, or minus it. */
  double utility(double value) {
    return maximize ? value : -value;
  }
}
