package dev.eddy.cli;

import dev.eddy.core.model.Learned;
import dev.eddy.core.spec.JobSpec;
import dev.eddy.drift.Detectors;
import dev.eddy.drift.Signal;
import dev.eddy.drift.retrain.RetrainPolicies;
import dev.eddy.learners.Learners;
import dev.eddy.learners.Task;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The drift-detection and retraining options of {@code bin/eddy evaluate}: they become the
 * {@link JobSpec.Drift} of the evaluated model, exactly as a spec's {@code drift} section does for the
 * job, and the result gains the positions of the detected drifts and the model versions.
 */
public final class DriftOptions {
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
   * The drift section of the evaluated model ({@link JobSpec.Drift#NONE} without {@code --drift}).
   * Throws {@link IllegalArgumentException} naming the bad option.
   */
  JobSpec.Drift drift(Task task) {
    if (detector == null) {
      if (retrain != null || !detectorParams.isEmpty() || !retrainParams.isEmpty()) {
        throw new IllegalArgumentException("--retrain, --drift-param and --retrain-param need --drift");
      }
      return JobSpec.Drift.NONE;
    }
    String policy = retrain == null ? "background" : retrain;
    try {
      Detectors.create(detector, detectorParams);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--drift: " + e.getMessage());
    }
    try {
      RetrainPolicies.create(policy, retrainParams, Learners.create("pa-i", Map.of(), 1, task));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--retrain: " + e.getMessage());
    }
    return new JobSpec.Drift(detector, Map.copyOf(detectorParams), policy, Map.copyOf(retrainParams), null, Map.of(), false);
  }

  /** Notes what the learn half of one example reported. */
  void record(Learned learned) {
    if (learned.signal() != null) {
      (learned.signal().level() == Signal.DRIFT ? drifts : warnings).add(learned.signal().position());
    }
    if (learned.newVersion()) {
      versions.add(learned.version());
    }
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
