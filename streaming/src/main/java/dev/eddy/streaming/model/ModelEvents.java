package dev.eddy.streaming.model;

import dev.eddy.drift.DriftDetector;
import dev.eddy.drift.Signal;
import dev.eddy.drift.retrain.Outcome;

/**
 * What a {@link ModelState} reports while it processes an example, besides the prediction: drift
 * signals and new model versions. The job turns them into records on the drift and models topics;
 * the offline evaluator collects their positions.
 */
public interface ModelEvents {

  /**
   * The concept detector warned or detected drift on the prequential errors.
   *
   * @param position 0-based index of the labelled example whose error signalled
   * @param outcome what the retraining policy did about it
   */
  void conceptSignal(Signal signal, DriftDetector detector, long position, Outcome outcome, long version);

  /**
   * A feature detector warned or detected drift on a raw feature.
   *
   * @param feature the feature's position in the spec's feature list
   * @param position 0-based index of the event whose value signalled
   */
  void featureSignal(int feature, Signal signal, DriftDetector detector, long position);

  /** The model has a new version (the initial one too, with reason {@code initial}). */
  void newVersion(ModelState model, String reason);

  /** Ignores everything. */
  ModelEvents NONE = new ModelEvents() {
    @Override
    public void conceptSignal(Signal s, DriftDetector d, long p, Outcome o, long v) {}

    @Override
    public void featureSignal(int f, Signal s, DriftDetector d, long p) {}

    @Override
    public void newVersion(ModelState m, String r) {}
  };
}
