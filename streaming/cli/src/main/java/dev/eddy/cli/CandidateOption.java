package dev.eddy.cli;

import dev.eddy.core.spec.JobSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code --candidate TYPE[,NAME=VALUE...]} options of {@code evaluate}: the learners that race
 * against {@code --learner} as {@code learner.candidates} does in a job spec.
 */
final class CandidateOption {
  private CandidateOption() {}

  /**
   * The selection of these candidates, or {@link JobSpec.Selection#NONE} when there are none.
   *
   * @throws IllegalArgumentException naming the option for a malformed one
   */
  static JobSpec.Selection selection(List<String> candidates, int window, double margin) {
    if (candidates.isEmpty()) {
      return JobSpec.Selection.NONE;
    }
    if (window < 10) {
      throw new IllegalArgumentException("--selection-window must be >= 10 but was " + window);
    }
    if (!(margin >= 0) || Double.isInfinite(margin)) {
      throw new IllegalArgumentException("--selection-margin must be a finite number >= 0 but was " + margin);
    }
    return new JobSpec.Selection(candidates.stream().map(CandidateOption::learner).toList(), window, margin);
  }

  private static JobSpec.Learner learner(String text) {
    String[] parts = text.split(",");
    Map<String, String> params = new LinkedHashMap<>();
    for (int k = 1; k < parts.length; k++) {
      int eq = parts[k].indexOf('=');
      if (eq < 1) {
        throw new IllegalArgumentException("--candidate " + text + ": expected TYPE[,NAME=VALUE...], got '" + parts[k] + "'");
      }
      params.put(parts[k].substring(0, eq).trim(), parts[k].substring(eq + 1).trim());
    }
    return new JobSpec.Learner(parts[0].trim(), params);
  }
}
