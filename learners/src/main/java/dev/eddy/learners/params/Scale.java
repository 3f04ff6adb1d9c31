package dev.eddy.learners.params;

/**
 * How a numeric parameter's values are spread, for a tuner's search space: {@link #LOG} for rates,
 * strengths and confidences that matter by order of magnitude (search log(value) uniformly), {@link
 * #LINEAR} for the rest.
 */
public enum Scale {
  /** Search the value itself uniformly. */
  LINEAR,
  /** Search the logarithm of the value uniformly (the value must be > 0). */
  LOG
}
