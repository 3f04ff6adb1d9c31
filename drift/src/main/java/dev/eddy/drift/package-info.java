/**
 * Drift detectors: {@link dev.eddy.drift.DriftDetector} implementations built by name with {@link
 * dev.eddy.drift.Detectors#create}, encoded by {@link dev.eddy.drift.DetectorCodec}. Pure Java, no
 * Flink.
 *
 * <p>Per event (allocation-free):
 *
 * <pre>{@code
 * DriftDetector detector = Detectors.create("adwin", Map.of("delta", "0.002"));
 * ...
 * double error = prediction.label() == label ? 0 : 1;   // 0/1 error, or |error| for regression
 * Signal signal = detector.update(error);                // STABLE, WARNING or DRIFT
 * if (signal != Signal.STABLE) {
 *   Map<String, Double> stats = detector.statistics();   // for the drift event
 * }
 * byte[] state = DetectorCodec.encode(detector);         // keyed state / checkpoint
 * DriftDetector restored = DetectorCodec.decode(state);  // continues identically
 * }</pre>
 *
 * <p>A detector resets itself on the first update after it reported {@link
 * dev.eddy.drift.Signal#DRIFT}. Feature drift (one real-valued detector per standardized feature,
 * on every event) is {@link dev.eddy.drift.FeatureDriftMonitor}. Retraining policies live in {@link
 * dev.eddy.drift.retrain}.
 */
package dev.eddy.drift;
