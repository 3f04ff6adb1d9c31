package dev.eddy.gpu.plugin;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;
import org.apache.flink.api.common.externalresource.ExternalResourceDriver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds a TaskManager's GPUs by running its {@link DiscoveryScript} once, when the TaskManager
 * starts. The script must print one line of comma-separated device indices (e.g. {@code 0} or
 * {@code 0,1}) and may print more than {@code amount}; the first {@code amount} are kept, in the
 * order printed. Fewer than {@code amount}, an index that is not a non-negative integer, a
 * repeated index or an empty answer fail with an exception naming the script and quoting its
 * output: Flink logs it and the TaskManager runs without GPU information.
 */
public final class GpuDriver implements ExternalResourceDriver {
  private static final Logger LOG = LoggerFactory.getLogger(GpuDriver.class);

  private final DiscoveryScript script;

  GpuDriver(DiscoveryScript script) {
    this.script = script;
  }

  @Override
  public Set<GpuInfo> retrieveResourceInfo(long amount) throws Exception {
    if (amount <= 0) {
      throw new IllegalArgumentException("GPU amount must be > 0 but was " + amount);
    }
    String output = script.run(amount);
    if (output.isBlank()) {
      throw invalid(output, "it printed nothing");
    }
    String[] lines = output.strip().split("\\R");
    if (lines.length > 1) {
      throw invalid(output, "more than one line");
    }
    Set<GpuInfo> gpus = new LinkedHashSet<>();
    for (String token : lines[0].split(",", -1)) {
      String index = token.strip();
      if (!index.matches("\\d{1,9}")) {
        throw invalid(output, "'" + index + "' is not a GPU index (a non-negative integer)");
      }
      if (!gpus.add(new GpuInfo(index))) {
        throw invalid(output, "GPU " + index + " is listed twice");
      }
    }
    if (gpus.size() < amount) {
      throw invalid(output, "it found " + gpus.size() + " GPUs but the TaskManager is configured for " + amount);
    }
    Set<GpuInfo> kept = new LinkedHashSet<>();
    for (GpuInfo gpu : gpus) {
      if (kept.size() < amount) {
        kept.add(gpu);
      }
    }
    LOG.info("GPU discovery script {} found {}; this TaskManager offers {}", script, gpus, kept);
    return Collections.unmodifiableSet(kept);
  }

  private IllegalStateException invalid(String output, String problem) {
    return new IllegalStateException(
        "GPU discovery script " + script + " must print one line of comma-separated GPU indices"
            + " such as 0 or 0,1, but " + problem + "; it printed: '" + output.strip() + "'");
  }
}
