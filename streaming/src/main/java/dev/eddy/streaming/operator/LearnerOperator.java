package dev.eddy.streaming.operator;

import dev.eddy.learners.Prediction;
import dev.eddy.streaming.gpu.GpuPlacement;
import dev.eddy.streaming.gpu.LearnerDevice;
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
import org.apache.flink.metrics.Gauge;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.runtime.state.StateSnapshotContext;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;

/**
 * The keyed learner operator: one model per model key, kept in keyed state (RocksDB in every
 * deployment) in {@link ModelStateCodec}'s versioned form. For each event: find the key's model, test
 * then train ({@link ModelState#testThenTrain}), emit the prediction; drift signals and new model
 * versions go to the side outputs of {@link ModelOutputs}.
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
  /** Side output of drift warnings and detections. */
  public static final org.apache.flink.util.OutputTag<dev.eddy.schemas.DriftEvent> DRIFT_EVENTS = ModelOutputs.DRIFT;
  /** Side output of new model versions. */
  public static final org.apache.flink.util.OutputTag<dev.eddy.schemas.ModelSnapshot> MODEL_VERSIONS = ModelOutputs.MODELS;
  /** Decoded models kept in memory per subtask by default. */
  public static final int DEFAULT_CACHE_CAPACITY = 10_000;

  private ModelConfig config; // the job's; open() replaces it with the one placed on this subtask's device
  private final int cacheCapacity;
  private transient LearnerDevice device;
  private transient ValueState<byte[]> state;
  private transient ModelCache cache;
  private transient double[] scratch;
  private transient StreamRecord<dev.eddy.schemas.Prediction> reuse;
  private transient Counter predictions;
  private transient Counter learned;
  private transient ModelOutputs outputs;

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
    placeOnDevice();
    state = getPartitionedState(
        new ValueStateDescriptor<>(STATE_NAME, PrimitiveArrayTypeInfo.BYTE_PRIMITIVE_ARRAY_TYPE_INFO));
    cache = new ModelCache(cacheCapacity, LearnerDevice::release);
    scratch = new double[config.dimension()];
    reuse = new StreamRecord<>(null);
    predictions = getMetricGroup().counter("eddyPredictions");
    learned = getMetricGroup().counter("eddyLearned");
    outputs = new ModelOutputs(output, config.features());
  }

  @Override
  public void processElement(StreamRecord<InputEvent> record) throws Exception {
    InputEvent e = record.getValue();
    ModelOutputs events = outputs.at(e.modelKey, e.timestamp);
    ModelCache.Entry entry = cache.get(e.modelKey);
    if (entry == null) {
      byte[] stored = state.value();
      if (stored == null) {
        entry = new ModelCache.Entry(config.freshModel());
        events.newVersion(entry.model, "initial");
      } else {
        entry = new ModelCache.Entry(ModelStateCodec.decode(stored, config));
      }
      cache.put(e.modelKey, entry, this::writeBack);
    }
    ModelState model = entry.model;
    Prediction p = model.testThenTrain(e.features, e.label, scratch, events);
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

  /**
   * Takes the GPU Flink gave this TaskManager (if the learner wants one) and places the learner on
   * it ({@link LearnerDevice}); exposes the index as a gauge and, for mini-batch learners, checks
   * periodically for batches that waited their {@code max-wait}.
   */
  private void placeOnDevice() {
    device = LearnerDevice.open(config,
        getRuntimeContext().getExternalResourceInfos(GpuPlacement.RESOURCE),
        getRuntimeContext().getTaskInfo().getTaskNameWithSubtasks());
    config = device.config();
    getMetricGroup().gauge(LearnerDevice.GAUGE_INDEX, (Gauge<Integer>) device::gpuIndex);
    getMetricGroup().gauge(LearnerDevice.GAUGE_ON_GPU, (Gauge<Integer>) () -> device.onGpu() ? 1 : 0);
    long period = device.flushPeriodMillis();
    if (period > 0) {
      getProcessingTimeService().scheduleWithFixedDelay(time -> flushDueBatches(), period, period);
    }
  }

  /** Trains the mini-batches whose first example waited {@code max-wait}, so a quiet stream learns. */
  private void flushDueBatches() {
    cache.forEach(entry -> {
      device.checkRestored(entry.model);
      if (device.flushIfDue(entry.model)) {
        entry.dirty = true;
      }
    });
  }

  /** Releases every cached model's native resources (TensorFlow sessions), on success and failure. */
  @Override
  public void close() throws Exception {
    try {
      if (cache != null) {
        cache.closeAll();
      }
    } finally {
      super.close();
    }
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
