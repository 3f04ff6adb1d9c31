package dev.eddy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eddy.cli.local.LocalRunner;
import dev.eddy.core.kafka.CheckedProducer;
import dev.eddy.core.kafka.JobKafka;
import dev.eddy.core.kafka.KafkaConnection;
import dev.eddy.core.spec.JobSpec;
import dev.eddy.core.spec.JobSpecReader;
import dev.eddy.schemas.Event;
import dev.eddy.schemas.ModelSnapshot;
import dev.eddy.schemas.codec.Topics;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.flink.core.execution.JobClient;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code models.idle-ttl} on a real broker and MiniCluster: a key that sees no event for the TTL has
 * its model dropped from keyed state, said by a last record on the models topic (reason idle), while
 * a key that keeps getting events keeps its model; a dropped key that comes back starts a fresh model.
 */
@Tag("slow")
@Timeout(value = 5, unit = java.util.concurrent.TimeUnit.MINUTES)
class IdleTtlITCase {
  static final long TTL_MS = 3000;
  @RegisterExtension static final KafkaTestSupport kafka = new KafkaTestSupport();
  private int next;

  private void send(CheckedProducer p, String key) {
    next++;
    p.send("it-events", key.getBytes(java.nio.charset.StandardCharsets.UTF_8), Topics.EVENT.encode(Event.newBuilder()
        .setId(key + "-" + next).setKey(key).setTimestamp(System.currentTimeMillis())
        .setFeatures(Map.of("x1", (double) next % 7, "x2", 1.0)).setLabel((double) (next % 2)).build()));
    p.flush();
  }

  @Test
  void anIdleKeysModelIsDroppedAndSaidOnTheModelsTopic() throws Exception {
    JobSpec spec = JobSpecReader.parse(String.join("\n",
        "name: idle-ttl",
        "kafka: {bootstrap: '" + kafka.bootstrap() + "', topics: {events: it-events, labels: it-labels,"
            + " predictions: it-predictions, drift: it-drift, models: it-models, dead-letter: it-dlq}}",
        "input: {model-key: key}",
        "features: [x1, x2]",
        "learner: {type: pa-i, C: 0.1}",
        "models: {publish-every: 0, idle-ttl: " + TTL_MS + "ms, publish-initial: true}",
        "labels: {wait: 1s, early-wait: 1s}",
        "checkpoint: {interval: 300ms}",
        ""));
    JobKafka.prepare(spec);
    JobClient job = LocalRunner.start(spec, false, kafka.workDir("idle-ttl"));
    long lastA;
    long lastB;
    int bEvents = 0;
    try {
      try (CheckedProducer p = new CheckedProducer(KafkaConnection.of(kafka.bootstrap()))) {
        lastA = System.currentTimeMillis();
        send(p, "a");
        awaitModel(m -> m.getModelKey().equals("a")); // the job is up and processing
        long until = System.currentTimeMillis() + 2 * TTL_MS + 1000;
        while (System.currentTimeMillis() < until) { // b stays busy: an event every 500 ms
          send(p, "b");
          bEvents++;
          Thread.sleep(500);
        }
        lastB = System.currentTimeMillis();
        awaitModel(m -> m.getModelKey().equals("a") && m.getReason().equals("idle"));
        send(p, "a"); // a comes back
      }
      awaitModel(m -> m.getModelKey().equals("b") && m.getReason().equals("idle"));
      awaitModel(m -> m.getModelKey().equals("a") && m.getReason().equals("initial") && m.getTimestamp() > lastB);
    } finally {
      job.cancel().get();
    }

    List<ModelSnapshot> a = models().stream().filter(m -> m.getModelKey().equals("a")).toList();
    assertThat(a).extracting(m -> m.getReason().toString()).startsWith("initial", "idle", "initial");
    ModelSnapshot dropped = a.get(1);
    assertThat(dropped.getVersion()).isEqualTo(1);
    assertThat(dropped.getExamples()).as("the dropped model's last state").isEqualTo(1);
    assertThat(dropped.getTimestamp()).as("dropped after the TTL, not before").isGreaterThanOrEqualTo(lastA + TTL_MS);
    assertThat(a.get(2).getExamples()).as("a fresh model: the old one is gone from keyed state").isZero();
    List<ModelSnapshot> b = models().stream().filter(m -> m.getModelKey().equals("b")).toList();
    assertThat(b).as("b busy all along: one model, dropped once, after its last event")
        .extracting(m -> m.getReason().toString()).containsExactly("initial", "idle");
    assertThat(b.get(1).getExamples()).as("b's one model learned every b event").isEqualTo(bEvents);
    assertThat(b.get(1).getTimestamp()).as("b dropped only a TTL after its last event").isGreaterThanOrEqualTo(lastB - 500 + TTL_MS);
  }

  private List<ModelSnapshot> models() throws java.io.IOException {
    List<ModelSnapshot> out = new ArrayList<>();
    for (var r : kafka.readCommitted("it-models")) {
      out.add(Topics.MODEL.decode(r.value()));
    }
    return out;
  }

  private void awaitModel(Predicate<ModelSnapshot> wanted) throws Exception {
    long deadline = System.currentTimeMillis() + 60_000;
    while (models().stream().noneMatch(wanted)) {
      assertThat(System.currentTimeMillis()).as("a models record in time").isLessThan(deadline);
      Thread.sleep(500);
    }
  }
}
