package dev.eddy.job.operator;

import dev.eddy.core.guard.GuardConfig;
import dev.eddy.core.guard.Outlier;
import dev.eddy.core.input.InputEvent;
import dev.eddy.core.input.InputLabel;
import dev.eddy.core.input.ModelInput;
import dev.eddy.core.metrics.EddyMetric;
import dev.eddy.core.model.DriftSignal;
import dev.eddy.core.model.Learned;
import dev.eddy.core.model.ModelConfig;
import dev.eddy.core.model.ModelPrototype;
import dev.eddy.core.model.ModelState;
import dev.eddy.core.model.ModelStateCodec;
import dev.eddy.core.model.OutputRecords;
import dev.eddy.core.model.PendingCodec;
import dev.eddy.core.model.Scored;
import dev.eddy.core.spec.JobSpec;
import dev.eddy.core.spec.Replicas;
import dev.eddy.job.gpu.GpuPlacement;
import dev.eddy.job.gpu.LearnerDevice;
import dev.eddy.job.metrics.FlinkMetrics;
import dev.eddy.job.metrics.LearnerMetrics;
import dev.eddy.job.replica.ReplicaKeys;
import dev.eddy.job.replica.ReplicaRounds;
import dev.eddy.job.source.RecordDecoder;
import dev.eddy.schemas.DeadLetter;
import dev.eddy.schemas.DriftEvent;
import dev.eddy.schemas.ModelSnapshot;
import dev.eddy.schemas.Prediction;
import dev.eddy.sinks.Output;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.common.typeutils.base.LongSerializer;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.runtime.state.StateSnapshotContext;
import org.apache.flink.runtime.state.VoidNamespace;
import org.apache.flink.runtime.state.VoidNamespaceSerializer;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.InternalTimer;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.api.operators.Triggerable;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.util.OutputTag;

/**
 * The keyed learner operator: one model per model key, kept in keyed state (RocksDB in every
 * deployment) in {@link ModelStateCodec}'s versioned form. For each event: find the key's model, run
 * the predict half of its step ({@link ModelState#predict}) and emit the prediction; when the event
 * carries its label, run the learn half ({@link ModelState#learn}). What the halves return becomes
 * records ({@link OutputRecords}): drift signals and new model versions go to the side outputs of
 * {@link Output#DRIFT} and {@link Output#MODELS}.
 *
 * <p>Decoded models of recently used keys live in a {@link ModelCache} and are written back to keyed
 * state when the operator is snapshotted (and on eviction), so the per-event cost does not include
 * serializing the model; a checkpoint or savepoint captures exactly the state after the events before its barrier.
 * Thin by design: all the learning is in the pure-Java modules.
 */
public final class LearnerOperator extends AbstractStreamOperator<Prediction>
    implements OneInputStreamOperator<ModelInput, Prediction> {
  private static final long serialVersionUID = 1L;
  /** Name of the keyed state; part of savepoint compatibility, never rename. */
  public static final String STATE_NAME = "eddy-model";
  /** Name of the keyed state of a key's label counts (matched, expired); never rename. */
  static final String LABEL_COUNTS = "eddy-label-counts";
  private static final OutputTag<DriftEvent> DRIFT = OutputTags.of(Output.DRIFT);
  private static final OutputTag<ModelSnapshot> MODELS = OutputTags.of(Output.MODELS);
  private static final OutputTag<DeadLetter> DEAD_LETTERS = OutputTags.of(Output.DEAD_LETTER);
  private static final String[] NO_CATEGORIES = new String[0];
  /** Labels that waited in vain for their events are dead-lettered with this reason. */
  public static final String NO_EVENT = "no event for label";
  /** How long labels wait when the operator is built without a spec's labels section. */
  public static final JobSpec.Labels DEFAULT_LABELS =
      new JobSpec.Labels("avro", java.time.Duration.ofDays(7), java.time.Duration.ofMinutes(1));
  /** Decoded models kept in memory per subtask by default. */
  public static final int DEFAULT_CACHE_CAPACITY = 10_000;

  private ModelConfig config; // the job's; open() replaces it with the one placed on this subtask's device
  private transient ModelPrototype prototype; // config's, set up once: fresh models are copies of it
  private final int cacheCapacity;
  private final long publishEvery;
  private final JobSpec.Labels labelsSpec;
  private final long idleTtlMs;
  private transient IdleModels idle; // null without models.idle-ttl
  private transient LabelWaits labels;
  private transient LearnerDevice device;
  private transient ValueState<byte[]> state;
  private transient ValueState<long[]> labelCounts;
  private transient ModelCache cache;
  private transient StreamRecord<Prediction> reuse;
  private transient LearnerMetrics metrics;
  private GuardConfig guardConfig = GuardConfig.OFF;
  private boolean publishInitial = true;
  private transient GuardGate guard;
  private ReplicaKeys replicaKeys; // null unless models.replicas > 1
  private Replicas cadence; // merge-every and merge-interval, with replicaKeys
  private transient ReplicaRounds rounds;

  public LearnerOperator(ModelConfig config) {
    this(config, DEFAULT_CACHE_CAPACITY, JobSpec.Models.DEFAULT_PUBLISH_EVERY, DEFAULT_LABELS);
  }

  /**
   * @param cacheCapacity decoded models kept in memory per subtask (at least 1)
   * @param publishEvery publish a model's current parameters after every this many labelled
   *     examples (0 = only when a version is born), so the compacted models topic holds a recent
   *     trained model of every key
   * @param labels how long events wait for their labels, and labels for their events
   */
  public LearnerOperator(ModelConfig config, int cacheCapacity, long publishEvery, JobSpec.Labels labels) {
    this(config, cacheCapacity, publishEvery, labels, null);
  }

  /** @param idleTtl drop a key's model after this long without an event ({@link IdleModels}); null = never */
  public LearnerOperator(ModelConfig config, int cacheCapacity, long publishEvery, JobSpec.Labels labels,
      java.time.Duration idleTtl) {
    if (cacheCapacity < 1) {
      throw new IllegalArgumentException("cacheCapacity must be >= 1, got " + cacheCapacity);
    }
    if (publishEvery < 0) {
      throw new IllegalArgumentException("publishEvery must be >= 0, got " + publishEvery);
    }
    this.config = config;
    this.cacheCapacity = cacheCapacity;
    this.publishEvery = publishEvery;
    this.labelsSpec = labels;
    this.idleTtlMs = idleTtl == null ? 0 : idleTtl.toMillis();
  }

  /**
   * This operator publishing a key's fresh model at birth ({@code reason: initial}) or not
   * ({@code models.publish-initial}); published by default.
   */
  public LearnerOperator publishingInitial(boolean publish) {
    this.publishInitial = publish;
    return this;
  }

  /** This operator with the poisoning guard of {@code config} (README "Security"); off by default. */
  public LearnerOperator guarded(GuardConfig config) {
    this.guardConfig = config;
    return this;
  }

  /**
   * This operator as the replicas of one global model ({@code models.replicas}): keyed by {@code keys},
   * contributing every {@code cadence.mergeEvery()} labelled examples and/or every {@code
   * cadence.mergeInterval()} of processing time, and adopting each merge round ({@link ReplicaRounds}).
   */
  public LearnerOperator replicated(ReplicaKeys keys, Replicas cadence) {
    this.replicaKeys = keys;
    this.cadence = cadence;
    return this;
  }

  @Override
  public void open() throws Exception {
    super.open();
    placeOnDevice();
    prototype = ModelPrototype.of(config);
    state = getPartitionedState(
        new ValueStateDescriptor<>(STATE_NAME, PrimitiveArrayTypeInfo.BYTE_PRIMITIVE_ARRAY_TYPE_INFO));
    cache = new ModelCache(cacheCapacity, LearnerDevice::release);
    reuse = new StreamRecord<>(null);
    metrics = LearnerMetrics.of(getMetricGroup(), getExecutionConfig(), config, cache::size);
    labelCounts = getPartitionedState(
        new ValueStateDescriptor<>(LABEL_COUNTS, PrimitiveArrayTypeInfo.LONG_PRIMITIVE_ARRAY_TYPE_INFO));
    labels = new LabelWaits(labelsSpec, getPartitionedState(bytesByEventId(LabelWaits.PENDING)),
        getPartitionedState(bytesByEventId(LabelWaits.EARLY)),
        deadlines(LabelWaits.PENDING_DEADLINES, "eddy-pending-expiry", new Deadlines(true)),
        deadlines(LabelWaits.EARLY_DEADLINES, "eddy-early-expiry", new Deadlines(false)),
        getMetricGroup());
    var droppedIdle = FlinkMetrics.counter(getMetricGroup(), EddyMetric.MODELS_DROPPED_IDLE);
    if (idleTtlMs > 0) {
      idle = new IdleModels(idleTtlMs, getPartitionedState(new ValueStateDescriptor<>(IdleModels.LAST_SEEN, Types.LONG)),
          getInternalTimerService("eddy-idle", VoidNamespaceSerializer.INSTANCE, new IdleTimer()), droppedIdle);
    }
    guard = new GuardGate(guardConfig, getPartitionedState(new ValueStateDescriptor<>(GuardGate.RATE_STATE,
        PrimitiveArrayTypeInfo.DOUBLE_PRIMITIVE_ARRAY_TYPE_INFO)), metrics.group());
    // registered with one model too (0 rounds), so every job reports the same metrics
    var replicaRounds = FlinkMetrics.counter(getMetricGroup(), EddyMetric.REPLICA_ROUNDS);
    var mergeTime = FlinkMetrics.histogram(getMetricGroup(), EddyMetric.REPLICA_MERGE_TIME);
    if (replicaKeys != null) {
      rounds = new ReplicaRounds(replicaKeys, cadence.mergeEvery(), cadence.mergeIntervalMillis(),
          getInternalTimerService("eddy-replica-merge", VoidNamespaceSerializer.INSTANCE, new MergeTimer()),
          getPartitionedState(new ValueStateDescriptor<>(ReplicaRounds.STATE_NAME,
              PrimitiveArrayTypeInfo.BYTE_PRIMITIVE_ARRAY_TYPE_INFO)), replicaRounds, mergeTime);
    }
  }

  private static MapStateDescriptor<String, byte[]> bytesByEventId(String name) {
    return new MapStateDescriptor<>(name, Types.STRING, PrimitiveArrayTypeInfo.BYTE_PRIMITIVE_ARRAY_TYPE_INFO);
  }

  private DeadlineBuckets deadlines(String listName, String timersName, Deadlines onTimer) throws Exception {
    return new DeadlineBuckets(getOrCreateKeyedState(LongSerializer.INSTANCE, new ListStateDescriptor<>(listName, Types.STRING)),
        getInternalTimerService(timersName, VoidNamespaceSerializer.INSTANCE, onTimer), labelsSpec.eventTime());
  }

  @Override
  public void processElement(StreamRecord<ModelInput> record) throws Exception {
    ModelInput in = record.getValue();
    if (in.event != null) {
      event(in.event);
    } else if (in.label != null) {
      label(in.label);
    } else { // a replica's contribution to a merge round (models.replicas)
      ModelCache.Entry entry = model(stateKey(), now());
      rounds.received(stateKey(), entry.model, in.sync.contribution, now(), output);
      entry.dirty = true;
    }
  }

  /** An event: predicted at once; learned from now if it carries its label (or its label came first), else later. */
  private void event(InputEvent e) throws Exception {
    String key = stateKey();
    ModelCache.Entry entry = model(key, e.timestamp);
    if (idle != null) {
      entry.lastSeen = now();
    }
    ModelState model = entry.model;
    Outlier outlier = guard.screen(model, e.features);
    Scored scored = outlier == null ? model.predict(e.features) : model.predict(e.features, NO_CATEGORIES, outlier.statistics());
    if (rounds != null) {
      rounds.observe(key, model, outlier == null ? e.features : outlier.statistics());
    }
    for (DriftSignal s : scored.featureDrifts()) {
      output.collect(DRIFT, new StreamRecord<>(OutputRecords.drift(e.modelKey, s, e.timestamp)));
    }
    output.collect(reuse.replace(OutputRecords.prediction(e.id, e.modelKey, model.config(), scored,
        e.hasLabel() ? e.label : null, e.timestamp, System.currentTimeMillis())));
    metrics.predicted(e.timestamp, System.currentTimeMillis(), scored.featureDrifts());
    if (outlier != null) { // predicted, not learned (its label, if it comes later, finds no waiting event)
      guard.refuse(e, model, scored, outlier, output);
      entry.dirty = true;
      return;
    }
    double label = e.label;
    long labelTime = e.timestamp;
    if (!e.hasLabel()) {
      InputLabel first = labels.eventWithoutLabel(entry, e.id, scored, e.timestamp, waitsFrom(e.timestamp));
      label = first == null ? Double.NaN : first.label;
      labelTime = first == null ? labelTime : first.timestamp;
    }
    if (!Double.isNaN(label) && guard.admit(entry, e.timestamp, labelTime)) {
      learn(key, entry, scored, label, e.timestamp);
    }
    entry.dirty = true;
  }

  /** A label from the labels topic: its waiting event is learned from now, or the label waits for its event. */
  private void label(InputLabel l) throws Exception {
    String key = stateKey();
    PendingCodec.Pending waiting = labels.label(cache.get(key), l, waitsFrom(l.timestamp));
    if (waiting != null) {
      ModelCache.Entry entry = model(key, waiting.eventTime());
      entry.labelsMatched++;
      if (guard.admit(entry, waiting.eventTime(), l.timestamp)) {
        learn(key, entry, waiting.scored(), l.label, l.timestamp);
      }
      entry.dirty = true;
    }
  }

  private void learn(String key, ModelCache.Entry entry, Scored scored, double label, long timestamp) throws IOException {
    Learned result = guard.learn(entry.model, scored, label);
    emit(key, entry, result, timestamp);
    metrics.learned(key, entry.model, scored.prediction(), label, result);
    if (rounds != null) {
      rounds.learned(key, entry.model, timestamp, output);
    }
  }

  /**
   * The key of the current record's state: the model key, or with {@code models.replicas} the
   * replica's internal key ({@link ReplicaKeys}); its models-topic records and
   * concept-drift events carry it, its predictions the model key.
   */
  private String stateKey() {
    return (String) getCurrentKey();
  }

  private long now() {
    return getProcessingTimeService().getCurrentProcessingTime();
  }

  /** When the wait of a record of this timestamp starts: its timestamp in event time, now in processing time. */
  private long waitsFrom(long timestamp) {
    return labelsSpec.eventTime() ? timestamp : now();
  }

  /**
   * The end of a bounded input (the largest watermark) ends no wait: the waiting events and labels
   * stay in state for the next run, as in processing time, instead of all expiring at once.
   */
  @Override
  public void processWatermark(Watermark mark) throws Exception {
    if (mark.getTimestamp() == Long.MAX_VALUE) {
      output.emitWatermark(mark);
      return;
    }
    super.processWatermark(mark);
  }

  /** A second in which deadlines of waiting events ({@code pending}) or of labels that came first passed. */
  private final class Deadlines implements Triggerable<String, VoidNamespace> {
    private final boolean pending;

    Deadlines(boolean pending) {
      this.pending = pending;
    }

    @Override
    public void onProcessingTime(InternalTimer<String, VoidNamespace> timer) throws Exception {
      passed(timer);
    }

    @Override
    public void onEventTime(InternalTimer<String, VoidNamespace> timer) throws Exception {
      passed(timer); // labels.time: event
    }

    private void passed(InternalTimer<String, VoidNamespace> timer) throws Exception {
      if (pending) {
        int dropped = labels.pendingDeadlines(timer.getTimestamp());
        if (dropped > 0) {
          countExpired(timer.getKey(), dropped);
        }
        return;
      }
      for (InputLabel orphan : labels.earlyDeadlines(timer.getTimestamp())) {
        output.collect(DEAD_LETTERS, new StreamRecord<>(RecordDecoder.deadLetter(orphan.source, NO_EVENT)));
        metrics.orphanLabel();
      }
    }

  }

  /** A replica's merge interval passed ({@code models.merge-interval}): it contributes what it has, if anything. */
  private final class MergeTimer implements Triggerable<String, VoidNamespace> {
    @Override
    public void onProcessingTime(InternalTimer<String, VoidNamespace> timer) throws Exception {
      ModelCache.Entry entry = model(timer.getKey(), timer.getTimestamp());
      rounds.tick(timer.getKey(), entry.model, output);
      entry.dirty = true;
    }

    @Override
    public void onEventTime(InternalTimer<String, VoidNamespace> timer) {
      // the merge interval is in processing time
    }
  }

  /** A key's idle check ({@link IdleModels}): drops its model when it saw no event for the TTL. */
  private final class IdleTimer implements Triggerable<String, VoidNamespace> {
    @Override
    public void onProcessingTime(InternalTimer<String, VoidNamespace> timer) throws Exception {
      String key = timer.getKey();
      if (idle == null || !idle.idle(cache.get(key), timer.getTimestamp())) {
        return;
      }
      ModelCache.Entry entry = cache.remove(key);
      byte[] stored = entry == null ? state.value() : null;
      if (entry == null && stored == null) {
        idle.forget(); // a stamp without a model (a fresh one never written back): nothing to drop
        return;
      }
      ModelState model = entry != null ? entry.model : ModelStateCodec.decode(stored, prototype);
      long[] counts = entry != null ? new long[] {entry.labelsMatched, entry.labelsExpired} : labelCounts.value();
      try {
        output.collect(MODELS, new StreamRecord<>(OutputRecords.snapshot(key, model, OutputRecords.IDLE, timer.getTimestamp(),
            counts == null ? 0 : counts[0], counts == null ? 0 : counts[1])));
      } finally {
        LearnerDevice.release(model);
      }
      state.clear();
      labelCounts.clear();
      labels.clear();
      guard.clear();
      idle.dropped();
    }

    @Override
    public void onEventTime(InternalTimer<String, VoidNamespace> timer) {
      // idleness is in processing time
    }
  }

  /** Adds to the key's expired count: in its cached entry, or straight in keyed state. */
  private void countExpired(String key, int dropped) throws IOException {
    ModelCache.Entry entry = cache.get(key);
    if (entry != null) {
      entry.labelsExpired += dropped;
      entry.dirty = true;
      return;
    }
    long[] counts = labelCounts.value();
    labelCounts.update(new long[] {counts == null ? 0 : counts[0], (counts == null ? 0 : counts[1]) + dropped});
  }

  /** The key's model: cached, or restored from keyed state, or a fresh one (published as version 1 unless told not to). */
  private ModelCache.Entry model(String key, long timestamp) throws IOException {
    ModelCache.Entry entry = cache.get(key);
    if (entry == null) {
      byte[] stored = state.value();
      if (stored == null) {
        entry = new ModelCache.Entry(prototype.fresh());
        if (publishInitial) {
          output.collect(MODELS, new StreamRecord<>(OutputRecords.snapshot(key, entry.model, "initial", timestamp)));
        }
      } else {
        entry = new ModelCache.Entry(ModelStateCodec.decode(stored, prototype));
      }
      long[] counts = labelCounts.value();
      if (counts != null) {
        entry.labelsMatched = counts[0];
        entry.labelsExpired = counts[1];
      }
      cache.put(key, entry, this::writeBack);
      if (idle != null) {
        idle.loaded(entry, stored == null, now());
      }
      metrics.modelLookup(false, stored == null);
    } else {
      metrics.modelLookup(true, false);
    }
    return entry;
  }

  /** Emits what the learn half reported: a concept-drift signal, a new model version. */
  private void emit(String key, ModelCache.Entry entry, Learned learned, long timestamp) {
    if (learned.signal() != null) {
      output.collect(DRIFT, new StreamRecord<>(OutputRecords.drift(key, learned.signal(), timestamp)));
    }
    if (learned.newVersion()) {
      publish(key, entry, learned.newVersionReason(), timestamp);
    } else if (publishEvery > 0 && entry.model.labelled() % publishEvery == 0) {
      publish(key, entry, OutputRecords.UPDATE, timestamp);
    }
  }

  private void publish(String key, ModelCache.Entry entry, String reason, long timestamp) {
    output.collect(MODELS, new StreamRecord<>(
        OutputRecords.snapshot(key, entry.model, reason, timestamp, entry.labelsMatched, entry.labelsExpired)));
  }

  /** Runs before the keyed state backend is snapshotted, for checkpoints and savepoints alike. */
  @Override
  public void snapshotState(StateSnapshotContext context) throws Exception {
    cache.flush(this::writeBack);
    if (rounds != null) {
      rounds.flush(this);
    }
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
    if (rounds != null) {
      rounds.flush(this);
    }
    super.finish();
  }

  /** Stores one model (and its label counts) under its key, then restores the key context of the current record. */
  private void writeBack(String key, ModelCache.Entry entry) {
    Object current = getCurrentKey();
    setCurrentKey(key);
    try {
      state.update(ModelStateCodec.encode(entry.model));
      guard.store(entry);
      if (entry.labelsMatched + entry.labelsExpired > 0) {
        labelCounts.update(new long[] {entry.labelsMatched, entry.labelsExpired});
      }
      if (idle != null) {
        idle.writeBack(entry);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot store the model of key " + key, e);
    } finally {
      if (current != null) {
        setCurrentKey(current);
      }
    }
  }
}
