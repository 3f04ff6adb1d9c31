package dev.eddy.streaming.spec;

import dev.eddy.learners.Task;
import dev.eddy.sinks.Guarantee;
import java.io.Serializable;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A validated job spec: what the user wrote in {@code job.yaml}, with defaults filled in. Built only
 * by {@link JobSpecReader}, which rejects unknown keys and bad values naming the field.
 *
 * @param name job name (also the Kafka consumer group and transactional-id prefix)
 * @param kafka connection and topic names
 * @param input event format and model key
 * @param features feature names, in the order the model sees them
 * @param standardize whether features are z-scored incrementally before learning
 * @param learner learner type and hyperparameters
 * @param task the learning task
 * @param checkpoint checkpointing and output guarantee
 * @param parallelism job parallelism; 0 = the environment's default
 */
public record JobSpec(
    String name,
    Kafka kafka,
    Input input,
    List<String> features,
    boolean standardize,
    Learner learner,
    Task task,
    Checkpoint checkpoint,
    int parallelism)
    implements Serializable {

  /** Kafka connection and topics. */
  public record Kafka(String bootstrap, Topics topics, String groupId) implements Serializable {}

  /** Topic names; each defaults to its role's name. */
  public record Topics(
      String events,
      String labels,
      String predictions,
      String drift,
      String models,
      String deadLetter)
      implements Serializable {
    /** The output and input topics Eddy creates when missing. */
    public List<String> all() {
      return List.of(events, labels, predictions, drift, models, deadLetter);
    }
  }

  /** How events are encoded on the events topic. */
  public enum Format {
    AVRO,
    JSON
  }

  /**
   * @param format encoding of events
   * @param modelKey {@code key} (the event's key field) or null for one global model
   */
  public record Input(Format format, String modelKey) implements Serializable {}

  /**
   * @param type learner type name, e.g. {@code pa-i}
   * @param params hyperparameters by name, as written in the spec
   */
  public record Learner(String type, Map<String, String> params) implements Serializable {}

  /**
   * @param interval checkpoint interval
   * @param guarantee output delivery guarantee
   * @param directory checkpoint storage URI, or null for the environment's default
   */
  public record Checkpoint(Duration interval, Guarantee guarantee, String directory)
      implements Serializable {}
}
