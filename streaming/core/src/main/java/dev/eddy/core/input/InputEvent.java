package dev.eddy.core.input;

/**
 * A decoded, validated event: its features in the spec's order, ready for the learner. A Flink POJO.
 * {@code label} is NaN when the event carries no label.
 */
public class InputEvent {
  public String id;
  public String modelKey;
  public long timestamp;
  public double[] features;
  public double label = Double.NaN;

  public InputEvent() {}

  public InputEvent(String id, String modelKey, long timestamp, double[] features, double label) {
    this.id = id;
    this.modelKey = modelKey;
    this.timestamp = timestamp;
    this.features = features;
    this.label = label;
  }

  public boolean hasLabel() {
    return !Double.isNaN(label);
  }
}
