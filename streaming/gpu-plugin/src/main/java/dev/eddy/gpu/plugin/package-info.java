/**
 * A Flink external resource driver for GPUs, packaged as a Flink plugin ({@code plugins/gpu/}):
 * {@link dev.eddy.gpu.plugin.GpuDriverFactory} is named in a TaskManager's configuration ({@code
 * external-resource.gpu.driver-factory.class}); the {@link dev.eddy.gpu.plugin.GpuDriver} it creates
 * runs the configured discovery script once and reports each GPU as a {@link
 * dev.eddy.gpu.plugin.GpuInfo} with property {@code index}. Depends on flink-core only (provided).
 */
package dev.eddy.gpu.plugin;
