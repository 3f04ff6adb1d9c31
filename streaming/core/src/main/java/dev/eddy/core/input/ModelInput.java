package dev.eddy.core.input;

/**
 * What a model receives: an event or a label from the labels topic, or with {@code models.replicas}
 * a replica's contribution to a merge round (exactly one is set). Both inputs
 * of the job become one stream of these, keyed by model key, so that one keyed operator owns a
 * model, its waiting events and its early labels. A Flink POJO.
 */
public class ModelInput {
  public InputEvent event;
  public InputLabel label;
  public SyncInput sync;

  public ModelInput() {}

  public static ModelInput of(InputEvent event) {
    ModelInput in = new ModelInput();
    in.event = event;
    return in;
  }

  public static ModelInput of(InputLabel label) {
    ModelInput in = new ModelInput();
    in.label = label;
    return in;
  }

  public static ModelInput of(SyncInput sync) {
    ModelInput in = new ModelInput();
    in.sync = sync;
    return in;
  }

  /** The input's timestamp (the event's, or the label's), epoch milliseconds: its event time. */
  public long timestamp() {
    return event != null ? event.timestamp : label != null ? label.timestamp : 0;
  }

  /** The model key that routes this input (null for a replica's contribution: routed by its replica). */
  public String modelKey() {
    return event != null ? event.modelKey : label != null ? label.modelKey : null;
  }
}
