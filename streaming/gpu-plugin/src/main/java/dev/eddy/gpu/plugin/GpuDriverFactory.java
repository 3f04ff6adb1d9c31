package dev.eddy.gpu.plugin;

import static org.apache.flink.configuration.ConfigOptions.key;

import java.time.Duration;
import org.apache.flink.api.common.externalresource.ExternalResourceDriver;
import org.apache.flink.api.common.externalresource.ExternalResourceDriverFactory;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.IllegalConfigurationException;

/**
 * Flink's entry point into this plugin ({@code external-resource.gpu.driver-factory.class:
 * dev.eddy.gpu.plugin.GpuDriverFactory}), found by Flink's plugin manager through {@code
 * META-INF/services} in {@code plugins/gpu/}. Flink passes only the resource's parameters, the keys
 * under {@code external-resource.<name>.param.}:
 *
 * <ul>
 *   <li>{@code discovery-script.path} (required): the script; a relative path is resolved against
 *       {@code $FLINK_HOME} (else the working directory);
 *   <li>{@code discovery-script.args}: extra arguments, split on whitespace;
 *   <li>{@code discovery-script.timeout}: how long the script may run (default 10 s).
 * </ul>
 *
 * A missing or non-executable script fails here, when the TaskManager starts; Flink then logs the
 * error and runs the TaskManager without GPU information.
 */
public final class GpuDriverFactory implements ExternalResourceDriverFactory {

  /** The discovery script. */
  public static final ConfigOption<String> SCRIPT_PATH =
      key("discovery-script.path")
          .stringType()
          .noDefaultValue()
          .withDescription("The GPU discovery script, called as: script <amount> <args>.");

  /** Extra arguments of the discovery script. */
  public static final ConfigOption<String> SCRIPT_ARGS =
      key("discovery-script.args")
          .stringType()
          .defaultValue("")
          .withDescription("Arguments passed to the discovery script after the amount.");

  /** How long the discovery script may run before it is killed. */
  public static final ConfigOption<Duration> SCRIPT_TIMEOUT =
      key("discovery-script.timeout")
          .durationType()
          .defaultValue(Duration.ofSeconds(10))
          .withDescription("How long the discovery script may run before it is killed.");

  @Override
  public ExternalResourceDriver createExternalResourceDriver(Configuration config) {
    String path = config.get(SCRIPT_PATH);
    if (path == null || path.isBlank()) {
      throw new IllegalConfigurationException(
          "external-resource.<name>.param." + SCRIPT_PATH.key() + " is required but not provided");
    }
    Duration timeout = config.get(SCRIPT_TIMEOUT);
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalConfigurationException(
          "external-resource.<name>.param." + SCRIPT_TIMEOUT.key() + " must be > 0 but was " + timeout);
    }
    return new GpuDriver(
        DiscoveryScript.of(path, config.get(SCRIPT_ARGS), timeout, System.getenv("FLINK_HOME")));
  }
}
