package dev.eddy.drift.retrain;

import dev.eddy.drift.Signal;
import dev.eddy.learners.OnlineLearner;

/**
 * {@code background} (the default): on WARNING a fresh challenger starts learning the new data
 * beside the champion; on DRIFT it is promoted (with a gate, once it matches the champion over the
 * last N examples), or, if no warning came first, a fresh model replaces the champion. A challenger
 * that never beats the champion within {@code horizon} examples is dropped; one that beat it gets
 * another horizon. This is DDM's warning-window scheme (Gama et al. 2004), with the new model
 * trained incrementally instead of from a stored window.
 */
final class BackgroundPolicy extends BasePolicy {
  BackgroundPolicy(RetrainConfig config, OnlineLearner champion) {
    super(config, champion);
  }

  @Override
  Outcome onSignal(Signal signal) {
    if (signal == Signal.WARNING) {
      return hasCandidate() ? Outcome.NONE : start(fresh(), false, "warning: challenger started");
    }
    if (hasCandidate()) {
      return promote("drift: challenger promoted");
    }
    return install(fresh(), Action.RESET, "drift without a preceding warning: fresh model", false);
  }
}
