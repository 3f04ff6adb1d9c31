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
import dev.eddy.schemas.Event;
import dev.eddy.schemas.Label;
import dev.eddy.schemas.QuarantinedEvent;
import dev.eddy.schemas.codec.Topics;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.flink.core.execution.JobClient;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The poisoning guard in the job, on a real broker and a MiniCluster (RocksDB, exactly-once sinks):
 * feature outliers are predicted, not learned, and copied once each to the quarantine topic; a flood of
 * labelled events at one instant is cut to {@code max-learn-rate}; labels later than {@code
 * max-label-age} are ignored; each refusal is counted under its rule (scraped from Flink's Prometheus
 * reporter), and every event still gets exactly one prediction.
 */
@Tag("slow")
@Timeout(value = 4, unit = java.util.concurrent.TimeUnit.MINUTES)
class GuardITCase {
  private static final long T0 = 1_700_000_000_000L;
  private static final int EVENTS = 2000; // 10 per second of record time
  private static final int FLOOD = 50; // at one instant, after event 1000
  private static final int LATE = 5; // labels 5 s after their events
  private static final int ON_TIME = 5; // labels 0.5 s after their events
  @RegisterExtension static final KafkaTestSupport kafka = new KafkaTestSupport();

  @Test
  void outliersAreQuarantinedFloodsCutLateLabelsIgnoredAndEachRefusalCounted(@TempDir Path work) throws Exception {
    JobSpec spec = JobSpecReader.parse(String.join("\n",
        "name: guarded",
        "kafka: {bootstrap: '" + kafka.bootstrap() + "', topics: {events: g-events, labels: g-labels,"
            + " predictions: g-predictions, drift: g-drift, models: g-models, dead-letter: g-dlq}}",
        "features: [x1, x2]",
        "learner: {type: pa-i}",
        "guard: {max-z: 6, quarantine-topic: g-quarantine, max-learn-rate: 20, max-label-age: 1s, max-step: 5}",
        "checkpoint: {interval: 1s}",
        ""));
    JobKafka.prepare(spec); // creates the quarantine topic too
    List<String> outliers = produce();
    int all = EVENTS + FLOOD + LATE + ON_TIME;
    int port = FreePorts.allocate(1)[0];
    JobClient job = LocalRunner.start(spec, false, work, PrometheusEndpoint.on(port));
    PrometheusScrape scrape;
    try {
      String url = "http://127.0.0.1:" + port + "/metrics";
      Scrapes.await(url, s -> s.sum(p(EddyMetric.PREDICTIONS)) >= all);
      long deadline = System.nanoTime() + 60_000_000_000L; // until a checkpoint commits them, and the labels came
      while (kafka.readCommitted("g-predictions").size() < all && System.nanoTime() < deadline) {
        Thread.sleep(500);
      }
      Thread.sleep(2000);
      scrape = PrometheusScrape.get(url);
    } finally {
      job.cancel().get();
    }
    assertThat(refused(scrape, "max-z")).isEqualTo(outliers.size());
    // the bucket holds 20 (one second's worth) and refills 1 in the 50 ms before the flood: 20 of 50 pass
    assertThat(refused(scrape, "max-learn-rate")).isEqualTo(FLOOD - 20);
    assertThat(refused(scrape, "max-label-age")).isEqualTo(LATE);
    assertThat(scrape.sum(p(EddyMetric.LEARNED)))
        .isEqualTo(all - outliers.size() - (FLOOD - 20) - LATE);

    List<String> predicted = kafka.readCommitted("g-predictions").stream().map(r -> decodePredictionId(r)).toList();
    assertThat(predicted).hasSize(all).doesNotHaveDuplicates();
    List<QuarantinedEvent> quarantined = new ArrayList<>();
    for (ConsumerRecord<byte[], byte[]> r : kafka.readCommitted("g-quarantine")) {
      quarantined.add(Topics.QUARANTINED.decode(r.value()));
    }
    assertThat(quarantined).extracting(QuarantinedEvent::getId).containsExactlyElementsOf(outliers);
    assertThat(quarantined).allSatisfy(q -> {
      assertThat(q.getRule()).isEqualTo("max-z");
      assertThat(q.getFeatures()).containsEntry("x1", 1e6);
      assertThat(q.getLabel()).isIn(0.0, 1.0);
      assertThat(q.getReason()).startsWith("guard.max-z: x1 is ").endsWith("standard deviations from its mean (max-z 6.0)");
      assertThat(q.getModelKey()).isEqualTo("global");
    });
  }

  /** Produces the stream; returns the ids of the outliers, in order. */
  private static List<String> produce() throws Exception {
    List<String> outliers = new ArrayList<>();
    SplittableRandom random = new SplittableRandom(3);
    try (CheckedProducer p = new CheckedProducer(KafkaConnection.of(kafka.bootstrap()))) {
      for (int i = 0; i < EVENTS; i++) {
        double x1 = random.nextDouble(-1, 1);
        double x2 = random.nextDouble(-1, 1);
        double y = x1 + 0.5 * x2 > 0 ? 1 : 0;
        boolean outlier = i >= 200 && i % 100 == 0;
        if (outlier) {
          outliers.add("e-" + i);
        }
        p.send("g-events", null, event("e-" + i, T0 + i * 100L, outlier ? 1e6 : x1, x2, y));
        if (i == 1000) {
          for (int k = 0; k < FLOOD; k++) {
            p.send("g-events", null, event("flood-" + k, T0 + i * 100L + 50, x2, x1, 1 - y));
          }
        }
      }
      long later = T0 + EVENTS * 100L + 60_000; // the bucket is full again
      for (int k = 0; k < LATE + ON_TIME; k++) {
        String id = "waits-" + k;
        long time = later + k * 1000L;
        p.send("g-events", null, event(id, time, 0.5, 0.5, Double.NaN));
        long labelTime = time + (k < LATE ? 5_000 : 500);
        p.send("g-labels", null, Topics.LABEL.encode(Label.newBuilder().setId(id).setTimestamp(labelTime).setLabel(1.0).build()));
      }
    }
    return outliers;
  }

  private static byte[] event(String id, long time, double x1, double x2, double label) {
    Event.Builder e = Event.newBuilder().setId(id).setTimestamp(time).setFeatures(Map.of("x1", x1, "x2", x2));
    if (!Double.isNaN(label)) {
      e.setLabel(label);
    }
    return Topics.EVENT.encode(e.build());
  }

  private static String decodePredictionId(ConsumerRecord<byte[], byte[]> r) {
    try {
      return Topics.PREDICTION.decode(r.value()).getId();
    } catch (java.io.IOException e) {
      throw new AssertionError("not a Prediction", e);
    }
  }

  /** The refusals of {@code rule}: Flink's Prometheus reporter writes label values with '_' for '-'. */
  private static double refused(PrometheusScrape s, String rule) {
    return s.sum(p(EddyMetric.GUARD_REFUSALS), l -> rule.replace('-', '_').equals(l.get("rule")));
  }

  private static String p(EddyMetric m) {
    return m.prometheusName();
  }
}
