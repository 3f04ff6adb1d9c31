package dev.eddy.streaming.operator;

import dev.eddy.drift.DriftDetector;
import dev.eddy.drift.Signal;
import dev.eddy.drift.retrain.Outcome;
import dev.eddy.learners.codec.LearnerCodec;
import dev.eddy.schemas.DriftEvent;
import dev.eddy.schemas.DriftKind;
import dev.eddy.schemas.DriftLevel;
import dev.eddy.schemas.ModelSnapshot;
import dev.eddy.streaming.model.ModelEvents;
import dev.eddy.streaming.model.ModelState;
import java.nio.ByteBuffer;
import java.util.List;
import org.apache.flink.streaming.api.operators.Output;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.util.OutputTag;

/**
 * Turns a model's drift signals and new versions into records on the operator's side outputs:
 * {@link #DRIFT} (to the drift topic) and {@link #MODELS} (to the compacted models topic). Holds the
 * key and event time of the event being processed.
 */
final class ModelOutputs implements ModelEvents {
  static final OutputTag<DriftEvent> DRIFT = new OutputTag<>("drift", new org.apache.flink.formats.avro.typeutils.AvroTypeInfo<>(DriftEvent.class));
  static final OutputTag<ModelSnapshot> MODELS = new OutputTag<>("models", new org.apache.flink.formats.avro.typeutils.AvroTypeInfo<>(ModelSnapshot.class));

  private final Output<?> output;
  private final List<String> featureNames;
  private String modelKey;
  private long eventTime;

  ModelOutputs(Output<?> output, List<String> featureNames) {
    this.output = output;
    this.featureNames = featureNames;
  }

  /** Sets the event being processed. */
  ModelOutputs at(String modelKey, long eventTime) {
    this.modelKey = modelKey;
    this.eventTime = eventTime;
    return this;
  }

  @Override
  public void conceptSignal(Signal signal, DriftDetector detector, long position, Outcome outcome, long version) {
    emit(detector, signal, DriftKind.CONCEPT, null, position, outcome.action().specName(), version);
  }

  @Override
  public void featureSignal(int feature, Signal signal, DriftDetector detector, long position) {
    emit(detector, signal, DriftKind.FEATURE, featureNames.get(feature), position, "none", -1);
  }

  private void emit(DriftDetector d, Signal s, DriftKind kind, String feature, long position, String action, long version) {
    output.collect(DRIFT, new StreamRecord<>(DriftEvent.newBuilder()
        .setModelKey(modelKey)
        .setDetector(d.type())
        .setLevel(s == Signal.DRIFT ? DriftLevel.DRIFT : DriftLevel.WARNING)
        .setKind(kind)
        .setFeature(feature)
        .setPosition(position)
        .setStatistics(d.statistics())
        .setAction(action)
        .setModelVersion(version)
        .setTimestamp(eventTime)
        .build()));
  }

  @Override
  public void newVersion(ModelState model, String reason) {
    var champion = model.champion();
    output.collect(MODELS, new StreamRecord<>(ModelSnapshot.newBuilder()
        .setModelKey(modelKey)
        .setVersion(model.version())
        .setLearnerType(champion.type())
        .setHyperparameters(champion.hyperparameters())
        .setParameters(ByteBuffer.wrap(LearnerCodec.encode(champion)))
        .setStandardizer(model.standardizer() == null ? null : ByteBuffer.wrap(model.standardizer().toBytes()))
        .setMetrics(model.metrics().toMap())
        .setExamples(champion.examplesSeen())
        .setReason(reason)
        .setTimestamp(eventTime)
        .build()));
  }
}
