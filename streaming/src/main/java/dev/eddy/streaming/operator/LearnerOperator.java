package dev.eddy.streaming.operator;

import dev.eddy.learners.Prediction;
import dev.eddy.streaming.model.ModelConfig;
import dev.eddy.streaming.model.ModelState;
import dev.eddy.streaming.model.ModelStateCodec;
import dev.eddy.streaming.source.InputEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.runtime.state.StateSnapshotContext;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;

/**
 * The keyed learner operator: one model per model key, kept in keyed state (RocksDB in every
 * deployment) in {@link ModelStateCodec}'s versioned form. For each event: find the key's model, test
 * then train ({@link ModelState#testThenTrain}), emit the prediction.
 *
 * <p>Decoded models of recently used keys live in a {@link ModelCache} and are written back to keyed
 * state when the operator is snapshotted (and on eviction), so the per-event cost does not include
 * serializing the model; a checkpoint or savepoint captures exactly the state after the events before its barrier.
 * Thin by design: all the learning is in the pure-Java modules.
 */
public final class LearnerOperator extends AbstractStreamOperator<dev.eddy.schemas.Prediction>
    implements OneInputStreamOperator<InputEvent, dev.eddy.schemas.Prediction> {
  private static final long serialVersionUID = 1L;
  /** Name of the keyed state; part of savepoint compatibility, never rename. */
  public static final String STATE_NAME = "eddy-model";
  /** Decoded models kept in memory per subtask by default. */
  public static final int DEFAULT_CACHE_CAPACITY = 10_000;

  private final ModelConfig config;
  private final int cacheCapacity;
  private transient ValueState<byte[]> state;
  private transient ModelCache cache;
  private transient double[] scratch;
  private transient StreamRecord<dev.eddy.schemas.Prediction> reuse;
  private transient Counter predictions;
  private transient Counter learned;

  public LearnerOperator(ModelConfig config) {
    this(config, DEFAULT_CACHE_CAPACITY);
  }

  /** @param cacheCapacity decoded models kept in memory per subtask (at least 1) */
  public LearnerOperator(ModelConfig config, int cacheCapacity) {
    if (cacheCapacity < 1) {
      throw new IllegalArgumentException("cacheCapacity must be >= 1, got " + cacheCapacity);
    }
    this.config = config;
    this.cacheCapacity = cacheCapacity;
  }

  @Override
  public void open() throws Exception {
    super.open();
    state = getPartitionedState(
        new ValueStateDescriptor<>(STATE_NAME, PrimitiveArrayTypeInfo.BYTE_PRIMITIVE_ARRAY_TYPE_INFO));
    cache = new ModelCache(cacheCapacity);
    scratch = new double[config.dimension()];
    reuse = new StreamRecord<>(null);
    predictions = getMetricGroup().counter("eddyPredictions");
    learned = getMetricGroup().counter("eddyLearned");
  }

  @Override
  public void processElement(StreamRecord<InputEvent> record) throws Exception {
    InputEvent e = record.getValue();
    ModelCache.Entry entry = cache.get(e.modelKey);
    if (entry == null) {
      byte[] stored = state.value();
      entry = new ModelCache.Entry(stored == null ? config.freshModel() : ModelStateCodec.decode(stored));
      cache.put(e.modelKey, entry, this::writeBack);
    }
    ModelState model = entry.model;
    Prediction p = model.testThenTrain(e.features, e.label, scratch);
    entry.dirty = true;
    output.collect(reuse.replace(
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
            .build()));
    predictions.inc();
    if (e.hasLabel()) {
      learned.inc();
    }
  }

  /** Runs before the keyed state backend is snapshotted, for checkpoints and savepoints alike. */
  @Override
  public void snapshotState(StateSnapshotContext context) throws Exception {
    cache.flush(this::writeBack);
    super.snapshotState(context);
  }

  @Override
  public void finish() throws Exception {
    cache.flush(this::writeBack);
    super.finish();
  }

  /** Stores one model under its key, then restores the key context of the current record. */
  private void writeBack(String key, ModelState model) {
    Object current = getCurrentKey();
    setCurrentKey(key);
    try {
      state.update(ModelStateCodec.encode(model));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot store the model of key " + key, e);
    } finally {
      if (current != null) {
        setCurrentKey(current);
      }
    }
  }
}
