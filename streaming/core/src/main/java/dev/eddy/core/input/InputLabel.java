package dev.eddy.core.input;

/**
 * A decoded, validated label from the labels topic: the id of the event it belongs to, the model key
 * that routes it to its model, and the record it came in (dead-lettered with its bytes when its event
 * never comes). A Flink POJO.
 */
public class InputLabel {
  public String id;
  public String modelKey;
  public long timestamp;
  public double label;
  public RawRecord source;

  public InputLabel() {}

  public InputLabel(String id, String modelKey, long timestamp, double label, RawRecord source) {
    this.id = id;
    this.modelKey = modelKey;
    this.timestamp = timestamp;
    this.label = label;
    this.source = source;
  }
}
