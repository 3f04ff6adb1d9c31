package dev.eddy.cli.workload;

import dev.eddy.core.kafka.CheckedProducer;
import dev.eddy.core.synthetic.HyperplaneGenerator;
import dev.eddy.core.synthetic.SeaGenerator;
import dev.eddy.schemas.Event;
import dev.eddy.schemas.Label;
import dev.eddy.schemas.codec.Topics;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.LongConsumer;

/**
 * The seeded workload of the demo, the benchmarks and the tests: a labelled stream as Avro events ({@code e-0}, {@code e-1}, ...): a
 * {@link HyperplaneGenerator} over features {@code x1..x5} with 5% label noise and a new concept at
 * each quarter of the stream, plus a few malformed records spread through it to show the dead-letter
 * path.
 */
public final class SeededWorkload {
  /** The demo's feature names. */
  public static final String[] FEATURES = {"x1", "x2", "x3", "x4", "x5"};
  static final long START_MS = 1_700_000_000_000L;

  private SeededWorkload() {}

  /**
   * Produces {@code events} valid events and {@code badRecords} malformed ones (not counted in
   * {@code events}), flushing at the end.
   *
   * @param progress called with the number of records sent so far, every 100 events
   * @return the generator's drift points
   */
  public static long[] produce(
      CheckedProducer producer, String topic, long events, int badRecords, long seed,
      LongConsumer progress) {
    return produce(producer, topic, null, 0, events, badRecords, seed, progress);
  }

  /**
   * The same stream with its labels apart: with {@code labelsTopic} set, each event goes without its
   * label and the label goes to {@code labelsTopic} after the next {@code labelDelay} events (the last
   * ones at the end), as labels that come later do.
   */
  public static long[] produce(
      CheckedProducer producer, String topic, String labelsTopic, int labelDelay, long events, int badRecords,
      long seed, LongConsumer progress) {
    LaterLabels later = labelsTopic == null ? null
        : new LaterLabels(labelDelay, l -> producer.send(labelsTopic, null, Topics.LABEL.encode(l)));
    return produce(producer, topic, later, events, badRecords, seed, progress);
  }

  /**
   * The stream with its labels handed to {@code later} (null: each label rides on its event), e.g.
   * {@link LaterLabels#withheld()} for events whose labels never come.
   */
  public static long[] produce(
      CheckedProducer producer, String topic, LaterLabels later, long events, int badRecords, long seed,
      LongConsumer progress) {
    long[] drifts = SeaGenerator.quarters(events);
    HyperplaneGenerator stream = new HyperplaneGenerator(seed, FEATURES.length, drifts, 0.05);
    double[] x = new double[FEATURES.length];
    long badEvery = badRecords == 0 ? Long.MAX_VALUE : Math.max(1, events / badRecords);
    int bad = 0;
    for (long i = 0; i < events; i++) {
      double y = stream.next(x);
      Map<String, Double> features = new java.util.HashMap<>(8);
      for (int f = 0; f < FEATURES.length; f++) {
        features.put(FEATURES[f], x[f]);
      }
      Event e = Event.newBuilder()
          .setId("e-" + i)
          .setKey(null)
          .setTimestamp(START_MS + i)
          .setFeatures(features)
          .setLabel(later == null ? y : null)
          .build();
      producer.send(topic, null, Topics.EVENT.encode(e));
      if (later != null) {
        later.afterEvent(Label.newBuilder().setId(e.getId()).setTimestamp(START_MS + i).setLabel(y).build());
      }
      if (i % badEvery == badEvery / 2 && bad < badRecords) {
        producer.send(topic, null, malformed(bad++, i));
      }
      if (i % 100 == 99) {
        progress.accept(i + 1);
      }
    }
    if (later != null) {
      later.flush();
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

  /** The event time of the event at {@code index} (0-based) of the stream: event times are its positions. */
  public static long eventTime(long index) {
    return START_MS + index;
  }

  /** The demo's job spec, as YAML (printed by the demo, so users see a working spec). */
  public static String spec(String bootstrap) {
    return String.join("\n",
        "name: eddy-demo",
        "kafka:",
        "  bootstrap: " + bootstrap,
        "input:",
        "  format: avro",
        "features: [x1, x2, x3, x4, x5]",
        "standardize: true",
        "learner:",
        "  type: pa-i",
        "  C: 0.01",
        "drift:",
        "  detector: hddm-a",
        "  retrain: background",
        "task: binary",
        "checkpoint:",
        "  interval: 2s",
        "  guarantee: exactly-once",
        "");
  }
}
