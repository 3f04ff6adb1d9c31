package dev.eddy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eddy.cli.local.LocalRunner;
import dev.eddy.core.kafka.CheckedProducer;
import dev.eddy.core.kafka.JobKafka;
import dev.eddy.core.kafka.KafkaConnection;
import dev.eddy.core.spec.JobSpec;
import dev.eddy.core.spec.JobSpecReader;
import dev.eddy.core.synthetic.SeaGenerator;
import dev.eddy.schemas.ModelSnapshot;
import dev.eddy.schemas.Prediction;
import dev.eddy.schemas.codec.Topics;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Online model selection in the job, on a real broker and MiniCluster: plain PA (which overreacts to
 * SEA's label noise) serves first, racing pa-i with a small C and logistic regression; on both model
 * keys — one whose events carry their labels, one whose labels come later on the labels topic — the
 * serving candidate switches, which the models topic shows as a new version with reason
 * {@code selection} and another learner type, and the later predictions carry that version.
 */
@Tag("slow")
@Timeout(value = 5, unit = java.util.concurrent.TimeUnit.MINUTES)
class CandidatesITCase {
  static final int PER_KEY = 3000;
  static final int DELAY = 100;
  @RegisterExtension static final KafkaTestSupport kafka = new KafkaTestSupport();

  @Test
  void theServingCandidateSwitchesAsANewVersionWithReasonSelection() throws Exception {
    JobSpec spec = JobSpecReader.parse(String.join("\n",
        "name: candidates",
        "kafka: {bootstrap: '" + kafka.bootstrap() + "', topics: {events: ca-events, labels: ca-labels,"
            + " predictions: ca-predictions, drift: ca-drift, models: ca-models, dead-letter: ca-dlq}}",
        "input: {format: json, model-key: key}",
        "features: [x1, x2, x3]",
        "learner:",
        "  type: pa",
        "  candidates: [{type: pa-i, C: 0.005}, {type: logistic}]",
        "  selection: {window: 300, margin: 0.02}",
        "models: {publish-every: 0, publish-initial: true}",
        "labels: {wait: 10min}",
        "checkpoint: {interval: 500ms}",
        ""));
    JobKafka.prepare(spec);
    SeaGenerator inline = new SeaGenerator(3, new long[0], 0.1);
    SeaGenerator later = new SeaGenerator(4, new long[0], 0.1);
    double[] laterLabels = new double[PER_KEY];
    double[] x = new double[3];
    try (CheckedProducer p = new CheckedProducer(KafkaConnection.of(kafka.bootstrap()))) {
      for (int i = 0; i < PER_KEY; i++) {
        double y = inline.next(x);
        p.send("ca-events", null, event("in-" + i, "inline", x, "," + "\"label\":" + (int) y, i));
        laterLabels[i] = later.next(x);
        p.send("ca-events", null, event("la-" + i, "later", x, "", i));
        if (i >= DELAY) {
          p.send("ca-labels", null, json("{\"id\":\"la-" + (i - DELAY) + "\",\"key\":\"later\",\"label\":"
              + (int) laterLabels[i - DELAY] + "}"));
        }
      }
    }
    LocalRunner.run(spec, true, kafka.workDir("candidates"));

    Map<String, List<ModelSnapshot>> models = new HashMap<>();
    for (ConsumerRecord<byte[], byte[]> r : kafka.readCommitted("ca-models")) {
      ModelSnapshot m = Topics.MODEL.decode(r.value());
      models.computeIfAbsent(m.getModelKey(), k -> new ArrayList<>()).add(m);
    }
    System.out.println("versions: " + models.values().stream().flatMap(List::stream)
        .map(m -> m.getModelKey() + ":v" + m.getVersion() + ":" + m.getReason() + ":" + m.getLearnerType()).toList());
    for (String key : List.of("inline", "later")) {
      List<ModelSnapshot> versions = models.get(key);
      assertThat(versions.get(0).getReason()).isEqualTo("initial");
      assertThat(versions.get(0).getLearnerType()).isEqualTo("pa");
      ModelSnapshot switched = versions.stream().filter(m -> m.getReason().equals("selection")).findFirst()
          .orElseThrow(() -> new AssertionError(key + ": no version with reason selection"));
      assertThat(switched.getVersion()).isGreaterThanOrEqualTo(2L);
      assertThat(switched.getLearnerType()).as(key).isIn("pa-i", "logistic");
      assertThat(switched.getExamples()).as("the switch comes once the window of 300 is full").isGreaterThanOrEqualTo(300L);
    }

    Map<String, Long> versionOf = new HashMap<>();
    for (ConsumerRecord<byte[], byte[]> r : kafka.readCommitted("ca-predictions")) {
      Prediction p = Topics.PREDICTION.decode(r.value());
      versionOf.put(p.getId(), p.getModelVersion());
    }
    assertThat(versionOf).hasSize(2 * PER_KEY);
    assertThat(versionOf.get("in-0")).isEqualTo(1L);
    assertThat(versionOf.get("in-" + (PER_KEY - 1))).isGreaterThanOrEqualTo(2L);
  }

  private static byte[] event(String id, String key, double[] x, String label, int i) {
    return json(String.format(Locale.ROOT,
        "{\"id\":\"%s\",\"key\":\"%s\",\"timestamp\":%d,\"features\":{\"x1\":%s,\"x2\":%s,\"x3\":%s}%s}",
        id, key, 1_700_000_000_000L + i, x[0], x[1], x[2], label));
  }

  private static byte[] json(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
