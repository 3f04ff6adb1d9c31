package dev.eddy.drift.retrain;

import static dev.eddy.learners.params.ParamException.require;

import dev.eddy.learners.params.Param;
import dev.eddy.learners.params.ParamSet;
import dev.eddy.learners.params.ParamValues;
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
 * @param gate N &gt; 0 (default 30): after a drift a candidate is promoted only if its prequential
 *     accuracy (for regression: minus its mean absolute error) on all the examples since the drift,
 *     once there are at least N, is at least the champion's on the same examples, so a model worse
 *     than the champion since the drift is never promoted (a false alarm keeps the champion); 0: no
 *     gate, the drift promotes at once
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

  static final Param<Integer> WINDOW_SIZE = Param.integer("window-size", 200,
      "labelled examples the window policy keeps and retrains on").atLeast(1).log();
  static final Param<Integer> PASSES = Param.integer("passes", 3,
      "passes over the window when the window policy retrains").atLeast(1);
  /**
   * The default gate: examples since the drift on which a candidate must match the champion, as many
   * as a challenger needs to be said to beat it ({@code Candidate.MIN_SCORED}). Longer waits cost
   * more on a real drift, where the old champion keeps serving: on a flipped concept, 100 cost 1.2
   * points of accuracy where 30 cost 0.3 (BENCHMARKS.md, "Learning quality").
   */
  public static final int DEFAULT_GATE = 30;

  static final Param<Integer> GATE = Param.integer("gate", DEFAULT_GATE,
      "N > 0: after a drift, promote a candidate only once it matches the champion on all the "
          + "examples since the drift, at least N; 0: no gate").atLeast(0);
  static final Param<Integer> HORIZON = Param.integer("horizon", 1000,
      "examples a challenger may learn without beating the champion before it is dropped")
      .atLeast(1).log();
  static final Param<Boolean> RESET_STANDARDIZER = Param.bool("reset-standardizer", false,
      "a reset also asks for a fresh standardizer (not with a gate)");

  /** Every parameter of any policy, in the order {@link #toParams} lists them. */
  private static final ParamSet ALL =
      ParamSet.of("retraining policy", WINDOW_SIZE, PASSES, GATE, HORIZON, RESET_STANDARDIZER);

  private static final Map<String, ParamSet> PARAMETERS = Map.of(
      "reset", ParamSet.of("reset", GATE, HORIZON, RESET_STANDARDIZER),
      "background", ParamSet.of("background", GATE, HORIZON),
      "window", ParamSet.of("window", WINDOW_SIZE, PASSES, GATE, HORIZON));

  /** The policy names. */
  public static final List<String> POLICIES = List.of("reset", "background", "window");

  /** Validates every parameter; errors name it and its value. */
  public RetrainConfig {
    if (!POLICIES.contains(policy)) {
      throw new IllegalArgumentException(
          "unknown retraining policy '" + policy + "'; known: " + String.join(", ", POLICIES));
    }
    WINDOW_SIZE.check(policy, windowSize);
    PASSES.check(policy, passes);
    GATE.check(policy, gate);
    HORIZON.check(policy, horizon);
    require(horizon >= gate, policy, "horizon", horizon, ">= 1 and >= gate (" + gate + ")");
    require(
        !(resetStandardizer && gate > 0),
        policy,
        "reset-standardizer",
        resetStandardizer,
        "false when a gate is set (a gated candidate learns on the current standardizer); "
            + "set gate: 0 to reset the standardizer");
  }

  /**
   * The parameters {@code policy} accepts (null: the default policy's).
   *
   * @throws IllegalArgumentException for an unknown policy, listing the known ones
   */
  public static ParamSet parameters(String policy) {
    ParamSet params = PARAMETERS.get(policy == null ? DEFAULT_POLICY : policy);
    if (params == null) {
      throw new IllegalArgumentException(
          "unknown retraining policy '" + policy + "'; known: " + String.join(", ", POLICIES));
    }
    return params;
  }

  /** The policy's parameters from spec strings (null policy: the default), defaults for the rest. */
  public static RetrainConfig fromParams(String policy, Map<String, String> raw) {
    ParamSet params = parameters(policy);
    ParamValues p = params.parse(raw);
    return new RetrainConfig(params.owner(), p.get(GATE), p.get(HORIZON), p.get(WINDOW_SIZE),
        p.get(PASSES), p.get(RESET_STANDARDIZER));
  }

  /** The parameters this policy accepts, with their values. */
  public Map<String, String> toParams() {
    return parameters(policy).select(
        ALL.render(windowSize, passes, gate, horizon, resetStandardizer));
  }

  /** True if a promotion gate is set. */
  public boolean gated() {
    return gate > 0;
  }
}
