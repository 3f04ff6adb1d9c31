package dev.eddy.drift.retrain;

import dev.eddy.drift.Detectors;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Prints the "Retraining policies" table of BENCHMARKS.md: on the {@link TwoConcepts} stream (10
 * seeds), for each detector and policy, the mean post-change accuracy, the median examples until
 * the accuracy over the last 200 reaches the new concept's level - 0.05 (as {@link
 * PolicyRecoveryTest} measures it), and the mean final model version. Run with
 *
 * <pre>java -cp drift/benchmarks/target/benchmarks.jar dev.eddy.drift.retrain.PolicyRecoveryReport</pre>
 */
public final class PolicyRecoveryReport {
  private static final int SEEDS = 10;

  private PolicyRecoveryReport() {}

  /** Prints the table. */
  public static void main(String[] args) {
    String[][] policies = {
      {"none"}, {"reset"}, {"background"}, {"window"}, {"window", "window-size", "1000"},
      {"background", "gate", "200"}, {"reset", "gate", "200"}, {"reset", "gate", "0"}, {"background", "gate", "0"}
    };
    System.out.println("| detector | policy | post-change accuracy | median recovery | versions |");
    System.out.println("|---|---|---:|---:|---:|");
    for (String detector : List.of("ddm", "hddm-a", "adwin")) {
      for (String[] policy : policies) {
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 1; i + 1 < policy.length; i += 2) {
          params.put(policy[i], policy[i + 1]);
        }
        double accuracy = 0;
        double versions = 0;
        int[] recoveries = new int[SEEDS];
        for (int seed = 1; seed <= SEEDS; seed++) {
          double[][] x = TwoConcepts.features(seed);
          double[] y = TwoConcepts.labels(x, seed, false);
          int[] fresh = TwoConcepts.run(null, null, x, TwoConcepts.labels(x, seed, true));
          double level = TwoConcepts.accuracy(fresh, 1000, 3000);
          RetrainPolicy p = policy[0].equals("none")
              ? null
              : RetrainPolicies.create(policy[0], params, TwoConcepts.learner());
          int[] correct = TwoConcepts.run(p, Detectors.create(detector, Map.of()), x, y);
          accuracy += TwoConcepts.accuracy(correct, TwoConcepts.CHANGE, TwoConcepts.LENGTH) / SEEDS;
          versions += (p == null ? 1 : p.version()) / (double) SEEDS;
          int r = TwoConcepts.recovery(correct, level - 0.05, 200);
          recoveries[seed - 1] = r < 0 ? Integer.MAX_VALUE : r;
        }
        Arrays.sort(recoveries);
        double median = (recoveries[SEEDS / 2 - 1] + (double) recoveries[SEEDS / 2]) / 2;
        System.out.printf(Locale.ROOT, "| %s | %s %s | %.3f | %,.0f | %.1f |%n",
            detector, policy[0], params.isEmpty() ? "" : params, accuracy, median, versions);
      }
    }
  }
}
