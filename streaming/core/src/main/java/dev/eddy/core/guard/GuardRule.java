package dev.eddy.core.guard;

import java.util.Arrays;
import java.util.List;

/**
 * The guard's refusals, the values of the {@code rule} label of {@code eddyGuardRefusals}: which rule
 * kept an example from the model. Each value is also the rule's key under {@code guard:} in the spec.
 */
public enum GuardRule {
  /** An event with a feature beyond {@code guard.max-z} standard deviations: predicted, not learned. */
  MAX_Z("max-z"),
  /** A labelled example beyond {@code guard.max-learn-rate} per second for its model key. */
  MAX_LEARN_RATE("max-learn-rate"),
  /** A label that came more than {@code guard.max-label-age} after its event. */
  MAX_LABEL_AGE("max-label-age");

  /** Every rule's label value. */
  public static final List<String> NAMES = Arrays.stream(values()).map(GuardRule::label).toList();

  private final String label;

  GuardRule(String label) {
    this.label = label;
  }

  /** The metric's label value and the spec key under {@code guard:}. */
  public String label() {
    return label;
  }
}
