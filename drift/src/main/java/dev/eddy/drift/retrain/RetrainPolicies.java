package dev.eddy.drift.retrain;

import dev.eddy.learners.OnlineLearner;
import dev.eddy.learners.params.ParamSet;
import java.util.List;
import java.util.Map;

/** Builds retraining policies by name and string parameters (see {@link RetrainConfig}). */
public final class RetrainPolicies {
  private RetrainPolicies() {}

  /** The policy names; {@code background} is the default. */
  public static List<String> names() {
    return RetrainConfig.POLICIES;
  }

  /**
   * The parameters a policy accepts, declared once: for help texts, docs and a tuner's search space.
   *
   * @param name reset, background or window; null for the default (background)
   * @throws IllegalArgumentException for an unknown name, listing the known ones
   */
  public static ParamSet parameters(String name) {
    return RetrainConfig.parameters(name);
  }

  /**
   * A policy around {@code champion} (the initial model, version 1).
   *
   * @param name reset, background or window; null for the default (background)
   * @param params the policy's parameters by spec name; null for none
   * @throws IllegalArgumentException for an unknown name (listing the known ones), a parameter the
   *     policy does not take (listing the allowed ones) or a bad value (naming it)
   */
  public static RetrainPolicy create(String name, Map<String, String> params, OnlineLearner champion) {
    return create(RetrainConfig.fromParams(name, params), champion);
  }

  /** A policy for a validated config. */
  public static RetrainPolicy create(RetrainConfig config, OnlineLearner champion) {
    return switch (config.policy()) {
      case "reset" -> new ResetPolicy(config, champion);
      case "window" -> new WindowPolicy(config, champion);
      default -> new BackgroundPolicy(config, champion);
    };
  }
}
