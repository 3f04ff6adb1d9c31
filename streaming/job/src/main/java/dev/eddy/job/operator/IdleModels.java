package dev.eddy.job.operator;

import dev.eddy.core.metrics.EddyMetric;
import java.io.IOException;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.metrics.Counter;
import org.apache.flink.runtime.state.VoidNamespace;
import org.apache.flink.streaming.api.operators.InternalTimerService;

/**
 * {@code models.idle-ttl}: when each model key last saw an event, and one processing-time timer per
 * key that checks whether it has been idle for the TTL. An event only stamps the key's cached entry
 * (no state access, no timer on the per-event path); the stamp reaches keyed state
 * ({@code eddy-last-seen}) when the entry is written back. When a key's timer fires it either finds a
 * later event and moves itself to that event's deadline, or says the key is idle, for the operator to
 * drop its model. Timers and stamps are keyed state, so they survive restores and move with their
 * keys on a rescale.
 */
final class IdleModels {
  /** Name of the keyed state of the last event's time; part of savepoint compatibility, never rename. */
  static final String LAST_SEEN = "eddy-last-seen";

  private final long ttlMs;
  private final ValueState<Long> lastSeen;
  private final InternalTimerService<VoidNamespace> timers;
  private final Counter dropped;

  /** @param dropped counts the drops ({@link EddyMetric#MODELS_DROPPED_IDLE}, registered with or without a TTL) */
  IdleModels(long ttlMs, ValueState<Long> lastSeen, InternalTimerService<VoidNamespace> timers, Counter dropped) {
    if (ttlMs <= 0) {
      throw new IllegalArgumentException("idle TTL must be > 0 ms, got " + ttlMs);
    }
    this.ttlMs = ttlMs;
    this.lastSeen = lastSeen;
    this.timers = timers;
    this.dropped = dropped;
  }

  /**
   * The current key's model was just loaded into the cache at {@code now}: a fresh model, or one
   * stored without a stamp (by a version without idle TTL), starts its watch here.
   */
  void loaded(ModelCache.Entry entry, boolean fresh, long now) throws IOException {
    entry.lastSeen = now;
    if (fresh || lastSeen.value() == null) {
      lastSeen.update(now);
      timers.registerProcessingTimeTimer(VoidNamespace.INSTANCE, now + ttlMs);
    }
  }

  /** Writes the entry's stamp to the current key's state (with the model's write-back). */
  void writeBack(ModelCache.Entry entry) throws IOException {
    if (entry.lastSeen > 0) {
      lastSeen.update(entry.lastSeen);
    }
  }

  /**
   * The current key's timer fired at {@code time}; {@code cached} is its cache entry or null. Returns
   * true when the key has seen no event for the TTL (the caller drops it, then calls {@link #dropped});
   * else moves the timer to the last event's deadline.
   */
  boolean idle(ModelCache.Entry cached, long time) throws IOException {
    Long stored = lastSeen.value();
    long last = cached != null ? cached.lastSeen : stored == null ? Long.MIN_VALUE : stored;
    if (last == Long.MIN_VALUE) {
      return false; // dropped already (a timer of an older watch)
    }
    if (time - last >= ttlMs) {
      return true;
    }
    timers.registerProcessingTimeTimer(VoidNamespace.INSTANCE, last + ttlMs);
    return false;
  }

  /** The current key's model was dropped: forget its stamp and count it. */
  void dropped() {
    forget();
    dropped.inc();
  }

  /** Forgets the current key's stamp (it has no model to drop). */
  void forget() {
    lastSeen.clear();
  }
}
