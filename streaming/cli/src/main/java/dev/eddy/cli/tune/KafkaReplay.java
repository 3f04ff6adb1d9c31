package dev.eddy.cli.tune;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.eddy.core.kafka.KafkaClients;
import dev.eddy.core.kafka.KafkaConnection;
import dev.eddy.learners.Task;
import dev.eddy.schemas.Event;
import dev.eddy.schemas.codec.Topics;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/**
 * The labelled events of a Kafka topic as a {@link Replay} for {@code bin/eddy tune --bootstrap B
 * --topic T}: the topic is read (read_committed, through the one {@link KafkaConnection}) from the
 * beginning to the end offsets found at start, or to {@code maxEvents} labelled events, in partition
 * order (a topic of one partition replays in the order it was written). Events are Eddy's
 * ({@code avro}: schemas/Event.avsc, or {@code json}); those without a label, or that do not decode,
 * are counted and left out. The features are the union of the events' names, in name order; a
 * feature an event lacks is a missing cell, as in a CSV.
 */
final class KafkaReplay {
  /** The label's column in the replay (not a feature name Eddy's events can carry: it has brackets). */
  static final String LABEL = "(label)";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** What the topic held. */
  record Read(Replay replay, long records, long unlabelled, long undecodable) {}

  private KafkaReplay() {}

  static Read read(KafkaConnection kafka, String topic, String format, Task requested, long maxEvents, int window,
      int delay) throws IOException {
    List<Map<String, Double>> features = new ArrayList<>();
    List<String> labels = new ArrayList<>();
    long records = 0;
    long unlabelled = 0;
    long undecodable = 0;
    try (KafkaConsumer<byte[], byte[]> c = KafkaClients.consumer(kafka, topic, true, true)) {
      Map<TopicPartition, Long> end = c.endOffsets(c.assignment(), Duration.ofSeconds(30));
      while (labels.size() < maxEvents && !reached(c, end)) {
        for (ConsumerRecord<byte[], byte[]> r : c.poll(Duration.ofMillis(200))) {
          records++;
          Map<String, Double> x = new LinkedHashMap<>();
          String label;
          try {
            label = decode(r.value(), format, x);
          } catch (RuntimeException | IOException e) {
            undecodable++;
            continue;
          }
          if (label == null) {
            unlabelled++;
          } else if (labels.size() < maxEvents) {
            features.add(x);
            labels.add(label);
          }
        }
      }
    }
    Set<String> names = new TreeSet<>();
    features.forEach(x -> names.addAll(x.keySet()));
    List<String> header = new ArrayList<>(names);
    header.add(LABEL);
    List<String[]> rows = new ArrayList<>(labels.size());
    for (int i = 0; i < labels.size(); i++) {
      String[] cells = new String[header.size()];
      int j = 0;
      for (String name : names) {
        Double v = features.get(i).get(name);
        cells[j++] = v == null ? "" : Double.toString(v);
      }
      cells[j] = labels.get(i);
      rows.add(cells);
    }
    Replay.Rows all = sink -> {
      for (String[] row : rows) {
        if (!sink.test(row)) {
          return;
        }
      }
    };
    Replay replay = Replay.of(header, LABEL, requested, maxEvents, window, delay, all, all, "topic " + topic);
    return new Read(replay, records, unlabelled, undecodable);
  }

  private static boolean reached(KafkaConsumer<byte[], byte[]> c, Map<TopicPartition, Long> end) {
    for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
      if (c.position(e.getKey()) < e.getValue()) {
        return false;
      }
    }
    return true;
  }

  /** Fills {@code x}; returns the label as a CSV cell (a number, or a class name), or null for none. */
  private static String decode(byte[] value, String format, Map<String, Double> x) throws IOException {
    if (format.equals("json")) {
      JsonNode e = JSON.readTree(value);
      e.path("features").fields().forEachRemaining(f -> x.put(f.getKey(), f.getValue().asDouble()));
      JsonNode label = e.get("label");
      return label == null || label.isNull() ? null : label.isNumber() ? number(label.asDouble()) : label.asText();
    }
    Event e = Topics.EVENT.decode(value);
    e.getFeatures().forEach((k, v) -> x.put(k.toString(), v));
    if (e.getLabelName() != null) {
      return e.getLabelName().toString();
    }
    return e.getLabel() == null ? null : number(e.getLabel());
  }

  /** A label as a CSV holds it: integers without a decimal point, so 0/1 read as binary labels. */
  private static String number(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
  }
}
