package dev.eddy.learners.tensorflow;

import dev.eddy.learners.LearnerProvider;
import dev.eddy.learners.OnlineLearner;
import dev.eddy.learners.Task;
import dev.eddy.learners.params.ParamSet;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Registers {@code tf-logistic} and {@code tf-mlp} with {@code Learners} through {@link
 * java.util.ServiceLoader} ({@code META-INF/services/dev.eddy.learners.LearnerProvider}), so the
 * job, {@code bin/eddy evaluate} and the learner codec use them as soon as this module is on the
 * classpath. Every learner it returns is a {@link TensorFlowLearner} and must be closed.
 */
public final class TensorFlowLearnerProvider implements LearnerProvider {
  private static final Set<Task> CLASSIFIER_TASKS =
      Collections.unmodifiableSet(EnumSet.of(Task.BINARY, Task.MULTICLASS));

  @Override
  public Set<String> types() {
    return TensorFlowLearnerConfig.TYPES;
  }

  @Override
  public Set<Task> tasks(String type) {
    TensorFlowParams.of(type);
    return CLASSIFIER_TASKS;
  }

  @Override
  public ParamSet parameters(String type) {
    return TensorFlowParams.of(type);
  }

  @Override
  public TensorFlowLearner create(
      String type, Map<String, String> params, int dimension, Task task) {
    return TensorFlowLearner.create(TensorFlowLearnerConfig.parse(type, params, dimension, task));
  }

  @Override
  public void writeState(OnlineLearner learner, DataOutput out) throws IOException {
    SnapshotFormat.write(cast(learner), out);
  }

  @Override
  public TensorFlowLearner readState(String type, DataInput in) throws IOException {
    return SnapshotFormat.read(type, in, null, System::nanoTime);
  }

  /**
   * Reads a learner as {@link #readState} does, but places its session on {@code device} instead of
   * the device recorded in the snapshot: an operator restored on another TaskManager passes the GPU
   * it was given there.
   */
  public TensorFlowLearner readState(String type, DataInput in, DeviceSelection device)
      throws IOException {
    return SnapshotFormat.read(type, in, device, System::nanoTime);
  }

  /**
   * A new learner whose weights are {@code sum_r normalizedWeights[r] * weights_r} (normalized by
   * {@code Learners.merge}), with the first replica's configuration, the summed example and step
   * counts, no waiting examples and fresh optimizer state. The replicas are not modified; the
   * result must be closed.
   *
   * @throws IllegalArgumentException when a replica is not a TensorFlow learner, or when two
   *     replicas' layouts (type, task, dimension, classes, hidden layers) differ, naming both
   */
  @Override
  public TensorFlowLearner merge(
      List<? extends OnlineLearner> replicas, double[] normalizedWeights) {
    TensorFlowLearner first = cast(replicas.get(0));
    List<Weights> parts = new ArrayList<>(replicas.size());
    long seen = 0;
    long steps = 0;
    for (OnlineLearner replica : replicas) {
      TensorFlowLearner learner = cast(replica);
      if (!learner.layout().equals(first.layout())) {
        throw new IllegalArgumentException(
            "cannot merge TensorFlow learners with incompatible layouts: "
                + first.layout()
                + " and "
                + learner.layout());
      }
      parts.add(learner.weights());
      seen += learner.examplesSeen();
      steps += learner.trainingSteps();
    }
    TensorFlowLearner merged =
        new TensorFlowLearner(
            first.config(), Weights.average(parts, normalizedWeights), first.nanoClock());
    merged.restoreCounters(seen, steps);
    return merged;
  }

  private static TensorFlowLearner cast(OnlineLearner learner) {
    if (learner instanceof TensorFlowLearner tensorFlow) {
      return tensorFlow;
    }
    throw new IllegalArgumentException(
        "not a TensorFlow learner: " + learner.type() + " (" + learner.getClass().getName() + ")");
  }
}
