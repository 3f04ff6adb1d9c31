/**
 * Hyperparameter declarations: every learner type, drift detector and retraining policy declares
 * each of its parameters once, as a {@link dev.eddy.learners.params.Param} (name, type, default,
 * range or choices, search scale, description), grouped per owner in a {@link
 * dev.eddy.learners.params.ParamSet}. Specs and CLI flags are parsed, config records validated,
 * snapshots' parameters rendered, help texts and a tuner's search space read from the same
 * declarations; {@code Learners.parameters}, {@code Detectors.parameters} and {@code
 * RetrainPolicies.parameters} look them up by type.
 */
package dev.eddy.learners.params;
