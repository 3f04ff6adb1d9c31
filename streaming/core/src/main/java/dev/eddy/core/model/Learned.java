package dev.eddy.core.model;

/**
 * The learn half's result for one labelled example.
 *
 * @param signal the concept-drift warning or detection to report, or null
 * @param newVersionReason why a new model version was born on this example, or null when none was
 * @param version the model version after learning
 */
public record Learned(DriftSignal signal, String newVersionReason, long version) {
  /** Whether a new model version was born. */
  public boolean newVersion() {
    return newVersionReason != null;
  }
}
