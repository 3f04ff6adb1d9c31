package dev.eddy.job.operator;

import dev.eddy.core.input.EarlyLabelCodec;
import dev.eddy.core.input.InputLabel;
import dev.eddy.core.metrics.EddyMetric;
import dev.eddy.core.model.PendingCodec;
import dev.eddy.core.model.Scored;
import dev.eddy.core.spec.JobSpec;
import dev.eddy.job.metrics.FlinkMetrics;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Histogram;
import org.apache.flink.metrics.MetricGroup;

/**
 * The keyed state of labels that arrive apart from their events, for one model key at a time (the
 * operator's current key): events that wait for their label ({@code eddy-pending}, by event id) and
 * labels that came before their event ({@code eddy-early}), each with its deadline in a
 * {@link DeadlineBuckets}. An event whose label came stays in {@code eddy-pending} as an empty marker
 * until its deadline, so that a second label is recognised and ignored (and no second state holds
 * the labelled ids). All of it is
 * checkpointed with the model, so a restore loses no waiting event and learns from each label once.
 */
final class LabelWaits {
  /** Names of the keyed states; part of savepoint compatibility, never rename. */
  static final String PENDING = "eddy-pending";
  static final String EARLY = "eddy-early";
  static final String PENDING_DEADLINES = "eddy-pending-by-second";
  static final String EARLY_DEADLINES = "eddy-early-by-second";
  /** What {@code eddy-pending} holds for an event already labelled: no valid frame is empty. */
  private static final byte[] LABELLED = new byte[0];

  private final long pendingWaitMs;
  private final long earlyWaitMs;
  private final MapState<String, byte[]> pending;
  private final MapState<String, byte[]> early;
  private final DeadlineBuckets pendingDeadlines;
  private final DeadlineBuckets earlyDeadlines;
  private final Counter matched;
  private final Counter expired;
  private final Counter earlyCount;
  private final Counter duplicates;
  private final Counter waiting;
  private final Histogram delay;

  LabelWaits(JobSpec.Labels spec, MapState<String, byte[]> pending, MapState<String, byte[]> early,
      DeadlineBuckets pendingDeadlines, DeadlineBuckets earlyDeadlines, MetricGroup metrics) {
    this.pendingWaitMs = spec.pendingWait().toMillis();
    this.earlyWaitMs = spec.earlyWait().toMillis();
    this.pending = pending;
    this.early = early;
    this.pendingDeadlines = pendingDeadlines;
    this.earlyDeadlines = earlyDeadlines;
    this.matched = FlinkMetrics.counter(metrics, EddyMetric.LABELS_MATCHED);
    this.expired = FlinkMetrics.counter(metrics, EddyMetric.LABELS_EXPIRED);
    this.earlyCount = FlinkMetrics.counter(metrics, EddyMetric.LABELS_EARLY);
    this.duplicates = FlinkMetrics.counter(metrics, EddyMetric.LABELS_DUPLICATE);
    this.waiting = FlinkMetrics.counter(metrics, EddyMetric.LABELS_WAITING);
    this.delay = FlinkMetrics.histogram(metrics, EddyMetric.LABEL_DELAY);
  }

  /**
   * An unlabelled event of {@code model} was predicted: returns its label if it came first (and
   * stops that label's wait), else keeps the event waiting until its deadline and returns null.
   */
  InputLabel eventWithoutLabel(ModelCache.Entry model, String id, Scored scored, long eventTime, long now)
      throws Exception {
    byte[] first = early.get(id);
    if (first != null) {
      early.remove(id);
      waitFor(model, id, LABELLED, now);
      model.labelsMatched++;
      matched.inc();
      return EarlyLabelCodec.decode(first).label();
    }
    long deadline = now + pendingWaitMs;
    waitFor(model, id, PendingCodec.encode(scored, eventTime, deadline), now);
    waiting.inc();
    return null;
  }

  private void waitFor(ModelCache.Entry model, String id, byte[] value, long now) throws Exception {
    pending.put(id, value);
    model.pendingBucket = pendingDeadlines.add(id, now + pendingWaitMs, model.pendingBucket);
  }

  /**
   * A label arrived: returns its waiting event (which stops waiting; the caller counts the match on
   * the key's model), or null after keeping the label waiting for its event, or ignoring it (and
   * counting it) when the event was labelled already.
   *
   * @param cached the key's cached model, if any (only to remember the deadline second it registered)
   */
  PendingCodec.Pending label(ModelCache.Entry cached, InputLabel label, long now) throws Exception {
    byte[] waiting = pending.get(label.id);
    if (waiting != null && waiting.length > 0) {
      pending.put(label.id, LABELLED);
      matched.inc();
      PendingCodec.Pending p = PendingCodec.decode(waiting);
      delay.update(now - (p.deadline() - pendingWaitMs));
      return p;
    }
    if (waiting != null || early.contains(label.id)) {
      duplicates.inc();
      return null;
    }
    long deadline = now + earlyWaitMs;
    early.put(label.id, EarlyLabelCodec.encode(label, deadline));
    long bucket = earlyDeadlines.add(label.id, deadline, cached == null ? Long.MIN_VALUE : cached.earlyBucket);
    if (cached != null) {
      cached.earlyBucket = bucket;
    }
    earlyCount.inc();
    return null;
  }

  /**
   * Forgets the current key's waits (its model is dropped as idle); their deadline lists empty
   * themselves when their seconds pass.
   */
  void clear() {
    pending.clear();
    early.clear();
  }

  /** The second {@code bucket} passed: its events still waiting are dropped; returns how many. */
  int pendingDeadlines(long bucket) throws Exception {
    int dropped = 0;
    for (String id : pendingDeadlines.take(bucket)) {
      byte[] waiting = pending.get(id);
      if (waiting != null) {
        pending.remove(id);
        dropped += waiting.length > 0 ? 1 : 0;
      }
    }
    expired.inc(dropped);
    return dropped;
  }

  /** The second {@code bucket} passed: returns the labels that waited for their events in vain (for the dead letter). */
  List<InputLabel> earlyDeadlines(long bucket) throws Exception {
    List<InputLabel> orphans = new ArrayList<>();
    for (String id : earlyDeadlines.take(bucket)) {
      byte[] e = early.get(id);
      if (e != null) {
        early.remove(id);
        orphans.add(EarlyLabelCodec.decode(e).label());
      }
    }
    return orphans;
  }
}
