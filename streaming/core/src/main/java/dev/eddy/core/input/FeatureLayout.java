package dev.eddy.core.input;

import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;

/**
 * The spec's feature names and where each goes in the model's input vector, plus the checks every
 * input format shares: every feature present, numeric and finite; no unknown feature; a label the
 * task allows ({@link LabelRule}: events and the labels topic alike); a model key when the spec
 * keys models by the event's key. It also carries the newer writer schemas the Avro parsers accept
 * ({@code input.writer-schemas}).
 */
public final class FeatureLayout implements Serializable {
  private static final long serialVersionUID = 1L;
  /** The model key of events when the spec has no {@code input.model-key}. */
  public static final String GLOBAL_KEY = "global";

  private final List<String> names;
  private final Map<String, Integer> positions = new HashMap<>();
  private final boolean keyedByEventKey;
  private final LabelRule labels;
  private List<String> writerSchemas = List.of();

  /** The layout of a binary task. */
  public FeatureLayout(List<String> names, boolean keyedByEventKey) {
    this(names, keyedByEventKey, LabelRule.binary());
  }

  /**
   * @param names the spec's features, in the model's order
   * @param keyedByEventKey whether models are keyed by the event's key ({@code input.model-key: key})
   * @param labels what a label may be for the task
   */
  public FeatureLayout(List<String> names, boolean keyedByEventKey, LabelRule labels) {
    this.labels = labels;
    this.names = List.copyOf(names);
    for (int i = 0; i < names.size(); i++) {
      positions.put(names.get(i), i);
    }
    this.keyedByEventKey = keyedByEventKey;
  }

  /** This layout, whose Avro parsers also read records written with these newer schemas (their JSON). */
  public FeatureLayout withWriterSchemas(List<String> schemas) {
    this.writerSchemas = List.copyOf(schemas);
    return this;
  }

  /** The newer writer schemas of {@code type} (Event or Label) the Avro parsers accept. */
  public List<Schema> writerSchemasOf(Class<?> type) {
    String name = SpecificData.get().getSchema(type).getFullName();
    return writerSchemas.stream().map(text -> new Schema.Parser().parse(text))
        .filter(s -> s.getFullName().equals(name)).toList();
  }

  /** The spec's feature names, in the model's order. */
  public List<String> names() {
    return names;
  }

  public int dimension() {
    return names.size();
  }

  /** Position of a feature name, or -1 when the spec does not list it. */
  public int position(String name) {
    Integer p = positions.get(name);
    return p == null ? -1 : p;
  }

  /** A new vector to fill, every entry NaN = not seen yet. */
  public double[] newVector() {
    double[] v = new double[names.size()];
    java.util.Arrays.fill(v, Double.NaN);
    return v;
  }

  /** Sets one named feature, rejecting unknown names, duplicates and non-finite values. */
  public void set(double[] vector, String name, double value) throws InvalidEventException {
    int p = position(name);
    if (p < 0) {
      throw new InvalidEventException("unknown feature '" + name + "'; the spec's features are " + names);
    }
    if (!Double.isFinite(value)) {
      throw new InvalidEventException("feature '" + name + "' is not finite: " + value);
    }
    if (!Double.isNaN(vector[p])) {
      throw InvalidEventException.repeatedFeature(name);
    }
    vector[p] = value;
  }

  /** Fails naming the first feature that was never set. */
  public void requireComplete(double[] vector) throws InvalidEventException {
    for (int i = 0; i < vector.length; i++) {
      if (Double.isNaN(vector[i])) {
        throw new InvalidEventException("missing feature '" + names.get(i) + "'");
      }
    }
  }

  /**
   * Checks the id and label and picks the model key; returns the finished event.
   *
   * @param label the label as a number, or null
   * @param labelName the label as a class name, or null (an event without a label has neither)
   */
  public InputEvent event(String id, String key, long timestamp, double[] vector, Double label, String labelName)
      throws InvalidEventException {
    requireId(id);
    checkKeyAndTime(key, labelName, timestamp);
    requireComplete(vector);
    double encoded = label == null && labelName == null ? Double.NaN : labels.encode(label, labelName);
    return new InputEvent(id, modelKey(key), timestamp, vector, encoded);
  }

  /**
   * Checks a label of the labels topic the same way; {@code source} is the record it came in.
   * Exactly one of {@code label} and {@code labelName} is given.
   */
  public InputLabel label(String id, String key, long timestamp, Double label, String labelName, RawRecord source)
      throws InvalidEventException {
    requireId(id);
    checkKeyAndTime(key, labelName, timestamp);
    if (label == null && labelName == null) {
      throw new InvalidEventException("missing label");
    }
    return new InputLabel(id, modelKey(key), timestamp, labels.encode(label, labelName), source);
  }

  private static void requireId(String id) throws InvalidEventException {
    if (id == null || id.isEmpty()) {
      throw new InvalidEventException("missing id");
    }
    InputLimits.checkText("id", id);
  }

  /** The {@link InputLimits} of a record's key, class name and timestamp. */
  private static void checkKeyAndTime(String key, String labelName, long timestamp) throws InvalidEventException {
    InputLimits.checkText("key", key);
    InputLimits.checkText("class name", labelName);
    InputLimits.checkTimestamp(timestamp, System.currentTimeMillis());
  }

  /** The model key of an event or label: its key when models are keyed by it, else the global model's. */
  private String modelKey(String key) throws InvalidEventException {
    if (!keyedByEventKey) {
      return GLOBAL_KEY;
    }
    if (key == null || key.isEmpty()) {
      throw new InvalidEventException("missing key: the spec keys models by the event's key (input.model-key: key)");
    }
    return key;
  }
}
