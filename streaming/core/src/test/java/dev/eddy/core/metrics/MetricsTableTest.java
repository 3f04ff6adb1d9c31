package dev.eddy.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eddy.learners.Prediction;
import dev.eddy.learners.Task;
import dev.eddy.learners.metrics.PrequentialMetrics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import org.junit.jupiter.api.Test;

/** README's metrics table is the definitions, rendered; the definitions stay bounded and unique. */
class MetricsTableTest {
  private static final Path README = Path.of("../../README.md");

  /** Regenerate with {@code -Deddy.writeDocs=true} after changing {@link EddyMetric}. */
  @Test
  void readmeMetricsTableIsTheRenderedDefinitions() throws Exception {
    String readme = Files.readString(README);
    if (Boolean.getBoolean("eddy.writeDocs")) {
      readme = MetricsTable.replaceIn(readme);
      Files.writeString(README, readme);
    }
    assertThat(readme).as("README's metrics table is stale: regenerate it (see this test)").contains(MetricsTable.markdown());
  }

  @Test
  void everyMetricHasAUniqueNameAUnitAndADescription() {
    var names = new HashSet<String>();
    for (EddyMetric m : EddyMetric.values()) {
      assertThat(names.add(m.metricName())).as("duplicate name %s", m.metricName()).isTrue();
      assertThat(m.metricName()).matches("eddy[A-Z][A-Za-z]+");
      assertThat(m.unit()).isNotBlank();
      assertThat(m.description()).endsWith(".");
      assertThat(m.label() == null).isEqualTo(m.labelValues().isEmpty());
    }
    assertThat(EddyMetric.DEAD_LETTERS.labelValues()).containsExactly("invalid", "decode-error", "orphan-label");
    assertThat(EddyMetric.PREDICTIONS.prometheusName()).isEqualTo("flink_taskmanager_job_task_operator_eddyPredictions");
    assertThat(EddyMetric.DEAD_LETTERS.prometheusName())
        .isEqualTo("flink_taskmanager_job_task_operator_reason_eddyDeadLetters");
  }

  @Test
  void replaceInSwapsOnlyTheMarkedTable() {
    String text = "before\n" + MetricsTable.BEGIN + "\nold\n" + MetricsTable.END + "\nafter\n";
    assertThat(MetricsTable.replaceIn(text)).isEqualTo("before\n" + MetricsTable.markdown() + "after\n");
    assertThatThrownBy(() -> MetricsTable.replaceIn("no table")).hasMessageContaining("no metrics table markers");
  }

  /** Golden values computed by hand: 3 of 4 right, kappa from p0 = 0.75, pe = 0.5·0.5 + 0.5·0.5. */
  @Test
  void qualityMeasuresAreTheTasksPairs() {
    assertThat(Quality.measures(Task.BINARY)).containsExactly("accuracy", "kappa");
    assertThat(Quality.measures(Task.MULTICLASS)).containsExactly("accuracy", "kappa");
    assertThat(Quality.measures(Task.REGRESSION)).containsExactly("mae", "rmse");
    PrequentialMetrics m = new PrequentialMetrics(Task.BINARY, 10);
    double[][] pairs = {{1, 1}, {0, 0}, {1, 0}, {0, 0}};
    for (double[] p : pairs) {
      m.record(new Prediction(p[0] > 0 ? 1 : -1, p[0], Double.NaN), p[1]);
    }
    assertThat(Quality.value(m.cumulative(), "accuracy")).isEqualTo(0.75);
    // predicted 1: 2/4, actual 1: 1/4 → pe = 0.5·0.25 + 0.5·0.75 = 0.5; kappa = (0.75 - 0.5) / 0.5
    assertThat(Quality.value(m.cumulative(), "kappa")).isCloseTo(0.5, org.assertj.core.data.Offset.offset(1e-12));
    PrequentialMetrics r = new PrequentialMetrics(Task.REGRESSION, 10);
    r.record(new Prediction(2, 2, Double.NaN), 1); // error 1
    r.record(new Prediction(0, 0, Double.NaN), 3); // error 3
    assertThat(Quality.value(r.window(), "mae")).isEqualTo(2.0);
    assertThat(Quality.value(r.window(), "rmse")).isCloseTo(Math.sqrt(5), org.assertj.core.data.Offset.offset(1e-12));
    assertThatThrownBy(() -> Quality.value(r.window(), "f2")).hasMessageContaining("unknown quality measure 'f2'");
    assertThat(Arrays.asList(EddyMetric.QUALITY.labelValues().toArray())).containsAll(Quality.measures(Task.REGRESSION));
  }
}
