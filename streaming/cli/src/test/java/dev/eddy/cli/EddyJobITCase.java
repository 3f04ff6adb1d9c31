package dev.eddy.cli;

import static dev.eddy.schemas.codec.MalformedRecords.followedBy;
import static dev.eddy.schemas.codec.MalformedRecords.repeating;
import static org.assertj.core.api.Assertions.assertThat;

import dev.eddy.cli.local.LocalRunner;
import dev.eddy.cli.workload.PredictionTally;
import dev.eddy.cli.workload.SeededWorkload;
import dev.eddy.core.kafka.CheckedProducer;
import dev.eddy.core.kafka.KafkaConnection;
import dev.eddy.core.spec.JobSpec;
import dev.eddy.core.spec.JobSpecReader;
import dev.eddy.core.synthetic.SeaGenerator;
import dev.eddy.schemas.DeadLetter;
import dev.eddy.schemas.Event;
import dev.eddy.schemas.codec.Topics;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The whole path on real components: a KRaft broker in this JVM, the job on a MiniCluster with
 * RocksDB and exactly-once Kafka sinks, bounded; outputs read back with read_committed.
 */
@Tag("slow")
@org.junit.jupiter.api.Timeout(value = 5, unit = java.util.concurrent.TimeUnit.MINUTES)
class EddyJobITCase {
  static final int EVENTS = 3000;
  @org.junit.jupiter.api.extension.RegisterExtension
  static final KafkaTestSupport kafka = new KafkaTestSupport();

  static String spec(String name, String format) {
    return String.join("\n",
        "name: " + name,
        "kafka:",
        "  bootstrap: " + kafka.bootstrap(),
        "  topics: {events: " + name + "-events, predictions: " + name + "-predictions, dead-letter: " + name + "-dlq,",
        "           labels: " + name + "-labels, drift: " + name + "-drift, models: " + name + "-models}",
        "input: {format: " + format + "}",
        "features: [" + String.join(", ", featuresFor(format)) + "]",
        "learner: {type: pa-i, C: 0.1}",
        "checkpoint: {interval: 500ms, guarantee: exactly-once}",
        "");
  }

  /** The Avro test feeds the demo stream (5 features), the JSON test SEA (3 features). */
  static String[] featuresFor(String format) {
    return format.equals("avro") ? SeededWorkload.FEATURES : new String[] {"x1", "x2", "x3"};
  }

  @Test
  void avroEventsGetExactlyOnePredictionEachAndBadRecordsAreDeadLettered() throws Exception {
    JobSpec spec = JobSpecReader.parse(spec("avro", "avro"));
    kafka.createTopics(spec.kafka().topics().all());
    // what Avro's own decoder would take silently: bytes after the record, a feature given twice
    Event good = Event.newBuilder().setId("bad-tail").setTimestamp(1)
        .setFeatures(Map.of("x1", 1.0, "x2", 1.0, "x3", 1.0, "x4", 1.0, "x5", 1.0)).setLabel(1.0).build();
    byte[] withTail = followedBy(Topics.EVENT.encode(good), new byte[] {0, 0});
    try (CheckedProducer p = new CheckedProducer(KafkaConnection.of(kafka.bootstrap()))) {
      SeededWorkload.produce(p, spec.kafka().topics().events(), EVENTS, 6, 1, n -> {});
      p.send(spec.kafka().topics().events(), null, withTail);
      Event twice = Event.newBuilder(good).setId("bad-twice").setFeatures(repeating(
          Map.entry("x1", 1.0), Map.entry("x2", 1.0), Map.entry("x3", 1.0), Map.entry("x4", 1.0),
          Map.entry("x5", 1.0), Map.entry("x2", 2.0))).build();
      p.send(spec.kafka().topics().events(), null, Topics.EVENT.encode(twice));
    }

    LocalRunner.run(spec, true, kafka.workDir("avro"));

    assertExactlyOnePredictionPerEventAndLearned(spec);
    List<DeadLetter> dead = deadLetters(spec);
    assertThat(dead).hasSize(8);
    assertThat(dead).extracting(DeadLetter::getReason)
        .anyMatch(r -> r.startsWith("not an Avro Event"))
        .anyMatch(r -> r.equals("trailing data after the event: 2 byte(s)"))
        .anyMatch(r -> r.equals("feature 'x2' given twice"))
        .anyMatch(r -> r.equals("feature 'x1' is not finite: NaN"))
        .anyMatch(r -> r.startsWith("unknown feature 'x9'"));
    assertThat(dead).allSatisfy(d -> {
      assertThat(d.getTopic()).isEqualTo("avro-events");
      assertThat(d.getValue()).isNotNull();
    });
    // the original bytes are kept: the garbage record reads back as it was written
    assertThat(dead).anyMatch(d -> new String(bytes(d), StandardCharsets.UTF_8).startsWith("not an event #"));
    assertThat(dead).anyMatch(d -> Arrays.equals(bytes(d), withTail));
  }

  @Test
  void jsonEventsWorkTheSameAndEachKindOfBadJsonHasItsReason() throws Exception {
    JobSpec spec = JobSpecReader.parse(spec("json", "json"));
    kafka.createTopics(spec.kafka().topics().all());
    List<String> bad = List.of(
        "{not json",
        "{\"id\": \"b1\", \"features\": {\"x1\": \"abc\", \"x2\": 1, \"x3\": 1}, \"label\": 1}",
        "{\"features\": {\"x1\": 1, \"x2\": 1, \"x3\": 1}, \"label\": 1}",
        "{\"id\": \"b3\", \"features\": {\"x1\": 1, \"x2\": 1}, \"label\": 0}",
        "{\"id\": \"b4\", \"features\": {\"x1\": 1, \"x2\": 1, \"x3\": 1, \"zz\": 2}}",
        "{\"id\": \"b5\", \"features\": {\"x1\": 1, \"x2\": 1, \"x3\": 1}, \"label\": 7}",
        "{\"id\": \"b6\", \"features\": {\"x1\": 1, \"x2\": 1, \"x3\": 1}, \"label\": 1} garbage",
        "{\"id\": \"b7\", \"features\": {\"x1\": 1, \"x2\": 1, \"x3\": 1}, \"id\": \"b7-again\"}");
    int spacing = EVENTS / bad.size();
    try (CheckedProducer p = new CheckedProducer(KafkaConnection.of(kafka.bootstrap()))) {
      SeaGenerator sea = new SeaGenerator(3, SeaGenerator.quarters(EVENTS), 0.1);
      double[] x = new double[3];
      for (int i = 0; i < EVENTS; i++) {
        double y = sea.next(x);
        String json = String.format(Locale.ROOT,
            "{\"id\": \"e-%d\", \"timestamp\": %d, \"features\": {\"x1\": %s, \"x2\": %s, \"x3\": %s}, \"label\": %d}",
            i, 1_700_000_000_000L + i, x[0], x[1], x[2], (int) y);
        p.send(spec.kafka().topics().events(), null, json.getBytes(StandardCharsets.UTF_8));
        if (i % spacing == spacing / 2) {
          p.send(spec.kafka().topics().events(), null, bad.get(i / spacing).getBytes(StandardCharsets.UTF_8));
        }
      }
    }

    LocalRunner.run(spec, true, kafka.workDir("json"));

    assertExactlyOnePredictionPerEventAndLearned(spec);
    List<String> reasons = deadLetters(spec).stream().map(DeadLetter::getReason).toList();
    assertThat(reasons).hasSize(bad.size());
    assertThat(reasons.get(0)).startsWith("malformed JSON");
    assertThat(reasons.get(1)).isEqualTo("feature 'x1' must be a number, got abc");
    assertThat(reasons.get(2)).isEqualTo("missing id");
    assertThat(reasons.get(3)).isEqualTo("missing feature 'x3'");
    assertThat(reasons.get(4)).startsWith("unknown feature 'zz'");
    assertThat(reasons.get(5)).startsWith("label must be 0, 1 or -1");
    assertThat(reasons.get(6)).startsWith("trailing data after the event: not JSON: Unrecognized token 'garbage'");
    assertThat(reasons.get(7)).isEqualTo("field 'id' given twice");
    assertThat(deadLetters(spec)).extracting(d -> new String(bytes(d), StandardCharsets.UTF_8))
        .containsExactlyElementsOf(bad);
  }

  private static void assertExactlyOnePredictionPerEventAndLearned(JobSpec spec) {
    PredictionTally tally = new PredictionTally();
    kafka.readCommitted(spec.kafka().topics().predictions()).forEach(r -> tally.add(r.value()));
    assertThat(tally.records()).isEqualTo(EVENTS);
    assertThat(tally.distinctIds()).isEqualTo(EVENTS);
    List<String> missing = new ArrayList<>();
    for (int i = 0; i < EVENTS; i++) {
      if (!tally.contains("e-" + i)) {
        missing.add("e-" + i);
      }
    }
    assertThat(missing).isEmpty();
    // SEA with 10% label noise, or the hyperplane with 5% and 3 concept changes: a linear learner
    // reaches ~0.85 or more; chance is ~0.5-0.6 (class balance)
    assertThat(tally.accuracy()).isGreaterThan(0.78);
  }

  private static List<DeadLetter> deadLetters(JobSpec spec) {
    List<DeadLetter> out = new ArrayList<>();
    for (ConsumerRecord<byte[], byte[]> r : kafka.readCommitted(spec.kafka().topics().deadLetter())) {
      try {
        out.add(Topics.DEAD_LETTER.decode(r.value()));
      } catch (java.io.IOException e) {
        throw new AssertionError("dead-letter record is not a DeadLetter: " + Arrays.toString(r.value()), e);
      }
    }
    return out;
  }

  private static byte[] bytes(DeadLetter d) {
    var b = d.getValue().duplicate();
    byte[] out = new byte[b.remaining()];
    b.get(out);
    return out;
  }
}
