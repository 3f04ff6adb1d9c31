package dev.eddy.cli.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.eddy.cli.KafkaTestSupport;
import dev.eddy.cli.local.LocalRunner;
import dev.eddy.cli.workload.SeededWorkload;
import dev.eddy.core.kafka.CheckedProducer;
import dev.eddy.core.kafka.JobKafka;
import dev.eddy.core.kafka.KafkaConnection;
import dev.eddy.core.spec.JobSpec;
import dev.eddy.core.spec.JobSpecReader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report of a job whose labels come apart on the labels topic (real broker, MiniCluster): predictions
 * carry no label, so the report joins each with its label from the labels topic to score it (and gets
 * the job's own prequential accuracy), and draws the label delay (prediction to the label's arrival).
 */
@Timeout(value = 4, unit = java.util.concurrent.TimeUnit.MINUTES)
class ReportLabelsITCase {
  static final int EVENTS = 5000;
  @RegisterExtension static final KafkaTestSupport kafka = new KafkaTestSupport();

  @Test
  void labelsFromTheLabelsTopicScoreThePredictionsAndGiveTheLabelDelay(@TempDir Path work) throws Exception {
    JobSpec spec = JobSpecReader.parse(SeededWorkload.spec(kafka.bootstrap()).replace("name: eddy-demo",
        "name: apart\nlabels: {wait: 1d}\nmodels: {publish-every: " + EVENTS + "}"));
    JobKafka.prepare(spec);
    try (CheckedProducer p = new CheckedProducer(KafkaConnection.of(kafka.bootstrap()))) {
      SeededWorkload.produce(p, "events", "labels", 50, EVENTS, 0, 3, n -> {});
    }
    LocalRunner.run(spec, true, work.resolve("job"));
    ReportInput in = ReportInput.read(KafkaConnection.of(kafka.bootstrap()), spec.kafka().topics(),
        new ReportInput.Filter(null, null, null));
    assertThat(in.predictions()).hasSize(EVENTS);
    assertThat(in.predictions()).allSatisfy(s -> assertThat(s.error()).isIn(0.0, 1.0));
    assertThat(in.predictions()).allSatisfy(s -> assertThat(s.labelDelayMs()).isNotNaN().isNotNegative());
    HtmlReport report = HtmlReport.of(in, new HtmlReport.Options("apart", "test", 3, List.of()));
    assertThat(report.page().labelled()).isEqualTo(EVENTS);
    // the job's own cumulative accuracy, published after the last of the EVENTS labelled examples
    double jobAccuracy = in.models().stream().filter(m -> m.getReason().equals("update")).reduce((a, b) -> b)
        .orElseThrow().getMetrics().get("accuracy");
    assertThat(Double.parseDouble(report.page().overall())).isCloseTo(jobAccuracy, within(0.00005));
    SvgChart delay = report.page().charts().stream().filter(c -> c.id.equals("label-delay")).findFirst().orElseThrow();
    assertThat(delay.hasData()).isTrue();
    assertThat(delay.title).startsWith("Label delay, prediction to the label's arrival (n = " + EVENTS + ",");
    assertThat(report.page().quality().series).hasSize(1);
  }
}
