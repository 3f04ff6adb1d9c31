package dev.eddy.cli.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eddy.cli.KafkaTestSupport;
import dev.eddy.cli.local.LocalRunner;
import dev.eddy.cli.local.PrometheusEndpoint;
import dev.eddy.cli.net.FreePorts;
import dev.eddy.core.kafka.CheckedProducer;
import dev.eddy.core.kafka.JobKafka;
import dev.eddy.core.kafka.KafkaConnection;
import dev.eddy.core.metrics.EddyMetric;
import dev.eddy.core.spec.JobSpec;
import dev.eddy.core.spec.JobSpecReader;
import dev.eddy.job.metrics.LearnerMetrics;
import dev.eddy.schemas.Event;
import dev.eddy.schemas.Label;
import dev.eddy.schemas.codec.Topics;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.core.execution.JobClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scrapes Flink's real Prometheus reporter (HTTP) while the Eddy job runs on a MiniCluster against a
 * real broker, and checks that every Eddy metric is there, under the name README's table gives it, with
 * values the input implies: counts of predictions, learned examples, matched labels and dead letters by
 * reason; accuracy of an easy concept; latencies of events stamped just before.
 */
@Timeout(value = 4, unit = java.util.concurrent.TimeUnit.MINUTES)
class PrometheusMetricsITCase {
  static final int EVENTS = 4000;
  @RegisterExtension static final KafkaTestSupport kafka = new KafkaTestSupport();

  @Test
  void everyEddyMetricIsScrapedWithPlausibleValues(@TempDir Path work) throws Exception {
    long start = System.currentTimeMillis();
    JobSpec spec = produce("scraped", 0);
    int port = FreePorts.allocate(1)[0];
    String url = "http://127.0.0.1:" + port + "/metrics";
    JobClient job = LocalRunner.start(spec, false, work, PrometheusEndpoint.on(port));
    PrometheusScrape scrape;
    try {
      scrape = awaitAll(url, EVENTS);
    } finally {
      job.cancel().get();
    }
    for (EddyMetric m : EddyMetric.values()) {
      if (m.perKey()) {
        assertThat(scrape.named(m.prometheusName())).as("%s: the spec did not opt in", m).isEmpty();
        continue;
      }
      String name = m.kind() == EddyMetric.Kind.HISTOGRAM ? m.prometheusName() + "_count" : m.prometheusName();
      assertThat(scrape.named(name)).as("%s in the scrape", name).isNotEmpty();
    }
    assertThat(scrape.sum(p(EddyMetric.PREDICTIONS))).isEqualTo(EVENTS);
    assertThat(scrape.sum(p(EddyMetric.LEARNED))).isEqualTo(EVENTS);
    assertThat(scrape.sum(p(EddyMetric.LABELS_MATCHED))).isEqualTo(EVENTS / 4);
    // every label came, each either waited for its event (early) or ended an event's wait (delay count)
    assertThat(scrape.sum(p(EddyMetric.LABELS_EARLY)) + scrape.sum(p(EddyMetric.LABEL_DELAY) + "_count"))
        .isEqualTo(EVENTS / 4);
    assertThat(scrape.sum(p(EddyMetric.LABELS_WAITING)) - scrape.sum(p(EddyMetric.LABEL_DELAY) + "_count")
        - scrape.sum(p(EddyMetric.LABELS_EXPIRED))).as("pending").isZero();
    assertThat(scrape.sum(p(EddyMetric.LABELS_DUPLICATE))).isZero();
    // Flink's Prometheus reporter writes label values with '_' where Eddy's have '-' (decode-error → decode_error)
    assertThat(scrape.named(p(EddyMetric.DEAD_LETTERS))).extracting(sample -> sample.labels().get("reason"))
        .as("a series per reason").containsAll(dev.eddy.core.metrics.DeadLetterReason.NAMES.stream()
            .map(r -> r.replace('-', '_')).toList());
    assertThat(scrape.sum(p(EddyMetric.DEAD_LETTERS), l -> "invalid".equals(l.get("reason")))).isEqualTo(2);
    assertThat(scrape.sum(p(EddyMetric.DEAD_LETTERS), l -> "decode_error".equals(l.get("reason")))).isZero();
    assertThat(scrape.sum(p(EddyMetric.DEAD_LETTERS), l -> "orphan_label".equals(l.get("reason")))).isZero();
    assertThat(scrape.sum(p(EddyMetric.QUALITY), l -> "accuracy".equals(l.get("measure")))).isBetween(0.9, 1.0);
    assertThat(scrape.sum(p(EddyMetric.QUALITY_WINDOW), l -> "accuracy".equals(l.get("measure")))).isBetween(0.9, 1.0);
    assertThat(scrape.sum(p(EddyMetric.QUALITY), l -> "kappa".equals(l.get("measure")))).isBetween(0.8, 1.0);
    assertThat(scrape.named(p(EddyMetric.QUALITY))).as("no regression measures on a binary task")
        .noneMatch(s -> "mae".equals(s.labels().get("measure")));
    assertThat(scrape.sum(p(EddyMetric.MODEL_VERSION))).isGreaterThanOrEqualTo(1);
    assertThat(scrape.sum(p(EddyMetric.MODELS_CREATED))).isEqualTo(1); // one global model
    assertThat(scrape.sum(p(EddyMetric.MODELS_CACHED))).isEqualTo(1);
    assertThat(scrape.sum(p(EddyMetric.MODEL_CACHE_HITS)) + scrape.sum(p(EddyMetric.MODEL_CACHE_MISSES)))
        .as("one lookup per event and per label that found its event waiting").isBetween((double) EVENTS, EVENTS * 1.25);
    assertThat(scrape.sum(p(EddyMetric.MODEL_CACHE_MISSES))).isEqualTo(1);
    long elapsed = System.currentTimeMillis() - start;
    double medianLatency = scrape.sum(p(EddyMetric.PREDICTION_LATENCY), l -> "0.5".equals(l.get("quantile")));
    assertThat(medianLatency).as("event time to prediction, ms").isBetween(0.0, (double) elapsed);
    assertThat(scrape.sum(p(EddyMetric.PREDICTION_LATENCY) + "_count")).isEqualTo(EVENTS); // values seen
    assertThat(scrape.sum(p(EddyMetric.EVENT_TIME_LAG))).isBetween(0.0, (double) System.currentTimeMillis() - start);
    // labels that came before their event did not wait
    assertThat(scrape.sum(p(EddyMetric.LABEL_DELAY) + "_count")).isBetween(1.0, EVENTS / 4.0);
    assertThat(scrape.sum(p(EddyMetric.LABEL_DELAY), l -> "0.99".equals(l.get("quantile")))).isBetween(0.0, (double) elapsed);
    assertThat(scrape.named(p(EddyMetric.PREDICTIONS)).get(0).labels())
        .containsEntry("job_name", "scraped").doesNotContainKey("model_key");
  }

  /**
   * A job spec named {@code name} with its own topics, and its events and labels produced; {@code keys} > 0:
   * one model per event key (of {@code keys}), and series of their own for the two keys with the most examples.
   */
  private static JobSpec produce(String name, int keys) throws Exception {
    JobSpec spec = JobSpecReader.parse(String.join("\n",
        "name: " + name,
        "kafka: {bootstrap: '" + kafka.bootstrap() + "', topics: {events: NAME-events, labels: NAME-labels,"
            + " predictions: NAME-predictions, drift: NAME-drift, models: NAME-models, dead-letter: NAME-dlq}}",
        "features: [x1, x2]",
        "learner: {type: pa-i}",
        "drift: {detector: ddm}",
        "checkpoint: {interval: 1s}",
        keys > 0 ? "input: {model-key: key}\nmetrics: {key-series: 2}\n" : "").replace("NAME", name));
    JobKafka.prepare(spec);
    SplittableRandom random = new SplittableRandom(5);
    try (CheckedProducer p = new CheckedProducer(KafkaConnection.of(kafka.bootstrap()))) {
      for (int i = 0; i < EVENTS; i++) {
        double x1 = random.nextDouble(-1, 1);
        double x2 = random.nextDouble(-1, 1);
        int y = x1 + 0.5 * x2 > 0 ? 1 : 0; // linearly separable: PA-I learns it to > 0.9 accuracy
        Event.Builder e = Event.newBuilder().setId("e-" + i).setTimestamp(System.currentTimeMillis())
            .setFeatures(Map.of("x1", x1, "x2", x2));
        String key = keys > 0 ? skewedKey(i, keys) : null;
        e.setKey(key);
        if (i % 4 != 0) {
          e.setLabel((double) y);
        }
        p.send(name + "-events", null, Topics.EVENT.encode(e.build()));
        if (i % 4 == 0) { // every fourth label comes on the labels topic, after its event
          p.send(name + "-labels", null, Topics.LABEL.encode(Label.newBuilder().setId("e-" + i).setKey(key).setTimestamp(1)
              .setLabel((double) y).build()));
        }
      }
      p.send(name + "-events", null, "not avro".getBytes(StandardCharsets.UTF_8)); // invalid: not an Avro Event
      p.send(name + "-events", null, Topics.EVENT.encode(Event.newBuilder().setId("bad").setTimestamp(1)
          .setKey(keys > 0 ? "k0" : null).setFeatures(Map.of("x1", 1.0)).build())); // invalid: x2 missing
    }
    return spec;
  }

  /**
   * Key {@code k0..k(keys-1)} of event {@code i}: the light keys come first in every ten events, the two
   * heaviest (30 % and 40 %: the last two keys) after them, so the first keys seen are not the top ones.
   */
  private static String skewedKey(int i, int keys) {
    int r = i % 10;
    return "k" + (r < keys - 2 ? r : r < 6 ? keys - 2 : keys - 1);
  }

  /**
   * The switch of {@code bench --metrics-cost} reaches the operator: with {@code eddy.metrics: off} among the
   * job's parameters the learner registers none of its metrics, while Flink's own are reported as usual.
   */
  @Test
  void theJobParameterSwitchesTheLearnersMetricsOff(@TempDir Path work) throws Exception {
    JobSpec spec = produce("unmetered", 0);
    int port = FreePorts.allocate(1)[0];
    Configuration settings = PrometheusEndpoint.on(port);
    settings.set(PipelineOptions.GLOBAL_JOB_PARAMETERS, Map.of(LearnerMetrics.SWITCH, "off"));
    JobClient job = LocalRunner.start(spec, false, work, settings);
    PrometheusScrape scrape;
    try {
      scrape = await("http://127.0.0.1:" + port + "/metrics", s -> s.sum("flink_taskmanager_job_task_operator_numRecordsIn",
          l -> l.getOrDefault("operator_name", "").startsWith("learner")) >= EVENTS + EVENTS / 4);
    } finally {
      job.cancel().get();
    }
    assertThat(scrape.named(p(EddyMetric.PREDICTIONS))).isEmpty();
    assertThat(scrape.named(p(EddyMetric.QUALITY))).isEmpty();
    assertThat(scrape.named(p(EddyMetric.PREDICTION_LATENCY) + "_count")).isEmpty();
  }

  /**
   * {@code metrics.key-series: 2} with five model keys: the two with the most examples (not the first
   * two seen) get their own quality series, no other key does.
   */
  @Test
  void theTopKeysOfASpecThatOptsInGetSeriesOfTheirOwn(@TempDir Path work) throws Exception {
    JobSpec spec = produce("keyed", 5);
    int port = FreePorts.allocate(1)[0];
    JobClient job = LocalRunner.start(spec, false, work, PrometheusEndpoint.on(port));
    PrometheusScrape scrape;
    try {
      scrape = awaitAll("http://127.0.0.1:" + port + "/metrics", EVENTS);
    } finally {
      job.cancel().get();
    }
    var accuracy = scrape.named(p(EddyMetric.KEY_QUALITY_WINDOW)).stream()
        .filter(s -> "accuracy".equals(s.labels().get("measure"))).toList();
    assertThat(accuracy).extracting(s -> s.labels().get(EddyMetric.MODEL_KEY)).containsExactlyInAnyOrder("k3", "k4");
    assertThat(accuracy).allSatisfy(s -> assertThat(s.value()).isBetween(0.8, 1.0));
    assertThat(scrape.named(p(EddyMetric.KEY_QUALITY_WINDOW)))
        .extracting(s -> s.labels().get("measure")).containsOnly("accuracy", "kappa");
    assertThat(scrape.sum(p(EddyMetric.MODELS_CREATED))).isEqualTo(5);
  }

  private static String p(EddyMetric m) {
    return m.prometheusName();
  }

  /** Scrapes until every event was predicted and learned (the job is unbounded and keeps running). */
  private static PrometheusScrape awaitAll(String url, int events) throws Exception {
    return await(url, s -> s.sum(p(EddyMetric.LEARNED)) >= events && s.sum(p(EddyMetric.PREDICTIONS)) >= events);
  }

  private static PrometheusScrape await(String url, java.util.function.Predicate<PrometheusScrape> done) throws Exception {
    return Scrapes.await(url, done);
  }
}
