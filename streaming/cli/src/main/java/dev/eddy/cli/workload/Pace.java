package dev.eddy.cli.workload;

import java.util.concurrent.TimeUnit;

/** A steady rate for a replay: waits until a record count is due (the demo's live replay, paced feeders). */
public final class Pace {
  private Pace() {}

  /**
   * Sleeps until {@code sent} records are due at {@code perSecond} since {@code startNanos} ({@link
   * System#nanoTime()}); returns at once when the replay is behind.
   */
  public static void await(long startNanos, long sent, int perSecond) {
    long wait = startNanos + sent * 1_000_000_000L / perSecond - System.nanoTime();
    if (wait > 0) {
      try {
        TimeUnit.NANOSECONDS.sleep(wait);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while pacing a replay", e);
      }
    }
  }
}
