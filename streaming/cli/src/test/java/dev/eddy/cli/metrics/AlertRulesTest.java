package dev.eddy.cli.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.eddy.core.metrics.EddyMetric;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * flink-conf/prometheus/alerts.yaml: valid for Prometheus ({@code promtool check rules}), its unit tests on
 * synthetic series pass ({@code promtool test rules}), a broken expectation fails them, and every metric
 * it names exists (Eddy's from {@link EddyMetric}, or one of Flink's own).
 */
class AlertRulesTest {
  static final Path DIR = ExternalTool.REPO.resolve("flink-conf/prometheus");
  /** Flink's own metrics the rules and the dashboard use. */
  static final Set<String> FLINK_METRICS = Set.of("flink_jobmanager_job_numRestarts",
      "flink_taskmanager_job_task_operator_pendingRecords");

  @Test
  void promtoolChecksTheRules() throws Exception {
    String promtool = ExternalTool.require("promtool");
    ExternalTool.Result r = ExternalTool.run(List.of(promtool, "check", "rules", DIR.resolve("alerts.yaml").toString()), 60);
    assertThat(r.exit()).as(r.output()).isZero();
    assertThat(r.output()).contains("SUCCESS: 9 rules found");
  }

  @Test
  void promtoolUnitTestsPassOnSyntheticSeries() throws Exception {
    String promtool = ExternalTool.require("promtool");
    ExternalTool.Result r = ExternalTool.run(List.of(promtool, "test", "rules", DIR.resolve("alerts.test.yaml").toString()), 60);
    assertThat(r.exit()).as(r.output()).isZero();
    JsonNode tests = new ObjectMapper(new YAMLFactory()).readTree(DIR.resolve("alerts.test.yaml").toFile()).path("tests");
    Set<String> alerts = new TreeSet<>();
    tests.forEach(t -> t.path("alert_rule_test").forEach(a -> {
      if (!a.path("exp_alerts").isEmpty()) {
        alerts.add(a.path("alertname").asText());
      }
    }));
    assertThat(alerts).as("alerts seen firing in the unit tests").hasSizeGreaterThanOrEqualTo(2);
  }

  /** The unit tests can fail: the same tests expecting no accuracy alert when it fires do. */
  @Test
  void aWrongExpectationFailsTheUnitTests(@org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
    String promtool = ExternalTool.require("promtool");
    Files.copy(DIR.resolve("alerts.yaml"), tmp.resolve("alerts.yaml"));
    String tests = Files.readString(DIR.resolve("alerts.test.yaml"));
    // at 375 minutes the accuracy alert fires: a test expecting none there must fail
    String early = tests.replaceFirst("eval_time: 365m", "eval_time: 375m");
    assertThat(early).isNotEqualTo(tests);
    Files.writeString(tmp.resolve("alerts.test.yaml"), early);
    ExternalTool.Result r = ExternalTool.run(List.of(promtool, "test", "rules", tmp.resolve("alerts.test.yaml").toString()), 60);
    assertThat(r.exit()).as(r.output()).isNotZero();
    assertThat(r.output()).contains("EddyAccuracyDrop");
  }

  @Test
  void everyMetricTheRulesNameExists() throws Exception {
    assertThat(unknownMetrics(Files.readString(DIR.resolve("alerts.yaml")))).isEmpty();
  }

  /** The {@code flink_*} metric names in {@code text} that are neither Eddy's nor in {@link #FLINK_METRICS}. */
  static List<String> unknownMetrics(String text) {
    Set<String> known = new TreeSet<>(FLINK_METRICS);
    for (EddyMetric m : EddyMetric.values()) {
      known.add(m.prometheusName());
      if (m.kind() == EddyMetric.Kind.HISTOGRAM) {
        known.add(m.prometheusName() + "_count");
        known.add(m.prometheusName() + "_sum");
      }
    }
    List<String> unknown = new ArrayList<>();
    Matcher names = Pattern.compile("flink_[A-Za-z_]+").matcher(text);
    int found = 0;
    while (names.find()) {
      found++;
      if (!known.contains(names.group())) {
        unknown.add(names.group());
      }
    }
    assertThat(found).as("metric names in the text").isPositive();
    return unknown;
  }
}
