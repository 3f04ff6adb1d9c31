package dev.eddy.drift.retrain;

import dev.eddy.drift.Signal;
import dev.eddy.learners.OnlineLearner;

/**
 * {@code reset}: on DRIFT a fresh, untrained model replaces the champion (with {@code
 * reset-standardizer}, the outcome also asks the operator for a fresh standardizer). Warnings are
 * ignored. With a gate the fresh model is a candidate until it matches the champion over the last N
 * examples. The classic "detect and restart" of Gama et al. (2004).
 */
final class ResetPolicy extends BasePolicy {
  ResetPolicy(RetrainConfig config, OnlineLearner champion) {
    super(config, champion);
  }

  @Override
  Outcome onSignal(Signal signal) {
    if (signal != Signal.DRIFT) {
      return Outcome.NONE;
    }
    return install(fresh(), Action.RESET, "drift: fresh model", config().resetStandardizer());
  }
}
