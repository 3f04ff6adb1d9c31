package dev.eddy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eddy.cli.local.LocalRunner;
import dev.eddy.cli.workload.PredictionTally;
import dev.eddy.core.input.HostileRecords;
import dev.eddy.core.input.HostileRecords.Case;
import dev.eddy.core.kafka.CheckedProducer;
import dev.eddy.core.kafka.KafkaConnection;
import dev.eddy.core.kafka.TopicAdmin;
import dev.eddy.core.spec.JobSpec;
import dev.eddy.core.spec.JobSpecReader;
import dev.eddy.schemas.DeadLetter;
import dev.eddy.schemas.Event;
import dev.eddy.schemas.codec.Topics;
import dev.eddy.sinks.DeadLetters;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The hostile corpus ({@link HostileRecords}) mixed into valid events, on a real broker and the job
 * on a MiniCluster with no restarts allowed: the job ends by itself (a failure would fail it, not
 * restart it), every valid event gets its one prediction, every bad record is dead-lettered once in
 * order with its reason, and a record too large to copy whole keeps its first bytes and its size.
 */
@Tag("slow")
@Timeout(value = 5, unit = java.util.concurrent.TimeUnit.MINUTES)
class HostileInputITCase {
  static final int VALID = 1000;
  @RegisterExtension
  static final KafkaTestSupport kafka = new KafkaTestSupport();

  @ParameterizedTest
  @ValueSource(strings = {"json", "avro"})
  void everyHostileRecordIsDeadLetteredWithItsReasonAndTheJobNeverRestarts(String format) throws Exception {
    String name = "hostile-" + format;
    JobSpec spec = JobSpecReader.parse(String.join("\n",
        "name: " + name,
        "kafka:",
        "  bootstrap: " + kafka.bootstrap(),
        "  topics: {events: " + name + "-events, predictions: " + name + "-predictions, dead-letter: " + name + "-dlq,",
        "           labels: " + name + "-labels, drift: " + name + "-drift, models: " + name + "-models}",
        "input: {format: " + format + "}",
        "features: [" + String.join(", ", HostileRecords.FEATURES) + "]",
        "learner: {type: pa-i, C: 0.1}",
        "checkpoint: {interval: 1s, guarantee: exactly-once}",
        ""));
    kafka.createTopics(spec.kafka().topics().all());
    // a cluster that takes large records on the events topic: the 10 MB ones reach the job
    TopicAdmin.ensureMaxMessageBytes(KafkaConnection.of(kafka.bootstrap()), spec.kafka().topics().events(), 32 << 20);
    List<Case> corpus = format.equals("json") ? HostileRecords.json() : HostileRecords.avro();
    List<Case> bad = corpus.stream().filter(c -> c.reason() != null).toList();
    long accepted = corpus.size() - bad.size();
    KafkaConnection producing = new KafkaConnection(kafka.bootstrap(), Map.of("max.request.size", "33554432"));
    try (CheckedProducer p = new CheckedProducer(producing)) {
      int spacing = VALID / corpus.size();
      for (int i = 0; i < VALID; i++) {
        p.send(spec.kafka().topics().events(), null, valid(format, i));
        if (i % spacing == 0 && i / spacing < corpus.size()) {
          p.send(spec.kafka().topics().events(), null, corpus.get(i / spacing).value());
        }
      }
    }

    Configuration noRestarts = new Configuration();
    noRestarts.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
    LocalRunner.start(spec, true, kafka.workDir(name), noRestarts).getJobExecutionResult().get();

    PredictionTally tally = new PredictionTally();
    kafka.readCommitted(spec.kafka().topics().predictions()).forEach(r -> tally.add(r.value()));
    assertThat(tally.records()).isEqualTo(VALID + accepted);
    assertThat(tally.distinctIds()).isEqualTo(VALID + accepted);
    assertThat(tally.contains("ok-1")).isTrue();
    assertThat(tally.contains("ok-2")).isTrue();

    List<DeadLetter> dead = new ArrayList<>();
    for (ConsumerRecord<byte[], byte[]> r : kafka.readCommitted(spec.kafka().topics().deadLetter())) {
      dead.add(Topics.DEAD_LETTER.decode(r.value()));
    }
    assertThat(dead).hasSize(bad.size());
    for (int i = 0; i < bad.size(); i++) {
      Case c = bad.get(i);
      DeadLetter d = dead.get(i);
      assertThat(d.getReason()).as(c.kind()).startsWith(c.reason());
      assertThat(d.getTopic()).isEqualTo(spec.kafka().topics().events());
      byte[] copy = bytes(d.getValue());
      if (c.value().length > DeadLetters.MAX_VALUE_COPY) {
        assertThat(d.getValueSize()).as(c.kind()).isEqualTo(c.value().length);
        assertThat(copy).as(c.kind()).isEqualTo(Arrays.copyOf(c.value(), DeadLetters.MAX_VALUE_COPY));
      } else {
        assertThat(d.getValueSize()).as(c.kind()).isNull();
        assertThat(copy).as(c.kind()).isEqualTo(c.value());
      }
    }
  }

  private static byte[] valid(String format, int i) {
    double x = (i % 7) / 7.0;
    double label = x > 0.5 ? 1 : 0;
    if (format.equals("json")) {
      return ("{\"id\": \"e-" + i + "\", \"timestamp\": " + (1_700_000_000_000L + i) + ", \"features\": {\"x1\": " + x
          + ", \"x2\": 1, \"x3\": -1}, \"label\": " + (int) label + "}").getBytes(StandardCharsets.UTF_8);
    }
    return Topics.EVENT.encode(Event.newBuilder().setId("e-" + i).setKey(null).setTimestamp(1_700_000_000_000L + i)
        .setFeatures(Map.of("x1", x, "x2", 1.0, "x3", -1.0)).setLabel(label).build());
  }

  private static byte[] bytes(ByteBuffer b) {
    if (b == null) {
      return null;
    }
    ByteBuffer d = b.duplicate();
    byte[] out = new byte[d.remaining()];
    d.get(out);
    return out;
  }
}
