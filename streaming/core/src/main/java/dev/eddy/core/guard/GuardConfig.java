package dev.eddy.core.guard;

import java.io.Serializable;
import java.time.Duration;

/**
 * The spec's {@code guard:} section: the rules that keep poisoned training data from the model. Every
 * rule is off unless set; {@link #OFF} is the default. An event or label a rule refuses is still
 * predicted (an event) but not learned from, and counted ({@link GuardRule}).
 *
 * @param maxZ an event with a feature more than this many standard deviations from the feature's
 *     running mean (the standardizer's statistics, after {@link #WARM_UP} events) is not learned from,
 *     and the statistics learn its values clipped to that bound; 0 = off
 * @param maxStep one learn moves the champion's weights by at most this Euclidean norm (the update
 *     is scaled back); only for learners with plain weights ({@code dev.eddy.learners.PlainWeights});
 *     0 = off
 * @param maxLearnRate labelled examples learned per second of record time per model key (a token
 *     bucket holding one second's worth, at least 1); more are not learned; 0 = off
 * @param maxLabelAge a label whose record time is more than this after its event's time is ignored;
 *     null = off
 * @param quarantineTopic where events refused by {@code max-z} are copied, or null for none
 */
public record GuardConfig(double maxZ, double maxStep, double maxLearnRate, Duration maxLabelAge,
    String quarantineTopic) implements Serializable {
  private static final long serialVersionUID = 1L;

  /** No rule: every example is learned, as without a guard. */
  public static final GuardConfig OFF = new GuardConfig(0, 0, 0, null, null);

  /** Events a model's standardizer must have seen before {@code max-z} judges an event. */
  public static final int WARM_UP = 30;

  public GuardConfig {
    requireNotNegative(maxZ, "max-z");
    requireNotNegative(maxStep, "max-step");
    requireNotNegative(maxLearnRate, "max-learn-rate");
    if (maxLabelAge != null && (maxLabelAge.isNegative() || maxLabelAge.isZero())) {
      throw new IllegalArgumentException("max-label-age must be longer than 0, got " + maxLabelAge);
    }
    if (quarantineTopic != null && maxZ == 0) {
      throw new IllegalArgumentException("quarantine-topic needs max-z (only max-z quarantines events)");
    }
  }

  private static void requireNotNegative(double value, String name) {
    if (!(value >= 0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException(name + " must be a finite number >= 0 (0 = off), got " + value);
    }
  }

  /** Whether any rule is on. */
  public boolean enabled() {
    return maxZ > 0 || maxStep > 0 || maxLearnRate > 0 || maxLabelAge != null;
  }
}
