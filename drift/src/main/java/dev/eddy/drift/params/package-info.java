/**
 * Typed, validated reading of the string parameters of detectors and retraining policies: every
 * error names the owner, the parameter and the bad value, and unknown names list the allowed ones.
 */
package dev.eddy.drift.params;
