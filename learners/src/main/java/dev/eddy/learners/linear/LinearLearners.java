package dev.eddy.learners.linear;

import static dev.eddy.learners.linear.LinearParams.ALPHA;
import static dev.eddy.learners.linear.LinearParams.BETA;
import static dev.eddy.learners.linear.LinearParams.CLASSES;
import static dev.eddy.learners.linear.LinearParams.DELTA;
import static dev.eddy.learners.linear.LinearParams.EPSILON;
import static dev.eddy.learners.linear.LinearParams.L1;
import static dev.eddy.learners.linear.LinearParams.L2;
import static dev.eddy.learners.linear.LinearParams.LAMBDA;
import static dev.eddy.learners.linear.LinearParams.LEARNING_RATE;
import static dev.eddy.learners.linear.LinearParams.MULTICLASS;
import static dev.eddy.learners.linear.LinearParams.POWER_T;
import static dev.eddy.learners.linear.LinearParams.SCHEDULE;

import dev.eddy.learners.FeatureHasher;
import dev.eddy.learners.LearnerProvider;
import dev.eddy.learners.OnlineLearner;
import dev.eddy.learners.Task;
import dev.eddy.learners.codec.Framing;
import dev.eddy.learners.linear.PassiveAggressiveConfig.Variant;
import dev.eddy.learners.params.ParamSet;
import dev.eddy.learners.params.ParamValues;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
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
 * the hyperparameters, so a snapshot is validated exactly like a new spec. The prototype form
 * ({@link #writeLearned}) is the {@link LinearState} alone, read into a copy of the spec's learner.
 */
public final class LinearLearners implements LearnerProvider {

  /** Builds one learner type from its parsed parameters. */
  @FunctionalInterface
  private interface Factory {
    LinearLearner create(ParamValues params, int dimension, Task task);
  }

  /** One type: its parameters (all tasks), the tasks it supports, its factory. */
  private record Declaration(ParamSet params, Set<Task> tasks, Factory factory) {}

  private static final Set<Task> ALL_TASKS = Collections.unmodifiableSet(EnumSet.allOf(Task.class));

  private static final Map<String, Declaration> DECLARATIONS = declarations();

  private static Map<String, Declaration> declarations() {
    Map<String, Declaration> all = new TreeMap<>();
    for (Variant variant : Variant.values()) {
      ParamSet params = variant == Variant.PA
          ? ParamSet.of(variant.type, CLASSES, EPSILON, MULTICLASS)
          : ParamSet.of(variant.type, CLASSES, LinearParams.aggressiveness(variant), EPSILON, MULTICLASS);
      all.put(variant.type, new Declaration(params, ALL_TASKS,
          (p, d, t) -> PassiveAggressive.create(variant, p, d, t)));
    }
    all.put(Pegasos.TYPE, new Declaration(ParamSet.of(Pegasos.TYPE, CLASSES, LAMBDA),
        LinearLearner.CLASSIFICATION, (p, d, t) -> Pegasos.create(false, p, d, t)));
    all.put(Pegasos.AVERAGED_TYPE, new Declaration(
        ParamSet.of(Pegasos.AVERAGED_TYPE, CLASSES, LinearParams.AVERAGED_LAMBDA),
        LinearLearner.CLASSIFICATION, (p, d, t) -> Pegasos.create(true, p, d, t)));
    all.put(LogisticSgd.TYPE, new Declaration(
        ParamSet.of(LogisticSgd.TYPE, CLASSES, LEARNING_RATE, SCHEDULE, POWER_T),
        LinearLearner.CLASSIFICATION, LogisticSgd::create));
    all.put(AdaGrad.TYPE, new Declaration(
        ParamSet.of(AdaGrad.TYPE, CLASSES, LinearParams.ADAGRAD_RATE, DELTA),
        LinearLearner.CLASSIFICATION, AdaGrad::create));
    all.put(Ftrl.TYPE, new Declaration(ParamSet.of(Ftrl.TYPE, CLASSES, ALPHA, BETA, L1, L2),
        LinearLearner.CLASSIFICATION, Ftrl::create));
    all.put(Alma.TYPE, new Declaration(
        ParamSet.of(Alma.TYPE, CLASSES, LinearParams.ALMA_ALPHA, LinearParams.ALMA_B, LinearParams.ALMA_C),
        LinearLearner.CLASSIFICATION, Alma::create));
    all.put(SigmoidPerceptron.TYPE, new Declaration(
        ParamSet.of(SigmoidPerceptron.TYPE, CLASSES, LinearParams.PERCEPTRON_RATE),
        LinearLearner.CLASSIFICATION, SigmoidPerceptron::create));
    return Collections.unmodifiableMap(all);
  }

  /** For {@link java.util.ServiceLoader}. */
  public LinearLearners() {}

  @Override
  public Set<String> types() {
    return DECLARATIONS.keySet();
  }

  @Override
  public Set<Task> tasks(String type) {
    return declaration(type).tasks();
  }

  @Override
  public ParamSet parameters(String type) {
    return declaration(type).params();
  }

  private Declaration declaration(String type) {
    Declaration declaration = DECLARATIONS.get(type);
    if (declaration == null) {
      throw new IllegalArgumentException(
          "unknown learner type '" + type + "'; this provider builds " + types());
    }
    return declaration;
  }

  @Override
  public OnlineLearner create(String type, Map<String, String> params, int dimension, Task task) {
    Declaration declaration = declaration(type);
    if (dimension <= 0) {
      throw new IllegalArgumentException(
          "dimension of learner " + type + " must be > 0 but was " + dimension);
    }
    if (task == null) {
      throw new IllegalArgumentException("task of learner " + type + " must be given");
    }
    if (!declaration.tasks().contains(task)) {
      throw new IllegalArgumentException("learner " + type + " does not support task " + task
          + "; supported: " + declaration.tasks());
    }
    ParamValues values = LinearParams.forTask(declaration.params(), task).parse(params);
    return declaration.factory().create(values, dimension, task);
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
    int dimension = Framing.checkLength(in.readInt(), 1 << FeatureHasher.MAX_BITS, "dimension");
    int count = Framing.checkLength(in.readInt(), 64, "hyperparameter count");
    Map<String, String> hyperparameters = new TreeMap<>();
    for (int i = 0; i < count; i++) {
      hyperparameters.put(in.readUTF(), in.readUTF());
    }
    LinearLearner learner = (LinearLearner) create(type, hyperparameters, dimension, task);
    learner.state.readFrom(in);
    return learner;
  }

  /** Every linear learner: an untrained one is a few small arrays and its parsed hyperparameters. */
  @Override
  public boolean prototypes(String type) {
    return true;
  }

  /** The {@link LinearState} alone. */
  @Override
  public void writeLearned(OnlineLearner learner, DataOutput out) throws IOException {
    ((LinearLearner) learner).state.write(out);
  }

  @Override
  public OnlineLearner readLearned(OnlineLearner prototype, DataInput in) throws IOException {
    LinearLearner learner = (LinearLearner) prototype.copy();
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
