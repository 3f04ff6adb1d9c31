package dev.eddy.gpu.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.flink.api.common.externalresource.ExternalResourceDriver;
import org.apache.flink.api.common.externalresource.ExternalResourceDriverFactory;
import org.apache.flink.api.common.externalresource.ExternalResourceInfo;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.DelegatingConfiguration;
import org.apache.flink.configuration.IllegalConfigurationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The driver against real shell scripts, configured the way Flink configures it. */
class GpuDriverTest {
  @TempDir Path dir;

  /** Writes an executable {@code /bin/sh} script. */
  private Path script(String name, String body) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, "#!/bin/sh\n" + body + "\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    return file;
  }

  /** A driver built as Flink builds it: from the TaskManager's whole configuration. */
  private static ExternalResourceDriver driver(Path script, String args, String timeout) throws Exception {
    Configuration conf = new Configuration();
    conf.setString("external-resource.gpu.param.discovery-script.path", script.toString());
    if (args != null) {
      conf.setString("external-resource.gpu.param.discovery-script.args", args);
    }
    if (timeout != null) {
      conf.setString("external-resource.gpu.param.discovery-script.timeout", timeout);
    }
    return new GpuDriverFactory()
        .createExternalResourceDriver(new DelegatingConfiguration(conf, "external-resource.gpu.param."));
  }

  @Test
  void factoryIsRegisteredForFlinksPluginLoader() {
    assertThat(ServiceLoader.load(ExternalResourceDriverFactory.class))
        .anySatisfy(f -> assertThat(f).isInstanceOf(GpuDriverFactory.class));
  }

  @Test
  void goodScriptGivesGpusWithTheirIndexAndReceivesAmountAndArgs() throws Exception {
    Path seen = dir.resolve("seen");
    Path good = script("good.sh", "echo \"$@\" > " + seen + "\necho ' 3, 1 '");
    Set<? extends ExternalResourceInfo> gpus = driver(good, "--vendor  nvidia", null).retrieveResourceInfo(2);
    assertThat(gpus).extracting(g -> g.getProperty("index").orElseThrow()).containsExactly("3", "1");
    assertThat(gpus.iterator().next().getKeys()).containsExactly("index");
    assertThat(gpus.iterator().next().getProperty("uuid")).isEmpty();
    assertThat(Files.readString(seen).strip()).isEqualTo("2 --vendor nvidia");
  }

  @Test
  void keepsTheFirstAmountIndicesWhenTheScriptFindsMore() throws Exception {
    Set<? extends ExternalResourceInfo> gpus = driver(script("more.sh", "echo 0,1,2"), null, null).retrieveResourceInfo(1);
    assertThat(gpus).extracting(g -> (Object) g).containsExactly(new GpuInfo("0"));
  }

  @Test
  void garbageOutputIsRejectedQuotingIt() throws Exception {
    ExternalResourceDriver garbage = driver(script("garbage.sh", "echo 'GPU-0: Tesla T4'"), null, null);
    assertThatThrownBy(() -> garbage.retrieveResourceInfo(1))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("garbage.sh")
        .hasMessageContaining("'GPU-0: Tesla T4' is not a GPU index")
        .hasMessageContaining("it printed: 'GPU-0: Tesla T4'");
  }

  @Test
  void emptyRepeatedMultiLineAndTooFewAnswersAreRejected() throws Exception {
    assertThatThrownBy(() -> driver(script("empty.sh", "true"), null, null).retrieveResourceInfo(1))
        .hasMessageContaining("it printed nothing");
    assertThatThrownBy(() -> driver(script("twice.sh", "echo 0,0"), null, null).retrieveResourceInfo(1))
        .hasMessageContaining("GPU 0 is listed twice");
    assertThatThrownBy(() -> driver(script("lines.sh", "echo 0; echo 1"), null, null).retrieveResourceInfo(1))
        .hasMessageContaining("more than one line");
    assertThatThrownBy(() -> driver(script("few.sh", "echo 0"), null, null).retrieveResourceInfo(2))
        .hasMessageContaining("it found 1 GPUs but the TaskManager is configured for 2");
    assertThatThrownBy(() -> driver(script("zero.sh", "echo 0"), null, null).retrieveResourceInfo(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("GPU amount must be > 0 but was 0");
  }

  @Test
  void failingScriptReportsItsExitCodeAndStderr() throws Exception {
    ExternalResourceDriver failing = driver(script("fail.sh", "echo 'nvidia-smi: not found' >&2\nexit 3"), null, null);
    assertThatThrownBy(() -> failing.retrieveResourceInfo(1))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("fail.sh exited with code 3")
        .hasMessageContaining("nvidia-smi: not found");
  }

  @Test
  void scriptRunningPastTheTimeoutIsKilledWithItsChildren() throws Exception {
    Path pid = dir.resolve("pid");
    Path slow = script("slow.sh", "sleep 30 &\necho $! > " + pid + "\nwait");
    ExternalResourceDriver driver = driver(slow, null, "300 ms");
    long start = System.nanoTime();
    assertThatThrownBy(() -> driver.retrieveResourceInfo(1))
        .isInstanceOf(TimeoutException.class)
        .hasMessageContaining("slow.sh did not finish within 300 ms");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    ProcessHandle sleeper = ProcessHandle.of(Long.parseLong(Files.readString(pid).strip())).orElse(null);
    if (sleeper != null) {
      sleeper.onExit().get(5, TimeUnit.SECONDS);
    }
  }

  @Test
  void missingOrNonExecutableScriptOrNoPathFailsWhenTheDriverIsCreated() throws Exception {
    Path missing = dir.resolve("nowhere/discover.sh");
    assertThatThrownBy(() -> driver(missing, null, null))
        .isInstanceOf(IllegalConfigurationException.class)
        .hasMessage("GPU discovery script " + missing + " does not exist (discovery-script.path: " + missing + ")");
    Path plain = Files.writeString(dir.resolve("plain.sh"), "echo 0\n");
    assertThatThrownBy(() -> driver(plain, null, null))
        .hasMessage("GPU discovery script " + plain + " is not executable (chmod +x it)");
    assertThatThrownBy(() -> new GpuDriverFactory().createExternalResourceDriver(new Configuration()))
        .isInstanceOf(IllegalConfigurationException.class)
        .hasMessage("external-resource.<name>.param.discovery-script.path is required but not provided");
    assertThatThrownBy(() -> driver(script("ok.sh", "echo 0"), null, "0 s"))
        .hasMessageContaining("discovery-script.timeout must be > 0");
  }

  /** The sample script of flink-conf/, through the driver, against a stand-in for nvidia-smi's output. */
  @Test
  void theShippedDiscoveryScriptPrintsTheFirstAmountGpus() throws Exception {
    Path shipped = Path.of("../../flink-conf/gpu-discovery.sh").toAbsolutePath().normalize();
    Path smi = script("nvidia-smi", "echo 0\necho ' 1'\necho 2");
    assertThat(driver(shipped, "--nvidia-smi " + smi, null).retrieveResourceInfo(2))
        .extracting(g -> g.getProperty("index").orElseThrow()).containsExactly("0", "1");
    assertThatThrownBy(() -> driver(shipped, "--nvidia-smi " + smi, null).retrieveResourceInfo(4))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("found 3 GPU(s) but the TaskManager is configured for 4");
    assertThatThrownBy(() -> driver(shipped, "--nvidia-smi " + dir.resolve("none"), null).retrieveResourceInfo(1))
        .hasMessageContaining("not found: is the NVIDIA driver installed");
  }

  @Test
  void relativeScriptPathIsResolvedAgainstFlinkHome() throws Exception {
    script("home.sh", "echo 5");
    DiscoveryScript relative = DiscoveryScript.of("home.sh", "", Duration.ofSeconds(5), dir.toString());
    assertThat(relative.path()).isEqualTo(dir.resolve("home.sh"));
    assertThat(new GpuDriver(relative).retrieveResourceInfo(1)).containsExactly(new GpuInfo("5"));
  }
}
