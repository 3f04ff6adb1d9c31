package dev.eddy.core.model;

import dev.eddy.drift.Signal;
import dev.eddy.learners.codec.LearnerCodec;
import dev.eddy.schemas.DriftEvent;
import dev.eddy.schemas.DriftKind;
import dev.eddy.schemas.DriftLevel;
import dev.eddy.schemas.ModelSnapshot;
import dev.eddy.schemas.Prediction;
import dev.eddy.schemas.codec.Topics;
import java.nio.ByteBuffer;

/**
 * Turns what a {@link ModelState} step returned into the records of the output topics. Pure, so the
 * job's operator and {@code bin/eddy evaluate} write the same records for the same step.
 */
public final class OutputRecords {
  /** The reason of a model snapshot published periodically, as an update of its current version. */
  public static final String UPDATE = "update";

  private OutputRecords() {}

  /**
   * The prediction record of an event.
   *
   * @param label the event's label when it came with the event, else null
   */
  public static Prediction prediction(
      String id, String modelKey, Scored scored, Double label, long eventTime, long processedAt) {
    var p = scored.prediction();
    return Prediction.newBuilder()
        .setId(id)
        .setModelKey(modelKey)
        .setModelVersion(scored.version())
        .setScore(p.score())
        .setPredictedLabel(p.label())
        .setProbability(p.hasProbability() ? p.probability() : null)
        .setLabel(label)
        .setEventTime(eventTime)
        .setProcessedAt(processedAt)
        .build();
  }

  /** The drift-topic record of a concept or feature drift signal. */
  public static DriftEvent drift(String modelKey, DriftSignal s, long timestamp) {
    return DriftEvent.newBuilder()
        .setModelKey(modelKey)
        .setDetector(s.detector())
        .setLevel(s.level() == Signal.DRIFT ? DriftLevel.DRIFT : DriftLevel.WARNING)
        .setKind(s.isConcept() ? DriftKind.CONCEPT : DriftKind.FEATURE)
        .setFeature(s.feature())
        .setPosition(s.position())
        .setStatistics(s.statistics())
        .setAction(s.action())
        .setModelVersion(s.version())
        .setTimestamp(timestamp)
        .build();
  }

  /** The size in bytes of {@code model}'s snapshot record as the models topic stores it (Avro single-object encoding). */
  public static int snapshotBytes(ModelState model) {
    return Topics.MODEL.encode(snapshot("", model, "size", 0)).length;
  }

  /** The models-topic record of the model's current version: champion, standardizer, metrics. */
  public static ModelSnapshot snapshot(String modelKey, ModelState model, String reason, long timestamp) {
    var champion = model.champion();
    return ModelSnapshot.newBuilder()
        .setModelKey(modelKey)
        .setVersion(model.version())
        .setLearnerType(champion.type())
        .setHyperparameters(champion.hyperparameters())
        .setParameters(ByteBuffer.wrap(LearnerCodec.encode(champion)))
        .setStandardizer(model.standardizer() == null ? null : ByteBuffer.wrap(model.standardizer().toBytes()))
        .setMetrics(model.metrics().toMap())
        .setExamples(champion.examplesSeen())
        .setReason(reason)
        .setTimestamp(timestamp)
        .build();
  }
}
