package dev.eddy.cli;

import dev.eddy.cli.csv.CsvReader;
import dev.eddy.cli.csv.CsvRow;
import dev.eddy.cli.demo.Progress;
import dev.eddy.core.kafka.CheckedProducer;
import dev.eddy.core.kafka.KafkaConnection;
import dev.eddy.core.kafka.TopicAdmin;
import dev.eddy.schemas.Event;
import dev.eddy.schemas.codec.Topics;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
    try (CsvReader reader = open(csv)) { // a bad header or column option fails before Kafka is asked
      RowMapper mapper = new RowMapper(reader.header(), idColumn, keyColumn, labelColumn, timestampColumn);
      TopicAdmin.ensureTopics(connection, List.of(topic), 1, java.util.Set.of()); // as `run` does
      return produce(reader, mapper, connection, rows);
    }
  }

  private int produce(CsvReader reader, RowMapper mapper, KafkaConnection connection, long rows) throws Exception {
    long sent = 0;
    List<String> skipped = new ArrayList<>();
    try (CheckedProducer producer = new CheckedProducer(connection);
        ProgressBar bar = Progress.bar("producing", rows)) {
      for (CsvRow row; (row = reader.next()) != null; ) {
        bar.step();
        if (row.isMalformed()) {
          skipped.add(row.describe());
          continue;
        }
        Event event;
        try {
          event = mapper.event(row, System.currentTimeMillis());
        } catch (IllegalArgumentException e) {
          skipped.add("line " + row.line() + ": " + e.getMessage());
          continue;
        }
        byte[] value = format.equals("avro")
            ? Topics.EVENT.encode(event)
            : RowMapper.json(event).getBytes(StandardCharsets.UTF_8);
        byte[] key = event.getKey() == null ? null : event.getKey().getBytes(StandardCharsets.UTF_8);
        producer.send(topic, key, value);
        sent++;
      }
      producer.flush();
    } catch (IllegalStateException e) {
      System.err.println("eddy produce: not every event was written to '" + topic + "': " + e.getMessage());
      return 1;
    }
    for (String s : skipped) {
      System.err.println("skipped " + s);
    }
    System.out.printf("Produced %d events to '%s' (%s); skipped %d malformed rows.%n", sent, topic, format, skipped.size());
    return 0;
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

  /** Maps CSV rows to events, knowing which columns play which role. */
  static final class RowMapper {
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();
    private final List<String> header;
    private final int id;
    private final int key;
    private final int label;
    private final int timestamp;

    RowMapper(List<String> header, String idColumn, String keyColumn, String labelColumn, String timestampColumn) {
      this.header = header;
      this.id = column(header, idColumn, "--id-column");
      this.key = column(header, keyColumn, "--key-column");
      this.label = column(header, labelColumn, "--label-column");
      this.timestamp = column(header, timestampColumn, "--timestamp-column");
    }

    private static int column(List<String> header, String name, String option) {
      if (name == null) {
        return -1;
      }
      int i = header.indexOf(name);
      if (i < 0) {
        throw new IllegalArgumentException(option + ": no column '" + name + "' in the header " + header);
      }
      return i;
    }

    Event event(CsvRow row, long now) {
      Map<String, Double> features = new LinkedHashMap<>();
      for (int c = 0; c < header.size(); c++) {
        if (c != id && c != key && c != label && c != timestamp) {
          features.put(header.get(c), number(row.cell(c), header.get(c)));
        }
      }
      String labelCell = label < 0 ? "" : row.cell(label).trim();
      boolean named = !labelCell.isEmpty() && !isNumber(labelCell);
      return Event.newBuilder()
          .setId(id < 0 ? "row-" + row.line() : row.cell(id))
          .setKey(key < 0 || row.cell(key).isEmpty() ? null : row.cell(key))
          .setTimestamp(timestamp < 0 ? now : (long) number(row.cell(timestamp), header.get(timestamp)))
          .setFeatures(features)
          .setLabel(labelCell.isEmpty() || named ? null : number(labelCell, header.get(label)))
          .setLabelName(named ? labelCell : null) // a class name (multiclass)
          .build();
    }

    private static boolean isNumber(String cell) {
      try {
        Double.parseDouble(cell);
        return true;
      } catch (NumberFormatException e) {
        return false;
      }
    }

    private static double number(String cell, String column) {
      try {
        double v = Double.parseDouble(cell.trim());
        if (!Double.isFinite(v)) {
          throw new IllegalArgumentException("column '" + column + "' is not finite: " + cell);
        }
        return v;
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("column '" + column + "' is not a number: '" + cell + "'");
      }
    }

    /** The JSON event format the job reads with {@code input.format: json}. */
    static String json(Event e) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", e.getId());
      if (e.getKey() != null) {
        m.put("key", e.getKey());
      }
      m.put("timestamp", e.getTimestamp());
      m.put("features", e.getFeatures());
      if (e.getLabel() != null) {
        m.put("label", e.getLabel());
      } else if (e.getLabelName() != null) {
        m.put("label", e.getLabelName());
      }
      try {
        return JSON.writeValueAsString(m);
      } catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
        throw new IllegalStateException("cannot write event " + e.getId() + " as JSON", ex);
      }
    }
  }
}
