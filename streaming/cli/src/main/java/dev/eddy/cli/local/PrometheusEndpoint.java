package dev.eddy.cli.local;

import org.apache.flink.configuration.Configuration;

/**
 * Flink's Prometheus reporter for a local run ({@code bin/eddy run --metrics-port}, {@code demo
 * --metrics-port}, the benchmark): the same reporter, factory and name as {@code flink-conf/config.yaml}
 * configures on a cluster, serving {@code http://127.0.0.1:PORT/metrics} while the job runs.
 */
public final class PrometheusEndpoint {
  /** The reporter's name in Flink's configuration ({@code metrics.reporter.prom.*}), as in flink-conf/. */
  public static final String REPORTER = "prom";
  /** Flink's Prometheus reporter factory. */
  public static final String FACTORY = "org.apache.flink.metrics.prometheus.PrometheusReporterFactory";

  private PrometheusEndpoint() {}

  /** The settings that start the reporter on {@code port} (1-65535). */
  public static Configuration on(int port) {
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("--metrics-port must be in 1-65535, got " + port);
    }
    Configuration c = new Configuration();
    c.setString("metrics.reporter." + REPORTER + ".factory.class", FACTORY);
    c.setString("metrics.reporter." + REPORTER + ".port", String.valueOf(port));
    return c;
  }
}
