package dev.eddy.learners;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.eddy.learners.SyntheticStreams.Example;
import dev.eddy.learners.codec.LearnerCodec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The contract every {@link OnlineLearner} keeps (after River's {@code check_estimator} battery):
 * learning leaves its input alone; a snapshot restores to a learner that predicts and learns
 * identically; the same stream gives the same model; copies are independent; merging one replica is
 * the identity and incompatible layouts are rejected; unseen, vanishing and reordered sparse
 * features are handled; NaN/Inf, wrong dimensions and unknown parameters are rejected without
 * changing the model; a learnable stream is learned.
 *
 * <p>The battery runs over <em>every registered type</em> ({@link Learners#types()}) that a module's
 * subclass {@link #covers}, so a newly registered type cannot skip it: each learner module (this
 * one, and others through this module's test-jar) has one subclass, which may adjust a type's
 * {@link Fixture} (parameters, tasks, known deviations) and add {@link #variants()}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class OnlineLearnerContract {

  protected static final int DIMENSION = 10;
  protected static final int SPARSE_DIMENSION = 1 << 12;

  /**
   * One configuration under test.
   *
   * @param type the learner type
   * @param tasks the tasks to test it on
   * @param params its hyperparameters
   * @param multiclassParams hyperparameters added for a multiclass model
   * @param absentFeaturesUnchanged false for learners that shrink every weight on every step
   * @param scoreLinearInParameters false for learners whose score is not linear in their merged
   *     parameters
   */
  public record Fixture(String type, Set<Task> tasks, Map<String, String> params,
      Map<String, String> multiclassParams, boolean absentFeaturesUnchanged,
      boolean scoreLinearInParameters) {

    /** A type with its default parameters on every task it supports. */
    public static Fixture of(String type) {
      return new Fixture(type, Learners.tasks(type), Map.of(), Map.of(), true, true);
    }

    /** The same with these hyperparameters. */
    public Fixture withParams(Map<String, String> newParams) {
      return new Fixture(type, tasks, newParams, multiclassParams, absentFeaturesUnchanged,
          scoreLinearInParameters);
    }

    /** The same, on these tasks only. */
    public Fixture withTasks(Set<Task> newTasks) {
      return new Fixture(type, newTasks, params, multiclassParams, absentFeaturesUnchanged,
          scoreLinearInParameters);
    }

    /** The same, with these hyperparameters added for multiclass models. */
    public Fixture withMulticlassParams(Map<String, String> extra) {
      return new Fixture(type, tasks, params, extra, absentFeaturesUnchanged,
          scoreLinearInParameters);
    }

    /** The same, for a learner that moves weights of features absent from an example. */
    public Fixture movesAbsentFeatures() {
      return new Fixture(type, tasks, params, multiclassParams, false, scoreLinearInParameters);
    }

    /** The same, for a learner whose merged scores are not averages of the replicas' scores. */
    public Fixture nonLinearScores() {
      return new Fixture(type, tasks, params, multiclassParams, absentFeaturesUnchanged, false);
    }

    /** A fresh learner of this configuration. */
    public OnlineLearner create(int dimension, Task task) {
      Map<String, String> all = new HashMap<>(params);
      if (task == Task.MULTICLASS) {
        all.putAll(multiclassParams);
      }
      return Learners.create(type, all, dimension, task);
    }

    @Override
    public String toString() {
      return type + (params.isEmpty() ? "" : " " + new TreeMap<>(params)) + " " + tasks;
    }
  }

  /** Whether this module's battery must run on a registered type (e.g. by its provider). */
  protected abstract boolean covers(String type);

  /** The configuration a covered type is tested in (default: its defaults, on all its tasks). */
  protected Fixture fixture(String type) {
    return Fixture.of(type);
  }

  /** Further configurations to test, e.g. non-default modes. */
  protected List<Fixture> variants() {
    return List.of();
  }

  /** Every covered registered type's fixture, then the variants. */
  final Stream<Fixture> fixtures() {
    List<Fixture> all = new ArrayList<>();
    for (String type : Learners.types()) {
      if (covers(type)) {
        all.add(fixture(type));
      }
    }
    all.addAll(variants());
    return all.stream();
  }

  @Test
  void coversAtLeastOneRegisteredType() {
    assertThat(Learners.types()).anyMatch(this::covers);
  }

  protected static List<Example> stream(long seed, int n, Task task) {
    return SyntheticStreams.dense(seed, n, DIMENSION, task, 3);
  }

  protected static List<Example> sparseStream(long seed, int n, Task task) {
    return SyntheticStreams.sparse(seed, n, SPARSE_DIMENSION, 8, task, 3);
  }

  protected static OnlineLearner train(OnlineLearner learner, List<Example> examples) {
    for (Example e : examples) {
      learner.learn(e.x(), e.label());
    }
    return learner;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void learningDoesNotMutateItsInput(Fixture f) {
    for (Task task : f.tasks()) {
      for (List<Example> examples : List.of(stream(1, 50, task), sparseStream(1, 50, task))) {
        OnlineLearner learner = f.create(examples.get(0).x().dimension(), task);
        for (Example e : examples) {
          FeatureVector x = e.x();
          double[] before = values(x);
          learner.predict(x);
          learner.learn(x, e.label());
          assertThat(values(x)).as("%s %s", task, x).containsExactly(before);
        }
      }
    }
  }

  private static double[] values(FeatureVector x) {
    double[] out = new double[2 * x.size()];
    for (int k = 0; k < x.size(); k++) {
      out[2 * k] = x.index(k);
      out[2 * k + 1] = x.value(k);
    }
    return out;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void snapshotRestoresALearnerThatPredictsAndLearnsIdentically(Fixture f) {
    for (Task task : f.tasks()) {
      OnlineLearner original = train(f.create(DIMENSION, task), stream(2, 300, task));
      byte[] bytes = LearnerCodec.encode(original);
      OnlineLearner restored = LearnerCodec.decode(bytes);
      assertThat(restored.type()).isEqualTo(f.type());
      assertThat(restored.task()).isEqualTo(task);
      assertThat(restored.examplesSeen()).isEqualTo(300);
      assertThat(restored.hyperparameters()).isEqualTo(original.hyperparameters());
      assertThat(LearnerCodec.encode(restored)).isEqualTo(bytes);
      for (Example e : stream(3, 100, task)) {
        assertThat(restored.predict(e.x())).as("%s", task).isEqualTo(original.predict(e.x()));
        original.learn(e.x(), e.label());
        restored.learn(e.x(), e.label());
      }
      assertThat(LearnerCodec.encode(restored)).isEqualTo(LearnerCodec.encode(original));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void theSameStreamGivesTheSameModel(Fixture f) {
    for (Task task : f.tasks()) {
      byte[] first = LearnerCodec.encode(train(f.create(DIMENSION, task), stream(4, 200, task)));
      byte[] second = LearnerCodec.encode(train(f.create(DIMENSION, task), stream(4, 200, task)));
      byte[] other = LearnerCodec.encode(train(f.create(DIMENSION, task), stream(5, 200, task)));
      assertThat(second).isEqualTo(first);
      assertThat(other).isNotEqualTo(first);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void aCopyIsIndependent(Fixture f) {
    for (Task task : f.tasks()) {
      OnlineLearner learner = train(f.create(DIMENSION, task), stream(6, 100, task));
      OnlineLearner copy = learner.copy();
      byte[] before = LearnerCodec.encode(copy);
      train(learner, stream(7, 100, task));
      assertThat(LearnerCodec.encode(copy)).isEqualTo(before);
      assertThat(LearnerCodec.encode(learner)).isNotEqualTo(before);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void mergingOneReplicaOrIdenticalReplicasIsTheIdentity(Fixture f) {
    for (Task task : f.tasks()) {
      OnlineLearner learner = train(f.create(DIMENSION, task), stream(8, 200, task));
      byte[] before = LearnerCodec.encode(learner);
      OnlineLearner single = Learners.merge(List.of(learner), new double[] {3.0});
      OnlineLearner pair = Learners.merge(List.of(learner, learner.copy()), new double[] {1, 2});
      assertThat(LearnerCodec.encode(learner)).as("replicas unchanged").isEqualTo(before);
      for (Example e : stream(9, 50, task)) {
        Prediction expected = learner.predict(e.x());
        for (OnlineLearner merged : List.of(single, pair)) {
          Prediction actual = merged.predict(e.x());
          assertThat(actual.score()).isCloseTo(expected.score(), within(tolerance(expected)));
          if (task == Task.REGRESSION) {
            assertThat(actual.label()).isCloseTo(expected.label(), within(tolerance(expected)));
          } else {
            assertThat(actual.label()).isEqualTo(expected.label());
          }
        }
      }
    }
  }

  private static double tolerance(Prediction p) {
    return 1e-9 * (1 + Math.abs(p.score()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void mergingAveragesTheReplicasScores(Fixture f) {
    if (!f.scoreLinearInParameters()) {
      return;
    }
    for (Task task : f.tasks()) {
      if (task == Task.MULTICLASS) {
        continue; // the multiclass prediction is an argmax, not linear
      }
      OnlineLearner a = train(f.create(DIMENSION, task), stream(10, 200, task));
      OnlineLearner b = train(f.create(DIMENSION, task), stream(11, 200, task));
      OnlineLearner merged = Learners.merge(List.of(a, b), new double[] {1, 3});
      for (Example e : stream(12, 50, task)) {
        double expected = 0.25 * a.predict(e.x()).score() + 0.75 * b.predict(e.x()).score();
        assertThat(merged.predict(e.x()).score()).isCloseTo(expected, within(1e-9));
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void mergeRejectsIncompatibleLayoutsNamingBoth(Fixture f) {
    for (Task task : f.tasks()) {
      OnlineLearner a = f.create(DIMENSION, task);
      OnlineLearner b = f.create(DIMENSION + 1, task);
      assertThatThrownBy(() -> Learners.merge(List.of(a, b), new double[] {1, 1}))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining(a.layout())
          .hasMessageContaining(b.layout());
      assertThatThrownBy(() -> Learners.merge(List.of(a), new double[] {1, 1}))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("weight");
      assertThatThrownBy(() -> Learners.merge(List.of(a, a), new double[] {1, Double.NaN}))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NaN");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void unseenAndVanishingSparseFeaturesAreHandled(Fixture f) {
    for (Task task : f.tasks()) {
      OnlineLearner learner = f.create(SPARSE_DIMENSION, task);
      train(learner, sparseStream(13, 200, task));
      FeatureVector unseen = FeatureVector.sparse(SPARSE_DIMENSION, new int[] {SPARSE_DIMENSION - 1},
          new double[] {2.0}, 1);
      assertThat(learner.predict(unseen).score()).isFinite();
      learner.learn(unseen, task == Task.MULTICLASS ? 1 : 1.0);
      double before = weightOf(learner, SPARSE_DIMENSION - 1);
      for (Example e : sparseStream(14, 200, task)) {
        if (!Arrays.asList(indices(e.x())).contains(SPARSE_DIMENSION - 1)) {
          learner.learn(e.x(), e.label());
          assertThat(learner.predict(e.x()).score()).isFinite();
        }
      }
      if (f.absentFeaturesUnchanged() && task != Task.MULTICLASS) {
        assertThat(weightOf(learner, SPARSE_DIMENSION - 1)).isCloseTo(before, within(1e-12));
      }
    }
  }

  private static Integer[] indices(FeatureVector x) {
    Integer[] out = new Integer[x.size()];
    for (int k = 0; k < x.size(); k++) {
      out[k] = x.index(k);
    }
    return out;
  }

  /** Score with only feature i set to 1, minus the score of the empty vector. */
  private static double weightOf(OnlineLearner learner, int i) {
    int d = learner.dimension();
    double one = learner.predict(FeatureVector.sparse(d, new int[] {i}, new double[] {1}, 1)).score();
    return one - learner.predict(FeatureVector.sparse(d, new int[0], new double[0], 0)).score();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void featureOrderDoesNotMatter(Fixture f) {
    for (Task task : f.tasks()) {
      OnlineLearner learner = train(f.create(SPARSE_DIMENSION, task), sparseStream(15, 200, task));
      for (Example e : sparseStream(16, 50, task)) {
        FeatureVector x = e.x();
        int n = x.size();
        int[] indices = new int[n];
        double[] values = new double[n];
        for (int k = 0; k < n; k++) {
          indices[k] = x.index(n - 1 - k);
          values[k] = x.value(n - 1 - k);
        }
        Prediction reversed = learner.predict(FeatureVector.sparse(x.dimension(), indices, values, n));
        Prediction expected = learner.predict(x);
        assertThat(reversed.score()).isCloseTo(expected.score(), within(tolerance(expected)));
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void nanInfinityAndWrongDimensionsAreRejectedWithoutChangingTheModel(Fixture f) {
    for (Task task : f.tasks()) {
      OnlineLearner learner = train(f.create(DIMENSION, task), stream(17, 50, task));
      byte[] before = LearnerCodec.encode(learner);
      for (double bad : new double[] {Double.NaN, Double.POSITIVE_INFINITY,
          Double.NEGATIVE_INFINITY}) {
        double[] dense = new double[DIMENSION];
        dense[3] = bad;
        FeatureVector sparse = FeatureVector.sparse(DIMENSION, new int[] {1, 4},
            new double[] {1, bad}, 2);
        for (FeatureVector x : List.of(FeatureVector.dense(dense), sparse)) {
          assertThatThrownBy(() -> learner.predict(x))
              .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(String.valueOf(bad));
          assertThatThrownBy(() -> learner.learn(x, 1))
              .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(String.valueOf(bad));
        }
        FeatureVector good = FeatureVector.dense(new double[DIMENSION]);
        assertThatThrownBy(() -> learner.learn(good, bad))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("label");
      }
      FeatureVector wrong = FeatureVector.dense(new double[DIMENSION + 2]);
      assertThatThrownBy(() -> learner.predict(wrong))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining(String.valueOf(DIMENSION + 2))
          .hasMessageContaining(String.valueOf(DIMENSION));
      assertThatThrownBy(() -> learner.learn(wrong, 1))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("dimension");
      assertThat(LearnerCodec.encode(learner)).isEqualTo(before);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void unknownParametersAndTasksAreRejectedNamingThem(Fixture f) {
    Map<String, String> params = new HashMap<>(f.params());
    params.put("no-such-parameter", "1");
    assertThatThrownBy(() -> Learners.create(f.type(), params, DIMENSION, f.tasks().iterator().next()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no-such-parameter")
        .hasMessageContaining(f.type());
    for (Task task : Task.values()) {
      if (!f.tasks().contains(task)) {
        assertThatThrownBy(() -> f.create(DIMENSION, task))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining(task.name());
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void aLearnableStreamIsLearned(Fixture f) {
    for (Task task : f.tasks()) {
      OnlineLearner learner = f.create(DIMENSION, task);
      List<Double> errors = new ArrayList<>();
      for (Example e : stream(18, 3000, task)) {
        Prediction p = learner.predict(e.x());
        double expected = task == Task.BINARY ? (e.label() > 0 ? 1 : 0) : e.label();
        errors.add(task == Task.REGRESSION
            ? Math.abs(p.label() - expected)
            : (p.label() == expected ? 0.0 : 1.0));
        learner.learn(e.x(), e.label());
      }
      double lateError = errors.subList(2000, 3000).stream().mapToDouble(d -> d).average()
          .orElseThrow();
      assertThat(lateError).as("%s %s error over the last 1000", f.type(), task)
          .isLessThan(task == Task.REGRESSION ? 0.5 : 0.15);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void multiclassPredictionsGiveEveryClassAScoreAndTheirProbabilitiesSumToOne(Fixture f) {
    if (!f.tasks().contains(Task.MULTICLASS)) {
      return;
    }
    OnlineLearner learner = f.create(DIMENSION, Task.MULTICLASS);
    List<Example> examples = stream(23, 400, Task.MULTICLASS);
    train(learner, examples.subList(0, 300));
    for (Example e : examples.subList(300, 400)) {
      Prediction p = learner.predict(e.x());
      double[] scores = p.classScores();
      assertThat(scores).as("%s class scores", f.type()).isNotNull().hasSizeGreaterThanOrEqualTo(3);
      int best = 0;
      for (int k = 1; k < scores.length; k++) {
        best = scores[k] > scores[best] ? k : best;
      }
      assertThat(p.label()).as("the predicted class has the largest score").isEqualTo(best);
      assertThat(p.score()).isEqualTo(scores[best]);
      assertThat(p.hasProbability()).as("no binary probability for multiclass").isFalse();
      if (p.classProbabilities() != null) {
        assertThat(p.classProbabilities()).hasSameSizeAs(scores);
        assertThat(Arrays.stream(p.classProbabilities()).sum()).isCloseTo(1.0, within(1e-9));
        assertThat(p.probabilityOf(best)).isEqualTo(Arrays.stream(p.classProbabilities()).max().orElseThrow());
      }
    }
    for (Task task : f.tasks()) {
      if (task != Task.MULTICLASS) {
        Prediction p = f.create(DIMENSION, task).predict(examples.get(0).x());
        assertThat(p.classScores()).as("%s %s has no class scores", f.type(), task).isNull();
      }
    }
  }
}
