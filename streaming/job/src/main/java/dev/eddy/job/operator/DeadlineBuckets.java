package dev.eddy.job.operator;

import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.runtime.state.VoidNamespace;
import org.apache.flink.runtime.state.internal.InternalListState;
import org.apache.flink.streaming.api.operators.InternalTimerService;

/**
 * Deadlines of many ids per model key, grouped by the second they fall in: one keyed list of ids per
 * (key, second), namespaced by that second ({@code RocksDB} appends it with a merge, no read), and
 * one timer per (key, second) instead of one per id (processing time, or event time with
 * {@code labels.time: event}). A deadline thus passes up to
 * one second late; an id whose wait ended early (its label came) stays in its list and is skipped
 * when the second passes. Before this, a timer per waiting event (registered and deleted in RocksDB)
 * cost more than learning from it (JFR, BENCHMARKS.md).
 */
final class DeadlineBuckets {
  static final long SECOND = 1000;
  private final InternalListState<Object, Long, String> ids;
  private final InternalTimerService<VoidNamespace> timers;
  private final boolean eventTime;

  /** @param eventTime deadlines are event times, passed by the watermark ({@code labels.time: event}) */
  DeadlineBuckets(ListState<String> ids, InternalTimerService<VoidNamespace> timers, boolean eventTime) {
    @SuppressWarnings("unchecked")
    InternalListState<Object, Long, String> internal = (InternalListState<Object, Long, String>) ids;
    this.ids = internal;
    this.timers = timers;
    this.eventTime = eventTime;
  }

  /** The second a deadline falls in: the end of that second, when its timer fires. */
  static long bucketOf(long deadline) {
    return Math.floorDiv(deadline + SECOND - 1, SECOND) * SECOND;
  }

  /**
   * Adds {@code id} to the current key's bucket of {@code deadline}; registers the bucket's timer
   * unless {@code registered} says it was already (the last bucket registered for this key).
   *
   * @return the bucket, for the caller to remember as registered
   */
  long add(String id, long deadline, long registered) throws Exception {
    long bucket = bucketOf(deadline);
    ids.setCurrentNamespace(bucket);
    ids.add(id);
    if (bucket != registered && eventTime) {
      timers.registerEventTimeTimer(VoidNamespace.INSTANCE, bucket);
    } else if (bucket != registered) {
      timers.registerProcessingTimeTimer(VoidNamespace.INSTANCE, bucket);
    }
    return bucket;
  }

  /** Removes and returns the ids of the current key's bucket that just passed. */
  List<String> take(long bucket) throws Exception {
    ids.setCurrentNamespace(bucket);
    List<String> due = new ArrayList<>();
    Iterable<String> stored = ids.get();
    if (stored != null) {
      stored.forEach(due::add);
    }
    ids.clear();
    return due;
  }
}
