package dev.eddy.learners.linear;

import dev.eddy.learners.FeatureHasher;
import dev.eddy.learners.LearnerProvider;
import dev.eddy.learners.OnlineLearner;
import dev.eddy.learners.Task;
import dev.eddy.learners.codec.Encoding;
import dev.eddy.learners.linear.PassiveAggressiveConfig.Variant;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The provider of the pure-Java linear learners, registered for {@link java.util.ServiceLoader} in
 * {@code META-INF/services/dev.eddy.learners.LearnerProvider} like any other provider. Use it through
 * {@link dev.eddy.learners.Learners} and {@link dev.eddy.learners.codec.LearnerCodec}.
 *
 * <p>Payload written after the codec's header: task name, dimension, the effective hyperparameters
 * (count, then name/value pairs), then the {@link LinearState}. Restoring rebuilds the learner from
 * the hyperparameters, so a snapshot is validated exactly like a new spec.
 */
public final class LinearLearners implements LearnerProvider {

  /** Builds one learner type from its parameters. */
  @FunctionalInterface
  private interface Factory {
    LinearLearner create(ParamReader params, int dimension, Task task);
  }

  private static final Map<String, Factory> FACTORIES = factories();

  private static Map<String, Factory> factories() {
    Map<String, Factory> factories = new TreeMap<>();
    for (Variant variant : Variant.values()) {
      factories.put(variant.type, (p, d, t) -> PassiveAggressive.create(variant, p, d, t));
    }
    factories.put(Pegasos.TYPE, (p, d, t) -> Pegasos.create(false, p, d, t));
    factories.put(Pegasos.AVERAGED_TYPE, (p, d, t) -> Pegasos.create(true, p, d, t));
    factories.put(LogisticSgd.TYPE, LogisticSgd::create);
    factories.put(AdaGrad.TYPE, AdaGrad::create);
    factories.put(Ftrl.TYPE, Ftrl::create);
    return Collections.unmodifiableMap(factories);
  }

  /** For {@link java.util.ServiceLoader}. */
  public LinearLearners() {}

  @Override
  public Set<String> types() {
    return FACTORIES.keySet();
  }

  @Override
  public OnlineLearner create(String type, Map<String, String> params, int dimension, Task task) {
    Factory factory = FACTORIES.get(type);
    if (factory == null) {
      throw new IllegalArgumentException(
          "unknown learner type '" + type + "'; this provider builds " + types());
    }
    if (dimension <= 0) {
      throw new IllegalArgumentException(
          "dimension of learner " + type + " must be > 0 but was " + dimension);
    }
    if (task == null) {
      throw new IllegalArgumentException("task of learner " + type + " must be given");
    }
    return factory.create(new ParamReader(type, task, params), dimension, task);
  }

  @Override
  public void writeState(OnlineLearner learner, DataOutput out) throws IOException {
    LinearLearner linear = (LinearLearner) learner;
    out.writeUTF(linear.task().name());
    out.writeInt(linear.dimension());
    Map<String, String> hyperparameters = linear.hyperparameters();
    out.writeInt(hyperparameters.size());
    for (Map.Entry<String, String> e : new TreeMap<>(hyperparameters).entrySet()) {
      out.writeUTF(e.getKey());
      out.writeUTF(e.getValue());
    }
    linear.state.write(out);
  }

  @Override
  public OnlineLearner readState(String type, DataInput in) throws IOException {
    Task task;
    String taskName = in.readUTF();
    try {
      task = Task.valueOf(taskName);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown task '" + taskName + "' in snapshot", e);
    }
    int dimension = Encoding.checkLength(in.readInt(), 1 << FeatureHasher.MAX_BITS, "dimension");
    int count = Encoding.checkLength(in.readInt(), 64, "hyperparameter count");
    Map<String, String> hyperparameters = new TreeMap<>();
    for (int i = 0; i < count; i++) {
      hyperparameters.put(in.readUTF(), in.readUTF());
    }
    LinearLearner learner = (LinearLearner) create(type, hyperparameters, dimension, task);
    learner.state.readFrom(in);
    return learner;
  }

  @Override
  public OnlineLearner merge(List<? extends OnlineLearner> replicas, double[] normalizedWeights) {
    List<LinearState> canonical = new ArrayList<>(replicas.size());
    for (OnlineLearner replica : replicas) {
      canonical.add(((LinearLearner) replica).canonicalState());
    }
    LinearLearner first = (LinearLearner) replicas.get(0);
    return first.withState(first.mergeStates(canonical, normalizedWeights));
  }
}
