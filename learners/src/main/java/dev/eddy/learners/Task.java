package dev.eddy.learners;

/**
 * What a learner predicts. Labels are doubles throughout: {@code 0}/{@code 1} for binary (the
 * learners also accept -1/+1: a label {@code > 0} is the positive class), the class index
 * {@code 0..K-1} for multiclass, the target value for regression.
 */
public enum Task {
  BINARY,
  MULTICLASS,
  REGRESSION
}
