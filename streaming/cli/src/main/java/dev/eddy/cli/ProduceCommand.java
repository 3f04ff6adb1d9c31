package dev.eddy.cli;

import dev.eddy.cli.csv.CsvReader;
import dev.eddy.cli.csv.CsvRow;
import dev.eddy.cli.csv.RowMapper;
import dev.eddy.cli.demo.Progress;
import dev.eddy.cli.workload.LaterLabels;
import dev.eddy.core.kafka.CheckedProducer;
import dev.eddy.core.kafka.KafkaAccess;
import dev.eddy.core.kafka.KafkaConnection;
import dev.eddy.core.kafka.TopicAdmin;
import dev.eddy.schemas.Event;
import dev.eddy.schemas.Label;
import dev.eddy.schemas.codec.Topics;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bin/eddy produce}: a CSV file (header row = names) as events on a Kafka topic. Every column
 * that is not the id, key, label or timestamp column is a numeric feature: events carry numbers
 * only, so unlike {@code evaluate}, which one-hot encodes a column holding text, produce has no
 * categorical columns. A row that cannot become an event (wrong cell count, a feature cell that is
 * missing, not a number or not finite) is reported with its line number and skipped, never
 * silently. The header is read as {@link CsvReader} reads it for every command: a byte-order mark
 * is dropped, a name given twice is a usage error.
 */
@Command(
    name = "produce",
    mixinStandardHelpOptions = true,
    description = {
      "Produces the rows of a CSV file (header row = feature names) as events, Avro by default.",
      "Every column other than the id, key, label and timestamp columns is a numeric feature",
      "(events carry numbers only: text columns are not one-hot encoded as `evaluate` does).",
      "Malformed rows (a feature cell missing, not a number or not finite; a wrong cell count)",
      "are reported with their line number and skipped. A header that names a column twice is a",
      "usage error. A missing topic is created; if any event cannot be written, the command says",
      "so and exits 1."
    })
public final class ProduceCommand implements Callable<Integer> {
  @picocli.CommandLine.Mixin KafkaOptions kafka = new KafkaOptions();

  @Option(names = "--topic", required = true, description = "The events topic.")
  String topic;

  @Option(names = "--csv", required = true, description = "The CSV file.")
  Path csv;

  @Option(names = "--label-column", description = "Column holding the label: a number, or a class name (empty cell = no label).")
  String labelColumn;

  @Option(names = "--id-column", description = "Column holding the event id (default: row-<line>).")
  String idColumn;

  @Option(names = "--key-column", description = "Column holding the model key (default: none).")
  String keyColumn;

  @Option(names = "--timestamp-column", description = "Column holding the event time in epoch ms (default: now).")
  String timestampColumn;

  @Option(names = "--format", defaultValue = "avro", description = "avro or json (default: ${DEFAULT-VALUE}).")
  String format;

  @Option(names = "--labels-topic", paramLabel = "TOPIC",
      description = "Send each row's label apart, to this labels topic (events go without it): a replay of labels that come later.")
  String labelsTopic;

  @Option(names = "--label-delay", defaultValue = "0", paramLabel = "N",
      description = "With --labels-topic: each label is sent after the events of the next N rows (default: ${DEFAULT-VALUE}).")
  int labelDelay;

  @Option(names = "--labels", description = "The CSV holds labels alone (id, label and optionally key and timestamp columns, no feature): produced to --topic as labels (needs --id-column and --label-column; a row with an empty label is reported and skipped).")
  boolean labelsOnly;

  @Override
  public Integer call() throws Exception {
    if (!format.equals("avro") && !format.equals("json")) {
      throw new IllegalArgumentException("--format must be avro or json, got " + format);
    }
    if (!Files.isRegularFile(csv)) {
      throw new IllegalArgumentException("--csv: no such file: " + csv);
    }
    long rows = Math.max(0, countLines(csv) - 1);
    KafkaConnection connection = kafka.connection();
    if (labelDelay < 0) {
      throw new IllegalArgumentException("--label-delay must be >= 0, got " + labelDelay);
    }
    if ((labelsTopic != null || labelsOnly) && labelColumn == null) {
      throw new IllegalArgumentException("--labels-topic and --labels need --label-column");
    }
    if (labelsTopic != null && labelsOnly) {
      throw new IllegalArgumentException("--labels-topic and --labels exclude each other");
    }
    if (labelDelay > 0 && labelsTopic == null) {
      throw new IllegalArgumentException("--label-delay needs --labels-topic");
    }
    if (labelsOnly && idColumn == null) {
      throw new IllegalArgumentException("--labels needs --id-column: a label names its event by id");
    }
    try (CsvReader reader = open(csv)) { // a bad header or column option fails before Kafka is asked
      RowMapper mapper = new RowMapper(reader.header(), idColumn, keyColumn, labelColumn, timestampColumn);
      if (labelsOnly && !mapper.featureColumns().isEmpty()) {
        throw new IllegalArgumentException("--labels: a CSV of labels holds only the id, label, key and timestamp"
            + " columns, but it also has " + mapper.featureColumns());
      }
      List<String> topics = labelsTopic == null ? List.of(topic) : List.of(topic, labelsTopic);
      KafkaAccess.check(connection); // says within seconds why a cluster does not let us in
      TopicAdmin.ensureTopics(connection, topics, 1, java.util.Set.of()); // as `run` does
      return produce(reader, mapper, connection, rows);
    }
  }

  private int produce(CsvReader reader, RowMapper mapper, KafkaConnection connection, long rows) throws Exception {
    long sent = 0;
    long labelsSent = 0;
    List<String> skipped = new ArrayList<>();
    try (CheckedProducer producer = new CheckedProducer(connection);
        ProgressBar bar = Progress.bar("producing", rows)) {
      LaterLabels later = new LaterLabels(labelDelay, l -> send(producer, labelsTopic, l));
      for (CsvRow row; (row = reader.next()) != null; ) {
        bar.step();
        if (row.isMalformed()) {
          skipped.add(row.describe());
          continue;
        }
        long now = System.currentTimeMillis();
        try {
          if (labelsOnly) {
            Label label = mapper.label(row, now);
            if (label == null) {
              skipped.add("line " + row.line() + ": no label");
            } else {
              send(producer, topic, label);
              labelsSent++;
            }
            continue;
          }
          Event event = mapper.event(row, now, labelsTopic == null);
          Label label = labelsTopic == null ? null : mapper.label(row, now);
          send(producer, topic, event);
          sent++;
          if (labelsTopic != null) {
            later.afterEvent(label);
          }
        } catch (IllegalArgumentException e) {
          skipped.add("line " + row.line() + ": " + e.getMessage());
        }
      }
      later.flush();
      labelsSent += later.sent();
      producer.flush();
    } catch (IllegalStateException e) {
      System.err.println("eddy produce: not every record was written to '" + topic + "'"
          + (labelsTopic == null ? "" : " and '" + labelsTopic + "'") + ": " + e.getMessage());
      return 1;
    }
    for (String s : skipped) {
      System.err.println("skipped " + s);
    }
    if (labelsOnly) {
      System.out.printf("Produced %d labels to '%s' (%s); skipped %d malformed rows.%n", labelsSent, topic, format, skipped.size());
    } else {
      System.out.printf("Produced %d events to '%s' (%s)%s; skipped %d malformed rows.%n", sent, topic, format,
          labelsTopic == null ? "" : " and " + labelsSent + " labels to '" + labelsTopic + "', " + labelDelay + " rows later",
          skipped.size());
    }
    return 0;
  }

  private void send(CheckedProducer producer, String to, Event e) {
    byte[] value = format.equals("avro") ? Topics.EVENT.encode(e) : RowMapper.json(e).getBytes(StandardCharsets.UTF_8);
    producer.send(to, e.getKey() == null ? null : e.getKey().getBytes(StandardCharsets.UTF_8), value);
  }

  private void send(CheckedProducer producer, String to, Label l) {
    byte[] value = format.equals("avro") ? Topics.LABEL.encode(l) : RowMapper.json(l).getBytes(StandardCharsets.UTF_8);
    producer.send(to, l.getKey() == null ? null : l.getKey().getBytes(StandardCharsets.UTF_8), value);
  }

  private static CsvReader open(Path csv) throws java.io.IOException {
    try {
      return CsvReader.open(csv);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--csv: " + e.getMessage(), e);
    }
  }

  private static long countLines(Path file) throws java.io.IOException {
    try (var lines = Files.lines(file, StandardCharsets.UTF_8)) {
      return lines.filter(l -> !l.isBlank()).count();
    }
  }
}
