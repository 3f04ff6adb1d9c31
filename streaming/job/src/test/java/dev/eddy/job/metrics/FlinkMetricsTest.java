package dev.eddy.job.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eddy.core.metrics.EddyMetric;
import dev.eddy.core.model.ModelConfig;
import dev.eddy.core.spec.JobSpecReader;
import java.util.Map;
import org.apache.flink.api.common.ExecutionConfig;
import org.apache.flink.metrics.groups.UnregisteredMetricsGroup;
import org.apache.flink.util.ParameterTool;
import org.junit.jupiter.api.Test;

/** The adapter keeps to the definitions: kinds and label values are checked, the switch takes on or off only. */
class FlinkMetricsTest {
  private static final UnregisteredMetricsGroup GROUP = new UnregisteredMetricsGroup();

  @Test
  void aMetricIsRegisteredOnlyAsItsKindWithItsOwnLabelValues() {
    assertThat(FlinkMetrics.counter(GROUP, EddyMetric.DEAD_LETTERS, "invalid")).isNotNull();
    assertThatThrownBy(() -> FlinkMetrics.counter(GROUP, EddyMetric.DEAD_LETTERS, "bad feature 'x7'"))
        .hasMessage("eddyDeadLetters's reason must be one of [invalid, decode-error, orphan-label], got 'bad feature 'x7''");
    assertThatThrownBy(() -> FlinkMetrics.counter(GROUP, EddyMetric.PREDICTIONS, "x"))
        .hasMessage("eddyPredictions has no label, got value 'x'");
    assertThatThrownBy(() -> FlinkMetrics.counter(GROUP, EddyMetric.EVENT_TIME_LAG))
        .hasMessage("eddyEventTimeLag is a GAUGE, not a COUNTER");
    assertThatThrownBy(() -> FlinkMetrics.histogram(GROUP, EddyMetric.LEARNED))
        .hasMessage("eddyLearned is a COUNTER, not a HISTOGRAM");
  }

  @Test
  void theSwitchTakesOnOrOff() {
    ModelConfig config = ModelConfig.of(JobSpecReader.parse(
        "name: t\nkafka: {bootstrap: 'x:1'}\nfeatures: [a]\nlearner: {type: pa-i}\n"));
    ExecutionConfig execution = new ExecutionConfig();
    execution.setGlobalJobParameters(ParameterTool.fromMap(Map.of(LearnerMetrics.SWITCH, "maybe")));
    assertThatThrownBy(() -> LearnerMetrics.of(GROUP, execution, config, () -> 0))
        .hasMessage("job parameter eddy.metrics must be on or off, got 'maybe'");
    execution.setGlobalJobParameters(ParameterTool.fromMap(Map.of(LearnerMetrics.SWITCH, "off")));
    assertThat(LearnerMetrics.of(GROUP, execution, config, () -> 0)).isNotNull();
  }
}
