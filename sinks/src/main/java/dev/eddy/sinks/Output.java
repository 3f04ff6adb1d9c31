package dev.eddy.sinks;

import dev.eddy.schemas.DeadLetter;
import dev.eddy.schemas.DriftEvent;
import dev.eddy.schemas.ModelSnapshot;
import dev.eddy.schemas.Prediction;
import dev.eddy.schemas.QuarantinedEvent;
import dev.eddy.schemas.ReplicaContribution;
import dev.eddy.sinks.AvroRecordSerializer.SerializableKey;
import java.io.Serializable;
import java.util.List;
import org.apache.avro.specific.SpecificRecordBase;

/**
 * The registry of the job's output topics: each is one Avro record type, one name (the spec's topic
 * role, the side-output tag's id and the sink's uid prefix) and one Kafka key. A new output is one
 * constant here; {@link EddySinks#sink} and the job's side outputs are derived from it.
 *
 * @param <T> the record type written to the topic
 */
public final class Output<T extends SpecificRecordBase> implements Serializable {
  private static final long serialVersionUID = 1L;
  /** Kafka's default {@code max.request.size}: 1 MiB. */
  private static final int DEFAULT_MAX_RECORD_BYTES = 1 << 20;

  /** Predictions, keyed by model key. */
  public static final Output<Prediction> PREDICTIONS =
      new Output<>("predictions", Prediction.class, Prediction::getModelKey, DEFAULT_MAX_RECORD_BYTES);
  /** Drift warnings and detections, keyed by model key. */
  public static final Output<DriftEvent> DRIFT =
      new Output<>("drift", DriftEvent.class, DriftEvent::getModelKey, DEFAULT_MAX_RECORD_BYTES);
  /**
   * Model versions, keyed by model key: the topic is compacted, so the latest snapshot per model
   * stays. A snapshot holds every parameter of a model, so its records may be large (64 MiB, the
   * models topic's {@code max.message.bytes} as the job's preflight sets it).
   */
  public static final Output<ModelSnapshot> MODELS =
      new Output<>("models", ModelSnapshot.class, ModelSnapshot::getModelKey, 64 << 20);
  /** Records that failed to decode or validate, with their bytes and the reason; unkeyed. */
  public static final Output<DeadLetter> DEAD_LETTER =
      new Output<>("dead-letter", DeadLetter.class, d -> null, DEFAULT_MAX_RECORD_BYTES);

  /**
   * Events the poisoning guard kept from learning ({@code guard.max-z}), keyed by model key; written
   * only when the spec names {@code guard.quarantine-topic}.
   */
  public static final Output<QuarantinedEvent> QUARANTINE =
      new Output<>("quarantine", QuarantinedEvent.class, QuarantinedEvent::getModelKey, DEFAULT_MAX_RECORD_BYTES);

  /**
   * The contributions of a data-parallel global model's replicas to its merge rounds ({@code
   * models.replicas}), keyed by model key; an internal topic of the job, read back by the job itself.
   * A contribution holds a whole learner, so it may be as large as a model snapshot.
   */
  public static final Output<ReplicaContribution> REPLICA_SYNC =
      new Output<>("replica-sync", ReplicaContribution.class, ReplicaContribution::getModelKey, 64 << 20);

  private final String name;
  private final Class<T> type;
  private final SerializableKey<T> key;
  private final int maxRecordBytes;

  private Output(String name, Class<T> type, SerializableKey<T> key, int maxRecordBytes) {
    this.name = name;
    this.type = type;
    this.key = key;
    this.maxRecordBytes = maxRecordBytes;
  }

  /** Every output, in the order the job wires them (the quarantine only when the spec asks for it). */
  public static List<Output<?>> all() {
    return List.of(PREDICTIONS, DRIFT, MODELS, DEAD_LETTER, QUARANTINE);
  }

  /** The output's role name: its topic's key in the spec, its tag and the prefix of its sink's uid. */
  public String name() {
    return name;
  }

  public Class<T> type() {
    return type;
  }

  SerializableKey<T> key() {
    return key;
  }

  /** The largest record the output's producer sends ({@code max.request.size}). */
  public int maxRecordBytes() {
    return maxRecordBytes;
  }

  @Override
  public String toString() {
    return name;
  }
}
