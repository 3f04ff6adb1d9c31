package dev.eddy.learners.linear;

import dev.eddy.learners.FeatureVector;
import dev.eddy.learners.OnlineLearner;
import dev.eddy.learners.Prediction;
import dev.eddy.learners.Task;
import dev.eddy.learners.params.ParamValues;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The shared skeleton of the linear learners: input checks, the three tasks, one-vs-rest
 * multiclass, growing the class count, copying and merging. An algorithm supplies the score of one
 * class's model and its update rule for a ±1 label (and, where defined, a regression update).
 *
 * <p>Labels: binary labels are positive when {@code > 0} (0/1 and -1/+1 both work) and enter the
 * update rules as y ∈ {-1, +1}; multiclass labels are class indices 0..{@value #MAX_CLASSES}-1, and
 * a new index grows the model (new classes start from zero weights); regression labels are any
 * finite number. The bias is the last entry of every weight vector, i.e. a constant feature 1.
 *
 * <p>{@link #predict} and {@link #learn} allocate nothing but the returned {@link Prediction}
 * (which escape analysis removes when the caller does not keep it) and, for multiclass, its
 * per-class arrays.
 */
abstract class LinearLearner implements OnlineLearner {

  /** Largest number of classes of a multiclass model. */
  static final int MAX_CLASSES = 1 << 16;

  private final String type;
  private final Task task;
  private final int dimension;
  private final Map<String, String> hyperparameters;
  final LinearState state;

  LinearLearner(String type, Task task, int dimension, Map<String, String> hyperparameters,
      LinearState state) {
    this.type = type;
    this.task = task;
    this.dimension = dimension;
    this.hyperparameters = Collections.unmodifiableMap(hyperparameters);
    this.state = state;
  }

  /** The number of class models: {@code classes} for a multiclass model, else 1. */
  static int classes(Task task, ParamValues params) {
    return task == Task.MULTICLASS ? params.get(LinearParams.CLASSES) : 1;
  }

  /** The effective hyperparameters (defaults included) as persisted, sorted by name. */
  static Map<String, String> hyperparameters(ParamValues params) {
    return new TreeMap<>(params.effective());
  }

  /** Tasks of the classifiers. */
  static final Set<Task> CLASSIFICATION = Collections.unmodifiableSet(
      EnumSet.of(Task.BINARY, Task.MULTICLASS));

  /** The score of class {@code k}'s model (the only model for binary and regression). */
  abstract double score(int k, FeatureVector x);

  /**
   * {@code w . x + b} for a weight row whose last entry is the unregularized bias {@code b}: the score
   * of every learner that keeps plain weights (PA, logistic SGD, AdaGrad).
   */
  static double biasedScore(double[] w, FeatureVector x) {
    return x.dot(w) + w[w.length - 1];
  }

  /**
   * The score class {@code k}'s update rule starts from: {@link #score} unless the prediction is
   * made with other parameters than those learned (averaged Pegasos).
   */
  double learningScore(int k, FeatureVector x) {
    return score(k, x);
  }

  /**
   * Updates class {@code k}'s model on an example whose label for that model is y ∈ {-1,+1}, given
   * {@code score} = {@link #learningScore}(k, x) before the update.
   */
  abstract void learnBinary(int k, FeatureVector x, double y, double score);

  /** This learner over another state (for copies, merges and restores). */
  abstract LinearLearner withState(LinearState state);

  /** P(y = 1) for a binary score, or NaN where the model does not define it. */
  double probability(double score) {
    return Double.NaN;
  }

  /** Every class's probability from the class scores of a multiclass prediction, or null where the model does not define them. */
  double[] classProbabilities(double[] scores) {
    return null;
  }

  /** Multiclass update; one-vs-rest unless overridden. */
  void learnMulticlass(FeatureVector x, int label) {
    for (int k = 0; k < state.classes; k++) {
      learnBinary(k, x, k == label ? 1.0 : -1.0, learningScore(k, x));
    }
  }

  /**
   * Regression update given {@code score} = {@link #learningScore}(0, x), for the learners that list
   * REGRESSION among their tasks.
   */
  void learnRegression(FeatureVector x, double label, double score) {
    throw new IllegalStateException("learner " + type + " has no regression update");
  }

  @Override
  public final Prediction predict(FeatureVector x) {
    checkDimension(x);
    if (task == Task.MULTICLASS) {
      x.requireFinite();
      double[] scores = new double[state.classes];
      int best = 0;
      for (int k = 0; k < scores.length; k++) {
        scores[k] = score(k, x);
        if (scores[k] > scores[best]) {
          best = k;
        }
      }
      return new Prediction(scores[best], best, Double.NaN, scores, classProbabilities(scores));
    }
    double s = checkedScore(x, score(0, x));
    return task == Task.REGRESSION
        ? new Prediction(s, s, Double.NaN)
        : new Prediction(s, s > 0 ? 1.0 : 0.0, probability(s));
  }

  @Override
  public final void learn(FeatureVector x, double label) {
    checkDimension(x);
    if (!Double.isFinite(label)) {
      throw badLabel("label of learner " + type + " is not finite: ", label);
    }
    if (task == Task.MULTICLASS) {
      x.requireFinite();
      int y = (int) label;
      if (y != label || y < 0 || y >= MAX_CLASSES) {
        throw badLabel("multiclass label is not a class index in [0, " + MAX_CLASSES + "): ", label);
      }
      state.ensureClasses(y + 1);
      state.steps++;
      learnMulticlass(x, y);
      return;
    }
    double s = checkedScore(x, learningScore(0, x));
    state.steps++;
    if (task == Task.BINARY) {
      learnBinary(0, x, label > 0 ? 1.0 : -1.0, s);
    } else {
      learnRegression(x, label, s);
    }
  }

  /**
   * Returns {@code score} after rejecting an input with a NaN or infinite entry. Any such entry
   * makes a linear score NaN or infinite whatever the weights (NaN·w = NaN, ±∞·0 = NaN, ±∞·w = ±∞,
   * and sums keep them), so the full scan of the input only runs when the score is not finite:
   * checking costs nothing on the hot path. Nothing has been changed when it throws.
   */
  private static double checkedScore(FeatureVector x, double score) {
    if (!Double.isFinite(score)) {
      x.requireFinite();
    }
    return score;
  }

  // The throws live in small cold methods so that predict and learn stay small enough to inline.
  private static IllegalArgumentException badLabel(String message, double label) {
    return new IllegalArgumentException(message + label);
  }

  private void checkDimension(FeatureVector x) {
    if (x.dimension() != dimension) {
      throw wrongDimension(x);
    }
  }

  private IllegalArgumentException wrongDimension(FeatureVector x) {
    return new IllegalArgumentException("feature vector of dimension " + x.dimension()
        + " given to learner " + type + " of dimension " + dimension);
  }

  /** A copy of the state in the form that weighted averaging merges exactly (see overrides). */
  LinearState canonicalState() {
    return state.copy();
  }

  /** Merges canonical states of replicas by weighted averaging. */
  LinearState mergeStates(List<LinearState> canonical, double[] weights) {
    return LinearState.average(canonical, weights);
  }

  @Override
  public final String type() {
    return type;
  }

  @Override
  public final Task task() {
    return task;
  }

  @Override
  public final int dimension() {
    return dimension;
  }

  @Override
  public final Map<String, String> hyperparameters() {
    return hyperparameters;
  }

  @Override
  public final long examplesSeen() {
    return state.steps;
  }

  @Override
  public final OnlineLearner copy() {
    return withState(state.copy());
  }

  /** Number of class models (1 for binary and regression). */
  public final int classes() {
    return state.classes;
  }

  /** Weight {@code index} of class model {@code row} (table 0); see {@link dev.eddy.learners.PlainWeights}. */
  public final double weight(int row, int index) {
    return state.tables[0][row][index];
  }

  /** Sets weight {@code index} of class model {@code row} (table 0); see {@link dev.eddy.learners.PlainWeights}. */
  public final void setWeight(int row, int index, double value) {
    state.tables[0][row][index] = value;
  }

  @Override
  public String layout() {
    return OnlineLearner.super.layout() + " with " + state.classes + " class models";
  }

  @Override
  public String toString() {
    return layout() + " after " + state.steps + " examples";
  }
}
