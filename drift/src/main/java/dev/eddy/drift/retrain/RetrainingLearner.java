package dev.eddy.drift.retrain;

import dev.eddy.drift.DetectorCodec;
import dev.eddy.drift.DriftDetector;
import dev.eddy.drift.Signal;
import dev.eddy.learners.FeatureVector;
import dev.eddy.learners.OnlineLearner;
import dev.eddy.learners.Prediction;
import dev.eddy.learners.Task;
import java.util.Map;

/**
 * A learner that watches its own errors and retrains itself: {@link #predict} is the champion's of a
 * {@link RetrainPolicy}; {@link #learn} sends the error of that prediction to a concept-drift
 * detector and the example, with the detector's signal, to the policy, which may start a
 * challenger, promote it, reset or retrain on its window. Being an {@link OnlineLearner}, it runs
 * wherever a learner runs: the job's per-key model step and {@code bin/eddy evaluate --drift} use
 * this same class.
 *
 * <p>Test-then-train: {@code learn(x, y)} uses the prediction of the last {@code predict(x)} (the
 * same example); without one it predicts first. A {@link Listener} hears each reported signal
 * (every DRIFT; a WARNING only when the detector enters the warning zone) and each new version.
 */
public final class RetrainingLearner implements OnlineLearner {

  /** What the learner reports while it learns. */
  public interface Listener {
    /**
     * @param position 0-based index of the labelled example whose error signalled
     * @param version the model version after the policy acted
     */
    void signal(Signal signal, DriftDetector detector, Outcome outcome, long position, long version);

    /** The policy replaced the champion: a new model version. */
    void newVersion(Outcome outcome, long version);
  }

  private final RetrainPolicy policy;
  private final DriftDetector detector; // null: the policy never gets a signal but a forced one
  private Listener listener;
  private Prediction last;
  private long labelled;

  /**
   * @param detector concept-drift detector on the errors, or null for none
   * @param labelled labelled examples already seen (when restoring)
   */
  public RetrainingLearner(RetrainPolicy policy, DriftDetector detector, Listener listener, long labelled) {
    this.policy = policy;
    this.detector = detector;
    this.listener = listener;
    this.labelled = labelled;
  }

  /** Replaces the listener (e.g. per event in a stream processor). */
  public void listener(Listener listener) {
    this.listener = listener;
  }

  @Override
  public Prediction predict(FeatureVector x) {
    last = policy.champion().predict(x);
    return last;
  }

  @Override
  public void learn(FeatureVector x, double label) {
    learn(x, label, false);
  }

  /**
   * Learns one example; {@code forceDrift} turns a STABLE signal into DRIFT (feature drift that the
   * user asked to retrain on).
   *
   * @return what the policy did
   */
  public Outcome learn(FeatureVector x, double label, boolean forceDrift) {
    Prediction p = last != null ? last : policy.champion().predict(x);
    last = null;
    Signal before = detector == null ? Signal.STABLE : detector.lastSignal();
    Signal signal = detector == null ? Signal.STABLE : detector.update(ConceptError.of(task(), p, label));
    boolean report = signal == Signal.DRIFT || (signal == Signal.WARNING && before != Signal.WARNING);
    if (signal == Signal.STABLE && forceDrift) {
      signal = Signal.DRIFT;
    }
    Outcome outcome = policy.update(x, label, p, signal);
    if (report) {
      listener.signal(signal, detector, outcome, labelled, policy.version());
    }
    if (outcome.newVersion()) {
      listener.newVersion(outcome, policy.version());
    }
    labelled++;
    return outcome;
  }

  public RetrainPolicy policy() {
    return policy;
  }

  /** The concept-drift detector, or null. */
  public DriftDetector detector() {
    return detector;
  }

  /** The model version: 1 for the initial champion, +1 for each replacement. */
  public long version() {
    return policy.version();
  }

  /** Labelled examples learned so far. */
  public long labelled() {
    return labelled;
  }

  @Override
  public String type() {
    return policy.champion().type();
  }

  @Override
  public Task task() {
    return policy.champion().task();
  }

  @Override
  public int dimension() {
    return policy.champion().dimension();
  }

  @Override
  public Map<String, String> hyperparameters() {
    return policy.champion().hyperparameters();
  }

  @Override
  public long examplesSeen() {
    return policy.champion().examplesSeen();
  }

  /** A deep copy through the policy's and detector's versioned encodings; same listener. */
  @Override
  public RetrainingLearner copy() {
    return new RetrainingLearner(
        RetrainPolicyCodec.decode(RetrainPolicyCodec.encode(policy)),
        detector == null ? null : DetectorCodec.decode(DetectorCodec.encode(detector)),
        listener,
        labelled);
  }
}
