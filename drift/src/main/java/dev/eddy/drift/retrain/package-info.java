/**
 * Retraining policies: what happens to the model when the concept detector warns or drifts. Pure
 * Java; the Flink operator and the offline evaluator ({@code bin/eddy evaluate --drift ... --retrain
 * ...}) call the same code, per labelled example, in this order:
 *
 * <pre>{@code
 * OnlineLearner initial = Learners.create("logistic", hyper, dimension, Task.BINARY);
 * RetrainPolicy policy = RetrainPolicies.create("background", Map.of("gate", "200"), initial);
 * DriftDetector detector = Detectors.create("ddm", Map.of());
 *
 * // per event: standardize, then predict with the current champion (test-then-train)
 * FeatureVector x = ...;                                   // standardized features
 * Prediction p = policy.champion().predict(x);              // emit it with policy.version()
 *
 * // when its label is known (at once offline, or later from the labels topic)
 * Signal signal = detector.update(ConceptError.of(task, p, label));
 * Outcome outcome = policy.update(x, label, p, signal);     // scores, acts, then learns
 * if (signal != Signal.STABLE) { ... emit a drift event: signal, detector.statistics(), outcome.action() }
 * if (outcome.newVersion()) {   ... publish policy.champion() as version policy.version(), outcome.reason()
 *   if (outcome.resetStandardizer()) { standardizer = new Standardizer(dimension); }
 * }
 *
 * // checkpoint / restore (keyed state)
 * byte[] state = RetrainPolicyCodec.encode(policy);
 * RetrainPolicy restored = RetrainPolicyCodec.decode(state);
 * }</pre>
 *
 * <p>With no signal and no challenger, {@code update} returns the shared {@link
 * dev.eddy.drift.retrain.Outcome#NONE} and allocates nothing beyond what the learner's own {@code
 * learn} does (the {@code window} policy copies into reused slots). Feature-drift detectors
 * (unlabelled, one per feature) raise alerts and are not passed here unless the spec asks feature
 * drift to retrain; then pass their DRIFT as the signal.
 */
package dev.eddy.drift.retrain;
