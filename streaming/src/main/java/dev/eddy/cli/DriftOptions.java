package dev.eddy.cli;

import dev.eddy.drift.Detectors;
import dev.eddy.drift.DriftDetector;
import dev.eddy.drift.Signal;
import dev.eddy.drift.retrain.Outcome;
import dev.eddy.drift.retrain.RetrainPolicies;
import dev.eddy.drift.retrain.RetrainingLearner;
import dev.eddy.learners.OnlineLearner;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The drift-detection and retraining options of {@code bin/eddy evaluate}: with {@code --drift} the
 * evaluated learner becomes a {@link RetrainingLearner} (the same class the job's model step uses),
 * and the result gains the positions of the detected drifts and the model versions.
 */
public final class DriftOptions implements RetrainingLearner.Listener {
  @Option(names = "--drift", paramLabel = "TYPE",
      description = "Concept-drift detector on the prequential errors: adwin, ddm, eddm, hddm-a, hddm-w, page-hinkley, cusum, kswin.")
  String detector;

  @Option(names = "--drift-param", paramLabel = "NAME=VALUE", description = "A detector parameter (repeatable).")
  Map<String, String> detectorParams = new LinkedHashMap<>();

  @Option(names = "--retrain", paramLabel = "POLICY",
      description = "What a drift does: reset, background (default with --drift) or window.")
  String retrain;

  @Option(names = "--retrain-param", paramLabel = "NAME=VALUE", description = "A retraining-policy parameter (repeatable).")
  Map<String, String> retrainParams = new LinkedHashMap<>();

  private final List<Long> drifts = new ArrayList<>();
  private final List<Long> warnings = new ArrayList<>();
  private final List<Long> versions = new ArrayList<>(List.of(1L));

  /**
   * The learner to evaluate: {@code learner} itself without {@code --drift}, else wrapped with the
   * detector and the policy. Throws {@link IllegalArgumentException} naming the bad option.
   */
  OnlineLearner wrap(OnlineLearner learner) {
    if (detector == null) {
      if (retrain != null || !detectorParams.isEmpty() || !retrainParams.isEmpty()) {
        throw new IllegalArgumentException("--retrain, --drift-param and --retrain-param need --drift");
      }
      return learner;
    }
    DriftDetector d;
    try {
      d = Detectors.create(detector, detectorParams);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--drift: " + e.getMessage());
    }
    try {
      return new RetrainingLearner(RetrainPolicies.create(retrain, retrainParams, learner), d, this, 0);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--retrain: " + e.getMessage());
    }
  }

  @Override
  public void signal(Signal signal, DriftDetector d, Outcome outcome, long position, long version) {
    (signal == Signal.DRIFT ? drifts : warnings).add(position);
  }

  @Override
  public void newVersion(Outcome outcome, long version) {
    versions.add(version);
  }

  /** The result fields: drift and warning positions, model versions; empty without --drift. */
  Map<String, Object> results() {
    Map<String, Object> out = new LinkedHashMap<>();
    if (detector != null) {
      out.put("drifts", drifts);
      out.put("warnings", warnings);
      out.put("modelVersions", versions);
    }
    return out;
  }
}
