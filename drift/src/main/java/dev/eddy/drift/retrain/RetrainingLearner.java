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
 * {@link RetrainPolicy}; {@link #learn(FeatureVector, double, Prediction, boolean)} sends the error of
 * the prediction made for that example to a concept-drift detector, and the example, with the
 * detector's signal, to the policy, which may start a challenger, promote it, reset or retrain on its
 * window. It returns what happened as a {@link Step}; nothing is kept between predicting and
 * learning, so the two may happen at different times (a label that arrives after its event).
 *
 * <p>A signal is reported ({@link Step#reported()}) for every DRIFT, and for a WARNING only when the
 * detector enters the warning zone. Every new model version resets the concept detector, so the old
 * concept's errors never count against the new model (a drift forced by a feature drift included).
 */
public final class RetrainingLearner implements OnlineLearner {

  /**
   * What one labelled example did.
   *
   * @param signal the detector's signal (DRIFT when forced by a feature drift)
   * @param reported whether the signal is worth an alert: every DRIFT, a WARNING on entering the zone
   * @param outcome what the retraining policy did
   * @param position 0-based index of the labelled example
   * @param version the model version after the policy acted
   */
  public record Step(Signal signal, boolean reported, Outcome outcome, long position, long version) {
    /** Whether the policy replaced the champion: a new model version. */
    public boolean newVersion() {
      return outcome.newVersion();
    }
  }

  private final RetrainPolicy policy;
  private final DriftDetector detector; // null: the policy never gets a signal but a forced one
  private long labelled;

  /**
   * @param detector concept-drift detector on the errors, or null for none
   * @param labelled labelled examples already seen (when restoring)
   */
  public RetrainingLearner(RetrainPolicy policy, DriftDetector detector, long labelled) {
    this.policy = policy;
    this.detector = detector;
    this.labelled = labelled;
  }

  @Override
  public Prediction predict(FeatureVector x) {
    return policy.champion().predict(x);
  }

  /** Test-then-train on one example: predicts it, then learns from that prediction's error. */
  @Override
  public void learn(FeatureVector x, double label) {
    learn(x, label, predict(x), false);
  }

  /**
   * Learns one example whose prediction {@code p} was made earlier (by {@link #predict}).
   *
   * @param forceDrift turn the signal into DRIFT whatever the detector says (a feature drift that the
   *     user asked to retrain on)
   */
  public Step learn(FeatureVector x, double label, Prediction p, boolean forceDrift) {
    Signal before = detector == null ? Signal.STABLE : detector.lastSignal();
    Signal signal = detector == null ? Signal.STABLE : detector.update(ConceptError.of(task(), p, label));
    boolean reported = signal == Signal.DRIFT || (signal == Signal.WARNING && before != Signal.WARNING);
    if (forceDrift && signal != Signal.DRIFT) {
      signal = Signal.DRIFT;
      reported = false; // the feature drift is the alert; the concept detector did not signal
    }
    Outcome outcome = policy.update(x, label, p, signal);
    if (outcome.newVersion() && detector != null) {
      detector.reset();
    }
    return new Step(signal, reported, outcome, labelled++, policy.version());
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

  /** A deep copy through the policy's and detector's versioned encodings. */
  @Override
  public RetrainingLearner copy() {
    return new RetrainingLearner(
        RetrainPolicyCodec.decode(RetrainPolicyCodec.encode(policy)),
        detector == null ? null : DetectorCodec.decode(DetectorCodec.encode(detector)),
        labelled);
  }
}
