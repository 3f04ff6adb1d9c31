package dev.eddy.job.metrics;

import dev.eddy.core.metrics.EddyMetric;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.Histogram;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.runtime.metrics.DescriptiveStatisticsHistogram;

/**
 * Registers {@link EddyMetric}s on Flink's metric groups: the one adapter between Eddy's engine-free
 * metric definitions and Flink's metric system (so any Flink reporter — Prometheus, JMX, … — reports
 * them). A metric with a label is registered in a key/value group ({@code addGroup(label, value)}),
 * which Flink's reporters turn into a label; asking for a label value the definition does not list fails,
 * so cardinality stays bounded.
 */
public final class FlinkMetrics {
  private FlinkMetrics() {}

  /** The counter {@code metric} (which must be a counter without a label). */
  public static Counter counter(MetricGroup group, EddyMetric metric) {
    return in(group, metric, null, EddyMetric.Kind.COUNTER).counter(metric.metricName());
  }

  /** The counter {@code metric} for one value of its label. */
  public static Counter counter(MetricGroup group, EddyMetric metric, String labelValue) {
    return in(group, metric, labelValue, EddyMetric.Kind.COUNTER).counter(metric.metricName());
  }

  /** Registers the gauge {@code metric} (optionally for one value of its label), read by {@code value}. */
  public static <T> void gauge(MetricGroup group, EddyMetric metric, String labelValue, Gauge<T> value) {
    in(group, metric, labelValue, EddyMetric.Kind.GAUGE).gauge(metric.metricName(), value);
  }

  /** The histogram {@code metric}, over the last {@link EddyMetric#HISTOGRAM_WINDOW} values. */
  public static Histogram histogram(MetricGroup group, EddyMetric metric) {
    return in(group, metric, null, EddyMetric.Kind.HISTOGRAM)
        .histogram(metric.metricName(), new DescriptiveStatisticsHistogram(EddyMetric.HISTOGRAM_WINDOW));
  }

  private static MetricGroup in(MetricGroup group, EddyMetric metric, String labelValue, EddyMetric.Kind kind) {
    if (metric.kind() != kind) {
      throw new IllegalArgumentException(metric.metricName() + " is a " + metric.kind() + ", not a " + kind);
    }
    if (metric.label() == null) {
      if (labelValue != null) {
        throw new IllegalArgumentException(metric.metricName() + " has no label, got value '" + labelValue + "'");
      }
      return group;
    }
    if (!metric.labelValues().contains(labelValue)) {
      throw new IllegalArgumentException(metric.metricName() + "'s " + metric.label() + " must be one of "
          + metric.labelValues() + ", got '" + labelValue + "'");
    }
    return group.addGroup(metric.label(), labelValue);
  }
}
