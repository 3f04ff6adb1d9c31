package dev.eddy.core.metrics;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.datasketches.frequencies.ErrorType;
import org.apache.datasketches.frequencies.ItemsSketch;

/**
 * The model keys with the most labelled examples so far, for the opt-in per-key series
 * ({@code metrics.key-series: N}). Counts live in Apache DataSketches' frequent-items sketch, so memory
 * stays bounded however many keys there are: with few keys the counts are exact; with many, a key is
 * ranked only when its count stands out of the sketch's error bound (a uniform mix over a million keys
 * has no top keys, and gets no series). Engine-free; not thread-safe.
 */
public final class TopKeys {
  private final int n;
  private final ItemsSketch<String> sketch;

  /** @param n how many keys {@link #top()} returns at most (1..100) */
  public TopKeys(int n) {
    if (n < 1 || n > 100) {
      throw new IllegalArgumentException("top keys must be 1..100, got " + n);
    }
    this.n = n;
    this.sketch = new ItemsSketch<>(Integer.highestOneBit(32 * n) * 2); // a power of 2, 64..8192 counters
  }

  /** One more labelled example of {@code key}. */
  public void add(String key) {
    sketch.update(key);
  }

  /** The at most N keys with the highest counts, highest first (ties by key, for a stable order). */
  public List<String> top() {
    return Arrays.stream(sketch.getFrequentItems(ErrorType.NO_FALSE_POSITIVES))
        .sorted(Comparator.comparingLong((ItemsSketch.Row<String> r) -> -r.getEstimate())
            .thenComparing(ItemsSketch.Row::getItem))
        .limit(n)
        .map(ItemsSketch.Row::getItem)
        .toList();
  }
}
