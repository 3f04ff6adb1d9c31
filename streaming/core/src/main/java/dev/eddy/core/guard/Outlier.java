package dev.eddy.core.guard;

/**
 * An event {@code max-z} refuses: the first feature beyond the bound, and the values the model's
 * statistics learn instead of the event's (each feature clipped to its mean ± max-z standard deviations).
 *
 * @param feature the index of the first feature beyond the bound
 * @param z that feature's standardized value
 * @param statistics the event's values clipped to the bound, for the standardizer
 */
public record Outlier(int feature, double z, double[] statistics) {
  /** Why the event was not learned, naming the feature, e.g. {@code guard.max-z: x1 is 12.5 standard deviations from its mean (max-z 6.0)}. */
  public String reason(String featureName, double maxZ) {
    return "guard.max-z: " + featureName + " is " + Math.round(Math.abs(z) * 10) / 10.0
        + " standard deviations from its mean (max-z " + maxZ + ")";
  }
}
