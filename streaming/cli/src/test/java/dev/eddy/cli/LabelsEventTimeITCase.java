package dev.eddy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eddy.cli.local.LocalRunner;
import dev.eddy.cli.local.PrometheusEndpoint;
import dev.eddy.cli.metrics.PrometheusScrape;
import dev.eddy.cli.metrics.Scrapes;
import dev.eddy.cli.net.FreePorts;
import dev.eddy.core.kafka.CheckedProducer;
import dev.eddy.core.kafka.JobKafka;
import dev.eddy.core.kafka.KafkaConnection;
import dev.eddy.core.metrics.EddyMetric;
import dev.eddy.core.spec.JobSpec;
import dev.eddy.core.spec.JobSpecReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import org.apache.flink.core.execution.JobClient;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code labels.time: event} on a real broker and MiniCluster: a thousand events a second apart in
 * event time (all produced in a moment), the even ones labelled 30 s of event time later, the odd
 * ones never. With a one-minute wait in event time, every even event is learned from and every odd
 * event whose deadline the watermark passed (timestamp + 1 min ≤ the last event's timestamp) expires,
 * within seconds of processing time; in processing time none would expire for a minute.
 */
@Tag("slow")
@Timeout(value = 5, unit = java.util.concurrent.TimeUnit.MINUTES)
class LabelsEventTimeITCase {
  static final int EVENTS = 1000;
  static final long T0 = 1_700_000_000_000L; // a whole second: deadlines fall on second boundaries
  @RegisterExtension static final KafkaTestSupport kafka = new KafkaTestSupport();

  @Test
  void waitsEndWhenTheWatermarkPassesThem(@TempDir Path work) throws Exception {
    JobSpec spec = JobSpecReader.parse(String.join("\n",
        "name: labels-event-time",
        "kafka: {bootstrap: '" + kafka.bootstrap() + "', topics: {events: et-events, labels: et-labels,"
            + " predictions: et-predictions, drift: et-drift, models: et-models, dead-letter: et-dlq}}",
        "input: {format: json}",
        "features: [x1]",
        "learner: {type: pa-i}",
        // idle-input longer than the test: neither input is ever left out of the watermark
        "labels: {wait: 1min, early-wait: 1min, time: event, idle-input: 10min}",
        "checkpoint: {interval: 500ms}",
        ""));
    JobKafka.prepare(spec);
    try (CheckedProducer p = new CheckedProducer(KafkaConnection.of(kafka.bootstrap()))) {
      for (int i = 0; i < EVENTS; i++) {
        p.send("et-events", null, json(String.format(Locale.ROOT,
            "{\"id\":\"e-%d\",\"timestamp\":%d,\"features\":{\"x1\":%d}}", i, T0 + i * 1000L, i % 2)));
      }
      for (int i = 0; i < EVENTS; i += 2) {
        p.send("et-labels", null, json(String.format(Locale.ROOT,
            "{\"id\":\"e-%d\",\"label\":1,\"timestamp\":%d}", i, T0 + i * 1000L + 30_000)));
      }
    }
    // the watermark settles at the last event's timestamp - 1 ms (the labels' run 29 s further):
    // odd event i expires when T0 + i s + 60 s <= T0 + 999 s - 1 ms, i.e. i <= 938: 1, 3, ..., 937
    int expired = 469;
    int port = FreePorts.allocate(1)[0];
    JobClient job = LocalRunner.start(spec, false, work, PrometheusEndpoint.on(port));
    String url = "http://127.0.0.1:" + port + "/metrics";
    try {
      Scrapes.await(url, s -> matched(s) >= EVENTS / 2 && expired(s) >= expired);
      Thread.sleep(2000); // the watermark does not move any more: nothing else expires
      PrometheusScrape last = PrometheusScrape.get(url);
      assertThat(matched(last)).as("every labelled event learned from").isEqualTo(EVENTS / 2);
      assertThat(expired(last)).as("the odd events the watermark passed by a minute").isEqualTo(expired);
    } finally {
      job.cancel().get();
    }
  }

  private static double matched(PrometheusScrape s) {
    return s.sum(EddyMetric.LABELS_MATCHED.prometheusName());
  }

  private static double expired(PrometheusScrape s) {
    return s.sum(EddyMetric.LABELS_EXPIRED.prometheusName());
  }

  private static byte[] json(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
