package dev.eddy.job.operator;

import dev.eddy.core.model.ModelState;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Decoded models of the most recently used keys, so that an event costs a hash lookup instead of a
 * decode and an encode of the whole model. Entries are written back to keyed state (by the given
 * writer) when evicted and whenever the operator is snapshotted; keyed state stays the source of truth, so
 * a restore or a rescale simply starts with an empty cache.
 */
final class ModelCache {
  private final int capacity;
  private final LinkedHashMap<String, Entry> entries;
  private final Consumer<ModelState> release;

  /** A key's decoded model, with the label counts kept beside it and the deadline seconds it registered. */
  static final class Entry {
    final ModelState model;
    boolean dirty;
    long labelsMatched;
    long labelsExpired;
    /** The last deadline seconds registered for this key (not state: registering again is harmless). */
    long pendingBucket = Long.MIN_VALUE;
    long earlyBucket = Long.MIN_VALUE;
    /** When the key last saw an event, with {@code models.idle-ttl} ({@link IdleModels}); else 0. */
    long lastSeen;
    /** The key's guard.max-learn-rate bucket once used (written back with the model), else null. */
    dev.eddy.core.guard.LearnRate learnRate;

    Entry(ModelState model) {
      this.model = model;
    }
  }

  /** @param release frees a model's native resources once it leaves the cache (evicted or closed) */
  ModelCache(int capacity, Consumer<ModelState> release) {
    this.capacity = capacity;
    this.entries = new LinkedHashMap<>(16, 0.75f, true); // access order: eldest = least recently used
    this.release = release;
  }

  Entry get(String key) {
    return entries.get(key);
  }

  /** Adds an entry; when full, first writes back and drops the least recently used one. */
  void put(String key, Entry entry, BiConsumer<String, Entry> writer) {
    if (entries.size() >= capacity) {
      Iterator<Map.Entry<String, Entry>> eldest = entries.entrySet().iterator();
      Map.Entry<String, Entry> e = eldest.next();
      if (e.getValue().dirty) {
        writer.accept(e.getKey(), e.getValue());
      }
      eldest.remove();
      release.accept(e.getValue().model);
    }
    entries.put(key, entry);
  }

  /** Removes a key's entry without writing it back or releasing its model (the caller does); null when not cached. */
  Entry remove(String key) {
    return entries.remove(key);
  }

  /** Visits every cached entry, without changing the access order. */
  void forEach(Consumer<Entry> action) {
    entries.values().forEach(action);
  }

  /** Releases every cached model and empties the cache (no write-back); the first failure is thrown. */
  void closeAll() {
    RuntimeException failure = null;
    for (Entry e : entries.values()) {
      try {
        release.accept(e.model);
      } catch (RuntimeException ex) {
        if (failure == null) {
          failure = ex;
        } else {
          failure.addSuppressed(ex);
        }
      }
    }
    entries.clear();
    if (failure != null) {
      throw failure;
    }
  }

  /** Writes back every changed model; entries stay cached and become clean. */
  void flush(BiConsumer<String, Entry> writer) {
    for (Map.Entry<String, Entry> e : entries.entrySet()) {
      if (e.getValue().dirty) {
        writer.accept(e.getKey(), e.getValue());
        e.getValue().dirty = false;
      }
    }
  }

  int size() {
    return entries.size();
  }
}
