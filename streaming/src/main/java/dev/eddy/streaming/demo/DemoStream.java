package dev.eddy.streaming.demo;

import dev.eddy.schemas.Event;
import dev.eddy.schemas.codec.Topics;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.LongConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Produces the demo's labelled SEA stream as Avro events ({@code e-0}, {@code e-1}, ...) with
 * features {@code x1, x2, x3}, plus a few malformed records spread through it to show the
 * dead-letter path. Also used by the benchmark and the tests.
 */
public final class DemoStream {
  /** The demo's feature names, in the order of SEA's features. */
  public static final String[] FEATURES = {"x1", "x2", "x3"};
  static final long START_MS = 1_700_000_000_000L;

  private DemoStream() {}

  /**
   * Produces {@code events} valid events and {@code badRecords} malformed ones (not counted in
   * {@code events}), flushing at the end.
   *
   * @param progress called with the number of records sent so far, every 1000 records
   * @return the generator's drift points
   */
  public static long[] produce(
      KafkaProducer<byte[], byte[]> producer, String topic, long events, int badRecords, long seed,
      LongConsumer progress) {
    long[] drifts = SeaGenerator.quarters(events);
    SeaGenerator sea = new SeaGenerator(seed, drifts, 0.1);
    double[] x = new double[3];
    long badEvery = badRecords == 0 ? Long.MAX_VALUE : Math.max(1, events / badRecords);
    int bad = 0;
    for (long i = 0; i < events; i++) {
      double y = sea.next(x);
      Event e = Event.newBuilder()
          .setId("e-" + i)
          .setKey(null)
          .setTimestamp(START_MS + i)
          .setFeatures(Map.of(FEATURES[0], x[0], FEATURES[1], x[1], FEATURES[2], x[2]))
          .setLabel(y)
          .build();
      producer.send(new ProducerRecord<>(topic, Topics.EVENT.encode(e)));
      if (i % badEvery == badEvery / 2 && bad < badRecords) {
        producer.send(new ProducerRecord<>(topic, malformed(bad++, i)));
      }
      if (i % 1000 == 999) {
        progress.accept(i + 1);
      }
    }
    producer.flush();
    progress.accept(events);
    return drifts;
  }

  /** Three kinds of bad record, in turn: garbage bytes, a NaN feature, an unknown feature. */
  static byte[] malformed(int k, long position) {
    return switch (k % 3) {
      case 0 -> ("not an event #" + position).getBytes(StandardCharsets.UTF_8);
      case 1 -> Topics.EVENT.encode(Event.newBuilder().setId("bad-" + position).setTimestamp(START_MS)
          .setFeatures(Map.of("x1", Double.NaN, "x2", 1.0, "x3", 1.0)).setLabel(1.0).build());
      default -> Topics.EVENT.encode(Event.newBuilder().setId("bad-" + position).setTimestamp(START_MS)
          .setFeatures(Map.of("x1", 1.0, "x2", 1.0, "x3", 1.0, "x9", 2.0)).setLabel(0.0).build());
    };
  }

  /** The demo's job spec, as YAML (printed by the demo, so users see a working spec). */
  public static String spec(String bootstrap) {
    return String.join("\n",
        "name: eddy-demo",
        "kafka:",
        "  bootstrap: " + bootstrap,
        "input:",
        "  format: avro",
        "features: [x1, x2, x3]",
        "standardize: true",
        "learner:",
        "  type: pa-i",
        "  C: 0.1",
        "task: binary",
        "checkpoint:",
        "  interval: 2s",
        "  guarantee: exactly-once",
        "");
  }
}
