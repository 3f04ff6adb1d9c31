/** Reading Eddy's metrics: as Prometheus does (a scrape of Flink's Prometheus reporter), or in-process ({@link dev.eddy.cli.metrics.MetricsTap}). */
package dev.eddy.cli.metrics;
