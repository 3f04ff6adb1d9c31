/** Reading Eddy's metrics as Prometheus does: a scrape of Flink's Prometheus reporter. */
package dev.eddy.cli.metrics;
