package dev.eddy.schemas.codec;

import dev.eddy.schemas.DeadLetter;
import dev.eddy.schemas.DriftEvent;
import dev.eddy.schemas.Event;
import dev.eddy.schemas.Label;
import dev.eddy.schemas.ModelSnapshot;
import dev.eddy.schemas.Prediction;
import dev.eddy.schemas.QuarantinedEvent;
import dev.eddy.schemas.ReplicaContribution;
import java.util.List;

/**
 * The codecs of every record type Eddy puts on Kafka, so that tools (consume, tests) can decode a
 * record from any Eddy topic by trying the codecs: the single-object fingerprint tells which.
 */
public final class Topics {
  public static final AvroCodec<Event> EVENT = AvroCodec.of(Event.class);
  public static final AvroCodec<Label> LABEL = AvroCodec.of(Label.class);
  public static final AvroCodec<Prediction> PREDICTION = AvroCodec.of(Prediction.class);
  public static final AvroCodec<DriftEvent> DRIFT = AvroCodec.of(DriftEvent.class);
  public static final AvroCodec<ModelSnapshot> MODEL = AvroCodec.of(ModelSnapshot.class);
  public static final AvroCodec<DeadLetter> DEAD_LETTER = AvroCodec.of(DeadLetter.class);
  public static final AvroCodec<QuarantinedEvent> QUARANTINED = AvroCodec.of(QuarantinedEvent.class);
  /** A replica's contribution to a merge round, on a job's internal replica-sync topic. */
  public static final AvroCodec<ReplicaContribution> REPLICA_CONTRIBUTION = AvroCodec.of(ReplicaContribution.class);

  /** All codecs, in the order {@link #decodeAny} tries them. */
  public static final List<AvroCodec<?>> ALL =
      List.of(PREDICTION, EVENT, LABEL, DRIFT, MODEL, DEAD_LETTER, QUARANTINED, REPLICA_CONTRIBUTION);

  private Topics() {}

  /**
   * Decodes bytes of any Eddy record type, or returns null when no schema's fingerprint matches.
   */
  public static org.apache.avro.specific.SpecificRecordBase decodeAny(byte[] bytes) {
    for (AvroCodec<?> codec : ALL) {
      try {
        return codec.decode(bytes);
      } catch (java.io.IOException | RuntimeException e) {
        // not this schema: try the next one
      }
    }
    return null;
  }
}
