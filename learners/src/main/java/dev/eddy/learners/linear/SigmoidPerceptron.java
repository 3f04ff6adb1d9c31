package dev.eddy.learners.linear;

import dev.eddy.learners.FeatureVector;
import dev.eddy.learners.Task;
import dev.eddy.learners.params.ParamValues;
import java.util.Map;

/**
 * A single sigmoid unit trained by the delta rule (type {@code perceptron}), as MOA's {@code
 * functions.Perceptron}: p = σ(w·x + b), and for a target t = [y = 1],
 *
 * <pre>
 *   δ = (t − p)·p·(1 − p),   w += r·δ·x,   b += r·δ
 * </pre>
 *
 * the gradient step on the squared error ½(t − p)² (D. E. Rumelhart, G. E. Hinton and R. J.
 * Williams, "Learning representations by back-propagating errors", Nature 323, 1986), r = {@code
 * learning-rate} (MOA's learning ratio, 1). Multiclass: one unit per class, one-vs-rest, as MOA;
 * probabilities are the units' outputs normalized. Unlike MOA, the weights start at 0 rather than
 * at random in [-0.1, 0.1], so a run needs no seed. State: the weights.
 */
final class SigmoidPerceptron extends LogisticLearner implements dev.eddy.learners.PlainWeights {

  static final String TYPE = "perceptron";

  private final double rate;

  private SigmoidPerceptron(double rate, Task task, int dimension, Map<String, String> hyperparameters,
      LinearState state) {
    super(TYPE, task, dimension, hyperparameters, state);
    this.rate = rate;
  }

  static SigmoidPerceptron create(ParamValues params, int dimension, Task task) {
    return new SigmoidPerceptron(params.get(LinearParams.PERCEPTRON_RATE), task, dimension,
        hyperparameters(params), new LinearState(dimension, classes(task, params), 1));
  }

  @Override
  LinearLearner withState(LinearState state) {
    return new SigmoidPerceptron(rate, task(), dimension(), hyperparameters(), state);
  }

  @Override
  double score(int k, FeatureVector x) {
    return biasedScore(state.tables[0][k], x);
  }

  @Override
  void learnBinary(int k, FeatureVector x, double y, double score) {
    double p = sigmoid(score);
    double step = rate * ((y > 0 ? 1 : 0) - p) * p * (1 - p);
    double[] w = state.tables[0][k];
    x.addTo(w, step);
    w[w.length - 1] += step;
  }
}
