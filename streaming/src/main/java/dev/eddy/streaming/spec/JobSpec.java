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
 * @param drift drift detection and retraining
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
    Drift drift,
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
   * Drift detection and retraining.
   *
   * @param detector concept-drift detector type over the prequential errors, or null for none
   * @param detectorParams its parameters
   * @param retrain retraining policy name (reset, background, window)
   * @param retrainParams its parameters
   * @param featureDetector feature-drift detector type run on every raw feature, or null for none
   * @param featureDetectorParams its parameters
   * @param featureRetrain whether a feature DRIFT also triggers retraining (default: alert only)
   */
  public record Drift(
      String detector,
      Map<String, String> detectorParams,
      String retrain,
      Map<String, String> retrainParams,
      String featureDetector,
      Map<String, String> featureDetectorParams,
      boolean featureRetrain)
      implements Serializable {
    /** No detection: the model is never replaced. */
    public static final Drift NONE = new Drift(null, Map.of(), "reset", Map.of(), null, Map.of(), false);
  }

  /**
   * @param interval checkpoint interval
   * @param guarantee output delivery guarantee
   * @param directory checkpoint storage URI, or null for the environment's default
   */
  public record Checkpoint(Duration interval, Guarantee guarantee, String directory)
      implements Serializable {}
}
