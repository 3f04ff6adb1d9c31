package dev.eddy.cli.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eddy.cli.local.PrometheusEndpoint;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.apache.flink.configuration.GlobalConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The standalone cluster's configuration: flink-conf/'s Prometheus reporter, with a free port per process. */
class ClusterConfigTest {
  static final Path BASE = Path.of("../../flink-conf/config.yaml");

  @Test
  void everyProcessGetsAFreePortOfItsOwnForThePrometheusReporter(@TempDir Path work) throws Exception {
    ClusterConfig config = ClusterConfig.write(ClusterOptions.of(2, 1, BASE, work), FlinkDistribution.at(Path.of("target")),
        6123, 8081);
    var written = GlobalConfiguration.loadConfiguration(work.resolve("conf").toString());
    String prefix = "metrics.reporter." + PrometheusEndpoint.REPORTER + ".";
    assertThat(written.getString(prefix + "factory.class", null)).isEqualTo(PrometheusEndpoint.FACTORY);
    int[] ports = Arrays.stream(written.getString(prefix + "port", "").split(",")).mapToInt(Integer::parseInt).toArray();
    assertThat(ports).hasSize(3).doesNotHaveDuplicates(); // JobManager and two TaskManagers
    for (int port : ports) {
      try (ServerSocket free = new ServerSocket(port)) {
        assertThat(free.getLocalPort()).isEqualTo(port);
      }
    }
    assertThat(config.configuration().getString(prefix + "port", null)).isEqualTo(written.getString(prefix + "port", null));
  }

  @Test
  void aBaseConfigWithoutTheReporterGetsNone(@TempDir Path work) throws Exception {
    Path base = work.resolve("base.yaml");
    Files.writeString(base, "taskmanager:\n  numberOfTaskSlots: 1\n");
    ClusterConfig.write(ClusterOptions.of(1, 1, base, work.resolve("cluster")), FlinkDistribution.at(Path.of("target")), 6123, 8081);
    var written = GlobalConfiguration.loadConfiguration(work.resolve("cluster/conf").toString());
    assertThat(written.keySet()).noneMatch(k -> k.startsWith("metrics.reporter."));
  }
}
