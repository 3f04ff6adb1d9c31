package dev.eddy.core.input;

import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The spec's feature names and where each goes in the model's input vector, plus the checks every
 * input format shares: every feature present, numeric and finite; no unknown feature; a usable
 * label; a model key when the spec keys models by the event's key.
 */
public final class FeatureLayout implements Serializable {
  private static final long serialVersionUID = 1L;
  /** The model key of events when the spec has no {@code input.model-key}. */
  public static final String GLOBAL_KEY = "global";

  private final List<String> names;
  private final Map<String, Integer> positions = new HashMap<>();
  private final boolean keyedByEventKey;

  public FeatureLayout(List<String> names, boolean keyedByEventKey) {
    this.names = List.copyOf(names);
    for (int i = 0; i < names.size(); i++) {
      positions.put(names.get(i), i);
    }
    this.keyedByEventKey = keyedByEventKey;
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

  /** Checks the id and label and picks the model key; returns the finished event. */
  public InputEvent event(String id, String key, long timestamp, double[] vector, Double label)
      throws InvalidEventException {
    requireId(id);
    requireComplete(vector);
    return new InputEvent(id, modelKey(key), timestamp, vector, label == null ? Double.NaN : checkLabel(label));
  }

  /** Checks a label of the labels topic the same way; {@code source} is the record it came in. */
  public InputLabel label(String id, String key, long timestamp, double label, RawRecord source)
      throws InvalidEventException {
    requireId(id);
    return new InputLabel(id, modelKey(key), timestamp, checkLabel(label), source);
  }

  private static void requireId(String id) throws InvalidEventException {
    if (id == null || id.isEmpty()) {
      throw new InvalidEventException("missing id");
    }
  }

  private static double checkLabel(double label) throws InvalidEventException {
    if (label != 0.0 && label != 1.0 && label != -1.0) {
      throw new InvalidEventException("label must be 0, 1 or -1 for a binary task, got " + label);
    }
    return label;
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
