package dev.eddy.learners;

import dev.eddy.learners.params.ParamSet;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A family of learners, found with {@link java.util.ServiceLoader} (file
 * {@code META-INF/services/dev.eddy.learners.LearnerProvider}). The pure-Java learners are one
 * provider; the TensorFlow learners are another, in their own module, so that this module never
 * depends on TensorFlow.
 */
public interface LearnerProvider {

  /** The learner type names this provider builds, e.g. {@code pa-i}. */
  Set<String> types();

  /** The tasks a type supports. */
  Set<Task> tasks(String type);

  /**
   * The hyperparameters a type declares, for every task (a description says when one applies to
   * one task only); {@link #create} parses with these declarations.
   */
  ParamSet parameters(String type);

  /**
   * Builds a learner. Throws {@link IllegalArgumentException} naming the parameter, its bad value
   * and what is allowed, for an unknown parameter or a bad value.
   */
  OnlineLearner create(String type, Map<String, String> params, int dimension, Task task);

  /** Writes the learner's state (parameters and hyperparameters) after the codec's header. */
  void writeState(OnlineLearner learner, DataOutput out) throws IOException;

  /** Reads a learner of the given type written by {@link #writeState}. */
  OnlineLearner readState(String type, DataInput in) throws IOException;

  /**
   * Whether an untrained learner of {@code type} may stand for a job's spec for the job's life: copied
   * for each new model instead of parsing the hyperparameters again, and the reader of the learned
   * state that {@link #writeLearned} writes without them (keyed state of many model keys, where the
   * hyperparameters are the spec's for every key). False by default, e.g. for learners that hold
   * native resources (TensorFlow sessions).
   */
  default boolean prototypes(String type) {
    return false;
  }

  /**
   * Writes what the learner learned, without its type, task, dimension or hyperparameters: those of
   * the prototype it will be read against ({@link #readLearned}). Only where {@link #prototypes}.
   */
  default void writeLearned(OnlineLearner learner, DataOutput out) throws IOException {
    throw new UnsupportedOperationException("learner " + learner.type() + " has no prototype form");
  }

  /**
   * A learner of {@code prototype}'s type, task, dimension and hyperparameters with the learned state
   * {@link #writeLearned} wrote; {@code prototype} is not modified.
   */
  default OnlineLearner readLearned(OnlineLearner prototype, DataInput in) throws IOException {
    throw new UnsupportedOperationException("learner " + prototype.type() + " has no prototype form");
  }

  /**
   * Merges replicas of one learner by weighted parameter averaging (data-parallel training). {@link
   * Learners#merge} calls it after checking that the replicas share one {@link
   * OnlineLearner#layout()} and that the weights are valid, and passes weights normalized to sum 1.
   * The replicas are not modified.
   */
  OnlineLearner merge(List<? extends OnlineLearner> replicas, double[] normalizedWeights);
}
