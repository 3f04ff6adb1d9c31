package dev.eddy.gpu.plugin;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.apache.flink.api.common.externalresource.ExternalResourceInfo;

/**
 * One GPU of a TaskManager, as operators see it through {@code
 * getRuntimeContext().getExternalResourceInfos("gpu")}: a single property {@value #INDEX}, the
 * device index printed by the discovery script (the number CUDA and TensorFlow's {@code
 * visible_device_list} use).
 *
 * @param index the device index, a non-negative integer in decimal
 */
public record GpuInfo(String index) implements ExternalResourceInfo {

  /** The name of the property holding the device index. */
  public static final String INDEX = "index";

  /** Checks that the index is a non-negative decimal integer. */
  public GpuInfo {
    if (index == null || !index.matches("\\d{1,9}")) {
      throw new IllegalArgumentException("GPU index must be a non-negative integer but was '" + index + "'");
    }
  }

  @Override
  public Optional<String> getProperty(String key) {
    return INDEX.equals(key) ? Optional.of(index) : Optional.empty();
  }

  @Override
  public Collection<String> getKeys() {
    return List.of(INDEX);
  }

  @Override
  public String toString() {
    return "GPU " + index;
  }
}
