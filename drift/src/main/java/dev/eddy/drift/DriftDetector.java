package dev.eddy.drift;

import java.util.Map;

/**
 * A change detector over a stream of numbers: the 0/1 errors of a classifier, the absolute errors of
 * a regressor, or one standardized feature. Implementations are built by {@link Detectors#create}
 * and encoded by {@link DetectorCodec}.
 *
 * <p>Contract (checked for every implementation by the drift detector contract suite):
 *
 * <ul>
 *   <li>{@link #update} returns {@link Signal#STABLE}, {@link Signal#WARNING} or {@link
 *       Signal#DRIFT}, and allocates nothing;
 *   <li>the first update after a {@link Signal#DRIFT} resets the detector before it takes the new
 *       value, so the detector then behaves exactly as a fresh one fed that value;
 *   <li>a value outside the {@link #inputDomain()} throws {@link IllegalArgumentException} and leaves
 *       the state unchanged;
 *   <li>the same parameters and the same input give the same signals (randomized detectors take a
 *       seed);
 *   <li>a detector restored from its snapshot continues exactly as the original.
 * </ul>
 *
 * <p>Detectors are not thread-safe: one detector belongs to one model key.
 */
public interface DriftDetector {

  /** The detector's type name as used in specs and the CLI, e.g. {@code adwin}. */
  String type();

  /** The values this detector accepts. */
  InputDomain inputDomain();

  /** Takes one value and says whether the stream changed. */
  Signal update(double value);

  /** The signal returned by the last update ({@link Signal#STABLE} when fresh or reset). */
  Signal lastSignal();

  /** Number of values taken since the detector was built or last reset. */
  long updates();

  /** Forgets everything seen: the detector becomes equal to a freshly built one. */
  void reset();

  /**
   * The parameters, by their spec names, with every default filled in; {@code
   * Detectors.create(type(), parameters())} builds an equivalent fresh detector.
   */
  Map<String, String> parameters();

  /**
   * The detector's current statistics by name (e.g. {@code mean}, {@code width}), for drift events
   * and plots. Allocates: call it when reporting a signal, not per update.
   */
  Map<String, Double> statistics();
}
