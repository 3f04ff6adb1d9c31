package dev.eddy.core.guard;

/**
 * The {@code max-learn-rate} token bucket of one model key: it holds up to one second's worth of
 * examples (at least one), refills at the rate per second of record time, and each learned example
 * takes one token. Record time is the producers' timestamps (a labelled event's, or the label's),
 * so {@code bin/eddy evaluate} and the job decide alike; the bucket's clock never goes back, so a
 * record older than the last one refills nothing.
 *
 * <p>Persisted as two numbers ({@link #toArray}, {@link #of}) in the operator's own keyed state.
 */
public final class LearnRate {
  private static final long NEVER = Long.MIN_VALUE;
  private double tokens;
  private long clock = NEVER;

  /** A full bucket. */
  public LearnRate() {}

  private LearnRate(double tokens, long clock) {
    this.tokens = tokens;
    this.clock = clock;
  }

  /**
   * Whether an example at {@code time} (epoch ms) may be learned at {@code perSecond}; takes its
   * token if so.
   */
  public boolean take(long time, double perSecond) {
    double capacity = Math.max(1.0, perSecond);
    if (clock == NEVER) {
      tokens = capacity;
      clock = time;
    } else if (time > clock) {
      tokens = Math.min(capacity, tokens + (time - clock) * perSecond / 1000.0);
      clock = time;
    }
    if (tokens >= 1.0) {
      tokens -= 1.0;
      return true;
    }
    return false;
  }

  /** Tokens left (for tests and the state). */
  public double tokens() {
    return tokens;
  }

  /** The state as {tokens, clock}. */
  public double[] toArray() {
    return new double[] {tokens, clock};
  }

  /** The bucket stored by {@link #toArray}, or a full one for null. */
  public static LearnRate of(double[] stored) {
    if (stored == null) {
      return new LearnRate();
    }
    if (stored.length != 2) {
      throw new IllegalArgumentException("learn-rate state must have 2 numbers, got " + stored.length);
    }
    return new LearnRate(stored[0], (long) stored[1]);
  }
}
