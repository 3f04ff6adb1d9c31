package dev.eddy.streaming.operator;

import dev.eddy.learners.Prediction;
import dev.eddy.streaming.model.ModelConfig;
import dev.eddy.streaming.model.ModelState;
import dev.eddy.streaming.model.ModelStateCodec;
import dev.eddy.streaming.source.InputEvent;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * The keyed learner operator: one model per model key, in keyed state (RocksDB in every deployment),
 * stored in {@link ModelStateCodec}'s versioned form. For each event: load the model, test then train
 * ({@link ModelState#testThenTrain}), emit the prediction, store the model. Thin by design: all the
 * learning is in the pure-Java modules.
 */
public final class LearnerFunction extends KeyedProcessFunction<String, InputEvent, dev.eddy.schemas.Prediction> {
  private static final long serialVersionUID = 1L;
  /** Name of the keyed state; part of savepoint compatibility, never rename. */
  public static final String STATE_NAME = "eddy-model";

  private final ModelConfig config;
  private transient ValueState<byte[]> state;
  private transient double[] scratch;
  private transient Counter predictions;
  private transient Counter learned;

  public LearnerFunction(ModelConfig config) {
    this.config = config;
  }

  @Override
  public void open(OpenContext context) {
    state = getRuntimeContext().getState(
        new ValueStateDescriptor<>(STATE_NAME, PrimitiveArrayTypeInfo.BYTE_PRIMITIVE_ARRAY_TYPE_INFO));
    scratch = new double[config.dimension()];
    predictions = getRuntimeContext().getMetricGroup().counter("eddyPredictions");
    learned = getRuntimeContext().getMetricGroup().counter("eddyLearned");
  }

  @Override
  public void processElement(InputEvent e, Context ctx, Collector<dev.eddy.schemas.Prediction> out)
      throws Exception {
    byte[] stored = state.value();
    ModelState model = stored == null ? config.freshModel() : ModelStateCodec.decode(stored);
    Prediction p = model.testThenTrain(e.features, e.label, scratch);
    out.collect(
        dev.eddy.schemas.Prediction.newBuilder()
            .setId(e.id)
            .setModelKey(e.modelKey)
            .setModelVersion(model.version())
            .setScore(p.score())
            .setPredictedLabel(p.label())
            .setProbability(p.hasProbability() ? p.probability() : null)
            .setLabel(e.hasLabel() ? e.label : null)
            .setEventTime(e.timestamp)
            .setProcessedAt(System.currentTimeMillis())
            .build());
    predictions.inc();
    if (e.hasLabel()) {
      learned.inc();
    }
    state.update(ModelStateCodec.encode(model));
  }
}
