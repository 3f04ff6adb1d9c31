package dev.eddy.core.spec;

import dev.eddy.core.guard.GuardConfig;
import dev.eddy.core.kafka.KafkaConnection;
import dev.eddy.learners.Task;
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
 * @param classes multiclass: the allowed labels, as written in the spec, in class-index order; else
 *     empty
 * @param checkpoint checkpointing and output guarantee
 * @param parallelism job parallelism; 0 = the environment's default
 * @param models how often a model's current parameters are published on the models topic
 * @param labels how labels that arrive after their event (on the labels topic) are matched
 * @param metrics the job's opt-in metrics
 * @param guard the guard against poisoned training data ({@link GuardConfig#OFF} when absent)
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
    List<String> classes,
    Checkpoint checkpoint,
    int parallelism,
    Models models,
    Labels labels,
    Metrics metrics,
    GuardConfig guard)
    implements Serializable {

  /**
   * The job's metrics (README "Monitoring").
   *
   * @param keySeries per-key quality series for the this many model keys with the most examples in each subtask (an
   *     opt-in: every other metric is per subtask, so the series do not grow with the keys); 0 = none
   */
  public record Metrics(int keySeries) implements Serializable {
    /** The most per-key series a spec may ask for, per subtask. */
    public static final int MAX_KEY_SERIES = 100;
  }

  /**
   * Labels that come on the labels topic, after (or before) their event.
   *
   * @param format the labels' encoding: a name of {@link dev.eddy.core.input.EventFormats}
   * @param pendingWait how long a predicted event waits for its label before it is dropped and counted as expired
   * @param earlyWait how long a label that came before its event waits for it before it is dead-lettered
   * @param eventTime the waits are measured in event time (from the event's and the label's timestamps,
   *     ended by the watermark) instead of processing time
   * @param outOfOrder event time: how far a record's timestamp may lag the latest one seen (the watermark's delay)
   * @param idleInput event time: an input partition silent this long stops holding the watermark back
   */
  public record Labels(String format, java.time.Duration pendingWait, java.time.Duration earlyWait, boolean eventTime,
      java.time.Duration outOfOrder, java.time.Duration idleInput) implements Serializable {
    /** Waits in processing time. */
    public Labels(String format, java.time.Duration pendingWait, java.time.Duration earlyWait) {
      this(format, pendingWait, earlyWait, false, java.time.Duration.ZERO, DEFAULT_IDLE_INPUT);
    }

    /** How long a silent input partition holds the event-time watermark back by default. */
    public static final java.time.Duration DEFAULT_IDLE_INPUT = java.time.Duration.ofMinutes(1);
  }

  /**
   * @param publishEvery a model's current parameters go to the models topic (as an update of its
   *     version) after every this many labelled examples; 0 = only when a version is born
   * @param publishInitial whether a key's fresh model goes to the models topic at birth ({@code reason:
   *     initial}); {@code models.publish-initial}, by default only without {@code input.model-key} (with a
   *     million keys, a record per new key cost more than the learning)
   * @param replicas {@code models.replicas} and {@code models.merge-every} (one global model trained data-parallel)
   */
  public record Models(long publishEvery, Duration idleTtl, boolean publishInitial, Replicas replicas) implements Serializable {
    /** One replica per model ({@link Replicas#ONE}). */
    public Models(long publishEvery, Duration idleTtl, boolean publishInitial) {
      this(publishEvery, idleTtl, publishInitial, Replicas.ONE);
    }

    /** Models kept however long their keys are idle. */
    public Models(long publishEvery) {
      this(publishEvery, null);
    }

    /** Each fresh model published at birth. */
    public Models(long publishEvery, Duration idleTtl) {
      this(publishEvery, idleTtl, true);
    }

    /** The default cadence. */
    public static final long DEFAULT_PUBLISH_EVERY = 10_000;
    /**
     * The largest model snapshot record the models topic and its producer take (the topic's
     * {@code max.message.bytes}, the sink's {@code max.request.size}); a spec whose model would be
     * larger is refused at start.
     */
    public static final int MAX_SNAPSHOT_BYTES = 64 << 20;
  }

  /**
   * Kafka connection and topics.
   *
   * @param connection bootstrap servers and client properties, shared by every client of the job
   * @param groupId the consumer group of the job's sources
   */
  public record Kafka(KafkaConnection connection, Topics topics, String groupId) implements Serializable {
    /** The Kafka property that sets the output transactions' timeout. */
    public static final String TRANSACTION_TIMEOUT = "transaction.timeout.ms";
    /** The transaction timeout when {@code kafka.properties} does not set one: the broker's default maximum. */
    public static final Duration DEFAULT_TRANSACTION_TIMEOUT = Duration.ofMinutes(15);

    /** The bootstrap servers. */
    public String bootstrap() {
      return connection.bootstrap();
    }

    /**
     * How long an output transaction may stay open before the broker aborts it:
     * {@code kafka.properties.transaction.timeout.ms}, else {@link #DEFAULT_TRANSACTION_TIMEOUT}.
     */
    public Duration transactionTimeout() {
      String ms = connection.properties().get(TRANSACTION_TIMEOUT);
      return ms == null ? DEFAULT_TRANSACTION_TIMEOUT : Duration.ofMillis(Long.parseLong(ms.trim()));
    }
  }

  /** Topic names; each defaults to its role's name. */
  public record Topics(
      String events,
      String labels,
      String predictions,
      String drift,
      String models,
      String deadLetter)
      implements Serializable {
    /** The topic of a role: {@code events}, {@code labels}, or an output's name ({@code predictions}, ...). */
    public String of(String role) {
      return switch (role) {
        case "events" -> events;
        case "labels" -> labels;
        case "predictions" -> predictions;
        case "drift" -> drift;
        case "models" -> models;
        case "dead-letter" -> deadLetter;
        default -> throw new IllegalArgumentException("no topic role '" + role + "'");
      };
    }

    /** The output and input topics Eddy creates when missing. */
    public List<String> all() {
      return List.of(events, labels, predictions, drift, models, deadLetter);
    }
  }

  /**
   * @param format encoding of events: a name of {@link dev.eddy.core.input.EventFormats}
   * @param modelKey {@code key} (the event's key field) or null for one global model
   * @param writerSchemas newer Event/Label schemas (their JSON) whose Avro records the job reads too
   *     ({@code input.writer-schemas}, checked readable at load)
   */
  public record Input(String format, String modelKey, List<String> writerSchemas) implements Serializable {
    /** No newer writer schemas. */
    public Input(String format, String modelKey) {
      this(format, modelKey, List.of());
    }
  }

  /**
   * @param type learner type name, e.g. {@code pa-i}
   * @param params hyperparameters by name, as written in the spec
   */
  public record Learner(String type, Map<String, String> params, Selection selection) implements Serializable {
    /** A learner that races against no other. */
    public Learner(String type, Map<String, String> params) {
      this(type, params, Selection.NONE);
    }
  }

  /**
   * Online model selection ({@code learner.candidates}, {@code learner.selection}): the spec's learner
   * and these candidates all learn from every labelled example; the best windowed prequential score
   * serves (see {@link dev.eddy.core.model.CandidateRace}).
   *
   * @param candidates the learners that race against the spec's own ({@code learner.type}), which is
   *     candidate 0 and serves first; empty = no selection
   * @param window the labelled examples each candidate's score covers
   * @param margin how much lower (0/1 error rate, or mean absolute error) a candidate's windowed loss
   *     must be than the serving one's before it takes over
   */
  public record Selection(List<Learner> candidates, int window, double margin) implements Serializable {
    /** No candidates. */
    public static final Selection NONE = new Selection(List.of(), 1000, 0.01);

    public Selection {
      candidates = List.copyOf(candidates);
    }
  }

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
   * @param timeout how long a checkpoint may take before it is declared failed
   * @param acceptLostTransactions resume past a completed checkpoint whose Kafka transaction the
   *     broker aborted before its commit (its outputs are lost), instead of failing the job
   */
  public record Checkpoint(Duration interval, Guarantee guarantee, String directory, Duration timeout,
      boolean acceptLostTransactions)
      implements Serializable {}
}
