package dev.eddy.cli.metrics;

import java.util.Properties;
import org.apache.flink.metrics.reporter.MetricReporter;
import org.apache.flink.metrics.reporter.MetricReporterFactory;

/** Flink's entry to {@link MetricsTap} (found through {@code META-INF/services}, as Flink loads reporters). */
public final class MetricsTapFactory implements MetricReporterFactory {
  @Override
  public MetricReporter createMetricReporter(Properties properties) {
    return MetricsTap.reporter(properties.getProperty(MetricsTap.ID));
  }
}
