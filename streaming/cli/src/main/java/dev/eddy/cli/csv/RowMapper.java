package dev.eddy.cli.csv;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.eddy.schemas.Event;
import dev.eddy.schemas.Label;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Maps the rows of a CSV file to events and labels for {@code bin/eddy produce}, knowing which columns
 * play which role (id, key, label, timestamp); every other column is a numeric feature.
 */
public final class RowMapper {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final List<String> header;
  private final int id;
  private final int key;
  private final int label;
  private final int timestamp;

  public RowMapper(List<String> header, String idColumn, String keyColumn, String labelColumn, String timestampColumn) {
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

  /** The names of the feature columns: every column that is not the id, key, label or timestamp column. */
  public List<String> featureColumns() {
    List<String> features = new java.util.ArrayList<>();
    for (int c = 0; c < header.size(); c++) {
      if (c != id && c != key && c != label && c != timestamp) {
        features.add(header.get(c));
      }
    }
    return features;
  }

  /** The row as an event; with {@code withLabel} false, without its label (sent apart on the labels topic). */
  public Event event(CsvRow row, long now, boolean withLabel) {
    Map<String, Double> features = new LinkedHashMap<>();
    for (int c = 0; c < header.size(); c++) {
      if (c != id && c != key && c != label && c != timestamp) {
        features.put(header.get(c), number(row.cell(c), header.get(c)));
      }
    }
    String labelCell = !withLabel || label < 0 ? "" : row.cell(label).trim();
    boolean named = !labelCell.isEmpty() && !isNumber(labelCell);
    return Event.newBuilder()
        .setId(id(row))
        .setKey(key(row))
        .setTimestamp(timestamp(row, now))
        .setFeatures(features)
        .setLabel(labelCell.isEmpty() || named ? null : number(labelCell, header.get(label)))
        .setLabelName(named ? labelCell : null) // a class name (multiclass)
        .build();
  }

  /** The row's label for the labels topic, or null when its label cell is empty (needs the label column). */
  public Label label(CsvRow row, long now) {
    if (label < 0) {
      throw new IllegalArgumentException("--label-column is required to produce labels");
    }
    String cell = row.cell(label).trim();
    if (cell.isEmpty()) {
      return null;
    }
    boolean named = !isNumber(cell);
    return Label.newBuilder().setId(id(row)).setKey(key(row)).setTimestamp(timestamp(row, now))
        .setLabel(named ? null : number(cell, header.get(label)))
        .setLabelName(named ? cell : null) // a class name (multiclass)
        .build();
  }

  private String id(CsvRow row) {
    return id < 0 ? "row-" + row.line() : row.cell(id);
  }

  private String key(CsvRow row) {
    return key < 0 || row.cell(key).isEmpty() ? null : row.cell(key);
  }

  private long timestamp(CsvRow row, long now) {
    return timestamp < 0 ? now : (long) number(row.cell(timestamp), header.get(timestamp));
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
  public static String json(Event e) {
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
    return write(m);
  }

  /** The JSON label format the job reads with {@code labels.format: json}. */
  public static String json(Label l) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", l.getId());
    if (l.getKey() != null) {
      m.put("key", l.getKey());
    }
    m.put("timestamp", l.getTimestamp());
    m.put("label", l.getLabel() != null ? l.getLabel() : l.getLabelName());
    return write(m);
  }

  private static String write(Map<String, Object> m) {
    try {
      return JSON.writeValueAsString(m);
    } catch (JsonProcessingException ex) {
      throw new IllegalStateException("cannot write record " + m.get("id") + " as JSON", ex);
    }
  }
}
