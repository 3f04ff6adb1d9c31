package dev.eddy.learners.tensorflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eddy.learners.tensorflow.DeviceSelection.Kind;
import org.junit.jupiter.api.Test;
import org.tensorflow.proto.ConfigProto;

/** Loading the native library once, and the session configuration built for each device. */
class TensorFlowRuntimeTest {

  @Test
  void loadsTheNativeLibraryOnceAndReportsItsVersion() {
    String version = TensorFlowRuntime.version();
    assertThat(version).matches("2\\.\\d+\\.\\d+.*");
    assertThat(TensorFlowRuntime.version()).isSameAs(version);
  }

  @Test
  void aGpuIndexBecomesTheOnlyVisibleDeviceWithGrowthAndSoftPlacement() {
    ConfigProto config = TensorFlowRuntime.sessionConfig(new DeviceSelection(Kind.GPU, 1));
    assertThat(config.getGpuOptions().getVisibleDeviceList()).isEqualTo("1");
    assertThat(config.getGpuOptions().getAllowGrowth()).isTrue();
    assertThat(config.getAllowSoftPlacement()).isTrue();
    assertThat(config.getDeviceCountMap()).doesNotContainKey("GPU");
  }

  @Test
  void autoWithoutAnIndexSeesEveryGpuAndCpuHidesThemAll() {
    ConfigProto auto = TensorFlowRuntime.sessionConfig(DeviceSelection.AUTO);
    assertThat(auto.getGpuOptions().getVisibleDeviceList()).isEmpty();
    assertThat(auto.getGpuOptions().getAllowGrowth()).isTrue();
    ConfigProto cpu = TensorFlowRuntime.sessionConfig(new DeviceSelection(Kind.CPU, -1));
    assertThat(cpu.getDeviceCountMap()).containsEntry("GPU", 0);
    assertThat(cpu.getAllowSoftPlacement()).isTrue();
  }

  @Test
  void findsNoGpuOnThisMachineWhateverIsAsked() {
    assertThat(TensorFlowRuntime.placeOnGpu(new DeviceSelection(Kind.GPU, 0))).isFalse();
    assertThat(TensorFlowRuntime.placeOnGpu(DeviceSelection.AUTO)).isFalse();
    assertThat(TensorFlowRuntime.placeOnGpu(new DeviceSelection(Kind.CPU, -1))).isFalse();
  }
}
