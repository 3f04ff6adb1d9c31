package dev.eddy.sinks;

import dev.eddy.schemas.DeadLetter;
import dev.eddy.schemas.DriftEvent;
import dev.eddy.schemas.ModelSnapshot;
import dev.eddy.schemas.Prediction;
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

  /** Predictions, keyed by model key. */
  public static final Output<Prediction> PREDICTIONS = new Output<>("predictions", Prediction.class, Prediction::getModelKey);
  /** Drift warnings and detections, keyed by model key. */
  public static final Output<DriftEvent> DRIFT = new Output<>("drift", DriftEvent.class, DriftEvent::getModelKey);
  /** Model versions, keyed by model key: the topic is compacted, so the latest snapshot per model stays. */
  public static final Output<ModelSnapshot> MODELS = new Output<>("models", ModelSnapshot.class, ModelSnapshot::getModelKey);
  /** Records that failed to decode or validate, with their bytes and the reason; unkeyed. */
  public static final Output<DeadLetter> DEAD_LETTER = new Output<>("dead-letter", DeadLetter.class, d -> null);

  private final String name;
  private final Class<T> type;
  private final SerializableKey<T> key;

  private Output(String name, Class<T> type, SerializableKey<T> key) {
    this.name = name;
    this.type = type;
    this.key = key;
  }

  /** Every output, in the order the job wires them. */
  public static List<Output<?>> all() {
    return List.of(PREDICTIONS, DRIFT, MODELS, DEAD_LETTER);
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

  @Override
  public String toString() {
    return name;
  }
}
