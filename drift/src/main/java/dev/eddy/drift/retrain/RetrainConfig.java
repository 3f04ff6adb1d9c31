package dev.eddy.drift.retrain;

import static dev.eddy.drift.params.Params.require;

import dev.eddy.drift.params.Params;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A retraining policy's name and parameters, as written in job specs ({@code drift.retrain}) and
 * on the command line. Each policy accepts only its own parameters:
 *
 * <ul>
 *   <li>{@code reset}: {@code gate}, {@code horizon}, {@code reset-standardizer} (false);
 *   <li>{@code background} (the default): {@code gate}, {@code horizon};
 *   <li>{@code window}: {@code window-size} (200), {@code passes} (3), {@code gate}, {@code horizon}.
 * </ul>
 *
 * @param policy reset, background or window
 * @param gate N &gt; 0: a candidate is promoted only if its prequential accuracy (for regression:
 *     minus its mean absolute error) over the last N examples is at least the champion's over the
 *     same examples; 0 (default): no gate
 * @param horizon examples a challenger may learn without beating the champion (or a gated
 *     candidate without passing the gate) before it is dropped (1000); at least {@code gate}
 * @param windowSize labelled examples the {@code window} policy keeps
 * @param passes passes over the window when the {@code window} policy retrains
 * @param resetStandardizer whether a {@code reset} also asks for a fresh standardizer
 */
public record RetrainConfig(
    String policy, int gate, int horizon, int windowSize, int passes, boolean resetStandardizer) {

  /** The default policy. */
  public static final String DEFAULT_POLICY = "background";

  private static final Map<String, List<String>> PARAMETERS = Map.of(
      "reset", List.of("gate", "horizon", "reset-standardizer"),
      "background", List.of("gate", "horizon"),
      "window", List.of("window-size", "passes", "gate", "horizon"));

  /** The policy names. */
  public static final List<String> POLICIES = List.of("reset", "background", "window");

  /** Validates every parameter; errors name it and its value. */
  public RetrainConfig {
    if (!POLICIES.contains(policy)) {
      throw new IllegalArgumentException(
          "unknown retraining policy '" + policy + "'; known: " + String.join(", ", POLICIES));
    }
    require(gate >= 0, policy, "gate", gate, ">= 0 (0: no gate)");
    require(horizon >= 1 && horizon >= gate, policy, "horizon", horizon, ">= 1 and >= gate (" + gate + ")");
    require(windowSize >= 1, policy, "window-size", windowSize, ">= 1");
    require(passes >= 1, policy, "passes", passes, ">= 1");
    require(
        !(resetStandardizer && gate > 0),
        policy,
        "reset-standardizer",
        resetStandardizer,
        "false when a gate is set (a gated candidate learns on the current standardizer)");
  }

  /** The policy's parameters from spec strings (null policy: the default), defaults for the rest. */
  public static RetrainConfig fromParams(String policy, Map<String, String> raw) {
    String name = policy == null ? DEFAULT_POLICY : policy;
    List<String> allowed = PARAMETERS.get(name);
    if (allowed == null) {
      throw new IllegalArgumentException(
          "unknown retraining policy '" + name + "'; known: " + String.join(", ", POLICIES));
    }
    Params p = Params.of(name, raw, allowed);
    return new RetrainConfig(
        name,
        p.integer("gate", 0),
        p.integer("horizon", 1000),
        p.integer("window-size", 200),
        p.integer("passes", 3),
        p.bool("reset-standardizer", false));
  }

  /** The parameters this policy accepts, with their values. */
  public Map<String, String> toParams() {
    Map<String, String> all = Params.ordered(
        "window-size", windowSize, "passes", passes, "gate", gate, "horizon", horizon,
        "reset-standardizer", resetStandardizer);
    Map<String, String> out = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : all.entrySet()) {
      if (PARAMETERS.get(policy).contains(e.getKey())) {
        out.put(e.getKey(), e.getValue());
      }
    }
    return out;
  }

  /** True if a promotion gate is set. */
  public boolean gated() {
    return gate > 0;
  }
}
