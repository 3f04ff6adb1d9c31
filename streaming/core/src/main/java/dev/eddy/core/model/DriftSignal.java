package dev.eddy.core.model;

import dev.eddy.drift.DriftDetector;
import dev.eddy.drift.Signal;
import java.util.Map;

/**
 * A drift warning or detection that a model step reports, with what the detector saw at that moment.
 *
 * @param feature the drifting feature's name, or null for concept drift (on the prediction errors)
 * @param level WARNING or DRIFT
 * @param detector the detector's type, e.g. {@code adwin}
 * @param statistics the detector's statistics when it signalled
 * @param position 0-based index of the labelled example (concept) or of the event (feature) that signalled
 * @param action what the retraining policy did ({@code none} for feature drift)
 * @param version the model version after the policy acted, or -1 for feature drift
 */
public record DriftSignal(
    String feature,
    Signal level,
    String detector,
    Map<String, Double> statistics,
    long position,
    String action,
    long version) {

  /** Whether this is concept drift (on the errors) rather than feature drift. */
  public boolean isConcept() {
    return feature == null;
  }

  static DriftSignal concept(Signal level, DriftDetector d, long position, String action, long version) {
    return new DriftSignal(null, level, d.type(), d.statistics(), position, action, version);
  }

  static DriftSignal feature(String name, DriftDetector d, long position) {
    return new DriftSignal(name, Signal.DRIFT, d.type(), d.statistics(), position, "none", -1);
  }
}
