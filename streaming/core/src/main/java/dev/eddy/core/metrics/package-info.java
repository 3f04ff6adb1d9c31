/**
 * The job's metrics, defined once and engine-free ({@link dev.eddy.core.metrics.EddyMetric}); the
 * Flink job adapts them to Flink's metric groups, README's table is rendered from them.
 */
package dev.eddy.core.metrics;
