package dev.eddy.job.operator;

import dev.eddy.core.input.EarlyLabelCodec;
import dev.eddy.core.input.InputLabel;
import dev.eddy.core.metrics.EddyMetric;
import dev.eddy.core.model.PendingCodec;
import dev.eddy.core.model.Scored;
import dev.eddy.core.spec.JobSpec;
import dev.eddy.job.metrics.FlinkMetrics;
import java.time.Duration;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Histogram;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.streaming.api.operators.InternalTimerService;

/**
 * The keyed state of labels that arrive apart from their events, for one model key at a time (the
 * operator's current key): events that wait for their label ({@code eddy-pending}, by event id, with
 * a processing-time timer at their deadline), labels that came before their event ({@code
 * eddy-early}, likewise), and the ids already labelled ({@code eddy-labelled}, kept for
 * {@code labels.wait}) so that a second label is recognised and ignored. All of it is checkpointed
 * with the model, so a restore loses no waiting event and learns from each label once.
 */
final class LabelWaits {
  /** Names of the keyed states; part of savepoint compatibility, never rename. */
  static final String PENDING = "eddy-pending";
  static final String EARLY = "eddy-early";
  static final String LABELLED = "eddy-labelled";

  private final long pendingWaitMs;
  private final long earlyWaitMs;
  private final MapState<String, byte[]> pending;
  private final MapState<String, byte[]> early;
  private final MapState<String, Boolean> labelled;
  private final InternalTimerService<String> pendingTimers;
  private final InternalTimerService<String> earlyTimers;
  private final Counter matched;
  private final Counter expired;
  private final Counter earlyCount;
  private final Counter duplicates;
  private final Counter waiting;
  private final Histogram delay;

  LabelWaits(JobSpec.Labels spec, StateAccess states, InternalTimerService<String> pendingTimers,
      InternalTimerService<String> earlyTimers, MetricGroup metrics) throws Exception {
    this.pendingWaitMs = spec.pendingWait().toMillis();
    this.earlyWaitMs = spec.earlyWait().toMillis();
    this.pending = states.map(new MapStateDescriptor<>(PENDING, Types.STRING, PrimitiveArrayTypeInfo.BYTE_PRIMITIVE_ARRAY_TYPE_INFO));
    this.early = states.map(new MapStateDescriptor<>(EARLY, Types.STRING, PrimitiveArrayTypeInfo.BYTE_PRIMITIVE_ARRAY_TYPE_INFO));
    MapStateDescriptor<String, Boolean> labelledDescriptor = new MapStateDescriptor<>(LABELLED, Types.STRING, Types.BOOLEAN);
    labelledDescriptor.enableTimeToLive(StateTtlConfig.newBuilder(Duration.ofMillis(pendingWaitMs))
        .setStateVisibility(StateTtlConfig.StateVisibility.NeverReturnExpired)
        .cleanupInRocksdbCompactFilter(1000)
        .build());
    this.labelled = states.map(labelledDescriptor);
    this.pendingTimers = pendingTimers;
    this.earlyTimers = earlyTimers;
    this.matched = FlinkMetrics.counter(metrics, EddyMetric.LABELS_MATCHED);
    this.expired = FlinkMetrics.counter(metrics, EddyMetric.LABELS_EXPIRED);
    this.earlyCount = FlinkMetrics.counter(metrics, EddyMetric.LABELS_EARLY);
    this.duplicates = FlinkMetrics.counter(metrics, EddyMetric.LABELS_DUPLICATE);
    this.waiting = FlinkMetrics.counter(metrics, EddyMetric.LABELS_WAITING);
    this.delay = FlinkMetrics.histogram(metrics, EddyMetric.LABEL_DELAY);
  }

  /** Creates keyed state for {@link LabelWaits} (the operator's {@code getPartitionedState}). */
  @FunctionalInterface
  interface StateAccess {
    <V> MapState<String, V> map(MapStateDescriptor<String, V> descriptor) throws Exception;
  }

  /**
   * An unlabelled event was predicted: returns its label if it came first (and stops that label's
   * wait), else keeps the event waiting until its deadline and returns null.
   */
  InputLabel eventWithoutLabel(String id, Scored scored, long eventTime, long now) throws Exception {
    byte[] first = early.get(id);
    if (first != null) {
      EarlyLabelCodec.Early e = EarlyLabelCodec.decode(first);
      early.remove(id);
      earlyTimers.deleteProcessingTimeTimer(id, e.deadline());
      markLabelled(id);
      return e.label();
    }
    long deadline = now + pendingWaitMs;
    pending.put(id, PendingCodec.encode(scored, eventTime, deadline));
    pendingTimers.registerProcessingTimeTimer(id, deadline);
    waiting.inc();
    return null;
  }

  /**
   * A label arrived: returns its waiting event (which stops waiting), or null after keeping the label
   * waiting for its event, or ignoring it (and counting it) when the event was labelled already.
   */
  PendingCodec.Pending label(InputLabel label, long now) throws Exception {
    byte[] waiting = pending.get(label.id);
    if (waiting != null) {
      PendingCodec.Pending p = PendingCodec.decode(waiting);
      pending.remove(label.id);
      pendingTimers.deleteProcessingTimeTimer(label.id, p.deadline());
      markLabelled(label.id);
      delay.update(now - (p.deadline() - pendingWaitMs));
      return p;
    }
    if (labelled.contains(label.id) || early.contains(label.id)) {
      duplicates.inc();
      return null;
    }
    long deadline = now + earlyWaitMs;
    early.put(label.id, EarlyLabelCodec.encode(label, deadline));
    earlyTimers.registerProcessingTimeTimer(label.id, deadline);
    earlyCount.inc();
    return null;
  }

  private void markLabelled(String id) throws Exception {
    labelled.put(id, Boolean.TRUE);
    matched.inc();
  }

  /** The event {@code id} waited long enough: it is dropped and counted. */
  void pendingDeadline(String id) throws Exception {
    if (pending.contains(id)) {
      pending.remove(id);
      expired.inc();
    }
  }

  /** The label of event {@code id} waited long enough for it: returns it (for the dead letter), or null. */
  InputLabel earlyDeadline(String id) throws Exception {
    byte[] e = early.get(id);
    if (e == null) {
      return null;
    }
    early.remove(id);
    return EarlyLabelCodec.decode(e).label();
  }
}
