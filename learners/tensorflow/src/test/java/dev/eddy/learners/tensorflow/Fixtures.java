package dev.eddy.learners.tensorflow;

import dev.eddy.learners.Prediction;
import dev.eddy.learners.Task;
import dev.eddy.learners.tensorflow.SyntheticStream.Example;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** Building learners with a controllable clock, and measuring them on a stream. */
final class Fixtures {
  private Fixtures() {}

  static TensorFlowLearnerConfig config(
      String type, Map<String, String> params, int dimension, Task task) {
    return TensorFlowLearnerConfig.parse(type, params, dimension, task);
  }

  /** A learner whose max-wait clock is {@code nanos}. */
  static TensorFlowLearner learner(TensorFlowLearnerConfig config, AtomicLong nanos) {
    return new TensorFlowLearner(
        config, Weights.glorot(config.layerSizes(), config.seed()), nanos::get);
  }

  static void learnAll(TensorFlowLearner learner, Example[] examples) {
    for (Example example : examples) {
      learner.learn(example.x(), example.label());
    }
  }

  static double accuracy(TensorFlowLearner learner, Example[] examples) {
    int correct = 0;
    for (Example example : examples) {
      correct += learner.predict(example.x()).label() == example.label() ? 1 : 0;
    }
    return (double) correct / examples.length;
  }

  /** Mean binary log loss of the Java-side probabilities. */
  static double logLoss(TensorFlowLearner learner, Example[] examples) {
    double sum = 0;
    for (Example example : examples) {
      Prediction prediction = learner.predict(example.x());
      double p = example.label() > 0 ? prediction.probability() : 1 - prediction.probability();
      sum -= Math.log(Math.max(p, 1e-12));
    }
    return sum / examples.length;
  }
}
