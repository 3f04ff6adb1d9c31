package dev.eddy.cli.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The monitoring deployment files, checked for structure (no Docker engine runs here): the compose file
 * runs Kafka, a JobManager, a TaskManager, Prometheus and Grafana with files that exist; Prometheus scrapes
 * the Flink processes on the reporter's port and loads the alert rules; Grafana gets the datasource the
 * dashboard names; the dashboard's panels and annotations query only metrics that exist.
 */
class MonitoringFilesTest {
  static final Path REPO = ExternalTool.REPO;
  static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  @Test
  void composeRunsTheWholeStackFromFilesThatExist() throws Exception {
    JsonNode services = YAML.readTree(REPO.resolve("docker/compose.yaml").toFile()).path("services");
    Set<String> names = new TreeSet<>();
    services.fieldNames().forEachRemaining(names::add);
    assertThat(names).containsExactlyInAnyOrder("kafka", "jobmanager", "taskmanager", "prometheus", "grafana");
    for (String service : names) {
      JsonNode s = services.path(service);
      assertThat(s.path("image").asText()).as("%s's image", service).isNotBlank();
      s.path("depends_on").forEach(d -> assertThat(names).as("%s depends on", service).contains(d.asText()));
      for (JsonNode volume : s.path("volumes")) {
        Path host = REPO.resolve("docker").resolve(volume.asText().split(":")[0]).normalize();
        assertThat(host).as("%s mounts", service).exists();
      }
    }
    assertThat(REPO.resolve("docker").resolve(services.path("jobmanager").path("build").path("context").asText())
        .resolve(services.path("jobmanager").path("build").path("dockerfile").asText())).exists();
    assertThat(services.path("jobmanager").path("command").asText()).isEqualTo("jobmanager");
    assertThat(services.path("taskmanager").path("command").asText()).isEqualTo("taskmanager");
    assertThat(services.path("kafka").path("environment").path("KAFKA_TRANSACTION_STATE_LOG_MIN_ISR").asInt()).isEqualTo(1);
    assertThat(mounted(services.path("grafana"), "/var/lib/grafana/dashboards/eddy-dashboard.json"))
        .isEqualTo("../flink-conf/grafana/eddy-dashboard.json");
    assertThat(mounted(services.path("prometheus"), "/etc/prometheus/alerts.yaml"))
        .isEqualTo("../flink-conf/prometheus/alerts.yaml");
  }

  private static String mounted(JsonNode service, String target) {
    for (JsonNode v : service.path("volumes")) {
      String[] parts = v.asText().split(":");
      if (parts[1].equals(target)) {
        return parts[0];
      }
    }
    throw new AssertionError("nothing mounted at " + target);
  }

  @Test
  void prometheusScrapesEveryFlinkProcessOnTheReportersPort() throws Exception {
    JsonNode prometheus = YAML.readTree(REPO.resolve("docker/prometheus.yml").toFile());
    JsonNode conf = YAML.readTree(REPO.resolve("flink-conf/config.yaml").toFile());
    JsonNode reporter = conf.path("metrics").path("reporter").path(dev.eddy.cli.local.PrometheusEndpoint.REPORTER);
    assertThat(reporter.path("factory").path("class").asText()).isEqualTo(dev.eddy.cli.local.PrometheusEndpoint.FACTORY);
    String firstPort = reporter.path("port").asText().split("-")[0];
    List<String> targets = new ArrayList<>();
    prometheus.path("scrape_configs").forEach(j -> j.path("static_configs")
        .forEach(c -> c.path("targets").forEach(t -> targets.add(t.asText()))));
    assertThat(targets).containsExactlyInAnyOrder("jobmanager:" + firstPort, "taskmanager:" + firstPort);
    assertThat(prometheus.path("rule_files").get(0).asText()).isEqualTo("/etc/prometheus/alerts.yaml");
  }

  @Test
  void theDashboardQueriesOnlyMetricsThatExistThroughTheProvisionedDatasource() throws Exception {
    JsonNode dashboard = new ObjectMapper().readTree(REPO.resolve("flink-conf/grafana/eddy-dashboard.json").toFile());
    String uid = YAML.readTree(REPO.resolve("flink-conf/grafana/provisioning/datasources/prometheus.yaml").toFile())
        .path("datasources").get(0).path("uid").asText();
    assertThat(dashboard.path("uid").asText()).isEqualTo("eddy");
    List<String> titles = new ArrayList<>();
    StringBuilder queries = new StringBuilder();
    for (JsonNode panel : dashboard.path("panels")) {
      titles.add(panel.path("title").asText());
      assertThat(panel.path("datasource").path("uid").asText()).isEqualTo(uid);
      assertThat(panel.path("targets")).as(panel.path("title").asText()).isNotEmpty();
      JsonNode grid = panel.path("gridPos");
      assertThat(grid.path("w").asInt()).isBetween(1, 24);
      assertThat(grid.path("x").asInt() + grid.path("w").asInt()).isLessThanOrEqualTo(24);
      panel.path("targets").forEach(t -> queries.append(t.path("expr").asText()).append('\n'));
    }
    assertThat(titles).contains("Prequential quality (window of 1000)", "Throughput",
        "Prediction latency (event time to prediction)", "Label delay", "Dead letters by reason");
    List<String> annotations = new ArrayList<>();
    dashboard.path("annotations").path("list").forEach(a -> {
      annotations.add(a.path("name").asText());
      queries.append(a.path("expr").asText()).append('\n');
    });
    assertThat(annotations).containsExactly("Drifts", "Model versions");
    assertThat(AlertRulesTest.unknownMetrics(queries.toString())).isEmpty();
    assertThat(dashboard.path("templating").path("list").get(0).path("name").asText()).isEqualTo("job");
  }

  @Test
  void grafanaLoadsTheDashboardsFolderItIsMountedIn() throws Exception {
    JsonNode provider = YAML.readTree(REPO.resolve("flink-conf/grafana/provisioning/dashboards/eddy.yaml").toFile())
        .path("providers").get(0);
    assertThat(provider.path("options").path("path").asText()).isEqualTo("/var/lib/grafana/dashboards");
    assertThat(Files.readString(REPO.resolve("docker/compose.yaml"))).contains(":" + provider.path("options").path("path").asText() + "/");
  }
}
