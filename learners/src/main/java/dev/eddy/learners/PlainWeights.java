package dev.eddy.learners;

/**
 * A learner whose parameters are one weight vector per class model (the bias last, at index
 * {@link OnlineLearner#dimension()}), which a {@link OnlineLearner#learn} changes only at the
 * example's non-zero coordinates and the bias. Such a learner's update can be measured and bounded
 * from outside by reading those weights before and after a learn and scaling the difference back —
 * the poisoning guard's {@code max-step} does so. PA (all three), logistic SGD, the sigmoid perceptron
 * and AdaGrad (whose squared-gradient sums are not rolled back) qualify; Pegasos (which shrinks every
 * weight), ALMA (which renormalizes them), FTRL (whose weights derive from other state) and the
 * TensorFlow learners do not.
 */
public interface PlainWeights {
  /** The number of class models (weight rows): 1 for binary and regression. */
  int classes();

  /** The weight of class model {@code row} at {@code index} (0..dimension, the bias last). */
  double weight(int row, int index);

  /** Sets the weight of class model {@code row} at {@code index}. */
  void setWeight(int row, int index, double value);
}
