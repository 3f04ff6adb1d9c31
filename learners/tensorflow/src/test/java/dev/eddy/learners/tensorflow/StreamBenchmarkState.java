package dev.eddy.learners.tensorflow;

import dev.eddy.learners.OnlineLearner;
import dev.eddy.learners.tensorflow.SyntheticStream.Example;
import org.openjdk.jmh.infra.Blackhole;

/**
 * What every learner benchmark measures: test-then-train over one pre-generated, seeded stream
 * ({@value #EXAMPLES} dense binary examples of dimension {@value #DIMENSION}), as the job's learner
 * operator does it: predict, then learn. Scores are per example (ops/s = examples/s).
 */
abstract class StreamBenchmarkState {
  static final int EXAMPLES = 8192;
  static final int DIMENSION = 32;

  private final Example[] stream = SyntheticStream.linearBinary(EXAMPLES, DIMENSION, 2024);

  /** Predicts and learns every example of the stream once. */
  void testThenTrain(OnlineLearner learner, Blackhole blackhole) {
    for (Example example : stream) {
      blackhole.consume(learner.predict(example.x()));
      learner.learn(example.x(), example.label());
    }
  }
}
