package dev.eddy.learners.tensorflow;

import dev.eddy.learners.Learners;
import dev.eddy.learners.OnlineLearnerContract;
import java.util.HashMap;
import java.util.Map;

/**
 * The learner contract over every registered TensorFlow learner, with what differs from a
 * per-example learner: small batches and a higher rate so that 3,000 examples are enough to learn;
 * {@code max-wait} off so that replays are deterministic; {@code classes=3} for the contract's
 * multiclass streams (the class count is fixed by the graph); Adam's momentum keeps moving the
 * weights of features absent from later examples; and merged scores are averages only up to float32
 * rounding ({@link MergeTest} checks them within 1e-5). {@code tf-mlp} runs with one hidden layer
 * of 16.
 */
class TensorFlowContractTest extends OnlineLearnerContract {

  @Override
  protected boolean covers(String type) {
    return Learners.provider(type) instanceof TensorFlowLearnerProvider;
  }

  @Override
  protected Fixture fixture(String type) {
    Map<String, String> params =
        new HashMap<>(Map.of("max-wait", "0", "batch-size", "16", "learning-rate", "0.05"));
    if (type.equals(TensorFlowLearnerConfig.TF_MLP)) {
      params.put("hidden", "16");
    }
    return Fixture.of(type)
        .withParams(params)
        .withMulticlassParams(Map.of("classes", "3"))
        .movesAbsentFeatures()
        .nonLinearScores();
  }
}
