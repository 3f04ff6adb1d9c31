package dev.eddy.drift.retrain;

import dev.eddy.drift.Signal;
import dev.eddy.learners.FeatureVector;
import dev.eddy.learners.OnlineLearner;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * {@code window}: keeps the last {@code window-size} labelled examples; on DRIFT a fresh model is
 * trained on them ({@code passes} passes, oldest first) and replaces the champion (with a gate, it
 * is a candidate until it matches the champion over the last N examples). Warnings are ignored.
 * The window still holds pre-change examples when the drift is detected; the new model keeps
 * learning online afterwards.
 */
final class WindowPolicy extends BasePolicy {
  private final ExampleWindow window;

  WindowPolicy(RetrainConfig config, OnlineLearner champion) {
    super(config, champion);
    this.window = new ExampleWindow(config.windowSize());
  }

  @Override
  Outcome onSignal(Signal signal) {
    if (signal != Signal.DRIFT) {
      return Outcome.NONE;
    }
    OnlineLearner model = fresh();
    window.trainInto(model, config().passes());
    String reason = "drift: fresh model trained on the last " + window.size() + " examples, "
        + config().passes() + " passes";
    return install(model, Action.WINDOW_RETRAINED, reason, false);
  }

  @Override
  void observe(FeatureVector x, double label) {
    window.add(x, label);
  }

  /** Examples in the window. */
  int windowed() {
    return window.size();
  }

  @Override
  void writeExtra(DataOutput out) throws IOException {
    window.write(out);
  }

  @Override
  void readExtra(DataInput in, int formatVersion) throws IOException {
    window.read(in);
  }
}
