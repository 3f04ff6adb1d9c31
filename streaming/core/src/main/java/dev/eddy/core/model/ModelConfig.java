package dev.eddy.core.model;

import dev.eddy.core.spec.JobSpec;
import dev.eddy.learners.FeatureHasher;
import dev.eddy.learners.Learners;
import dev.eddy.learners.Task;
import dev.eddy.learners.standardize.Standardizer;
import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * What a fresh model of a job looks like: learner type and hyperparameters, input features, task,
 * standardization, drift detection and retraining. Shipped to the operators with the job graph, and
 * built by {@code bin/eddy evaluate} for its CSV, so both run the same {@link ModelState} step.
 *
 * @param features the numeric feature names, in the order of the step's raw input
 * @param categorical the categorical feature names (one-hot hashed; only with {@code hash-bits})
 * @param classes multiclass: the class names by index (the learner is built for this many classes,
 *     see {@link #learnerParams(String, Map, Task, List)}); else empty
 * @param metricsWindow length of the sliding window of the prequential metrics
 * @param selection the candidates that race against this learner ({@link CandidateRace}); none by default
 */
public record ModelConfig(
    String learnerType,
    Map<String, String> learnerParams,
    List<String> features,
    List<String> categorical,
    Task task,
    List<String> classes,
    boolean standardize,
    JobSpec.Drift drift,
    int metricsWindow,
    JobSpec.Selection selection)
    implements Serializable {

  public ModelConfig {
    classes = List.copyOf(classes);
    learnerParams = Map.copyOf(learnerParams(learnerType, learnerParams, task, classes));
    features = List.copyOf(features);
    categorical = List.copyOf(categorical);
    if (!categorical.isEmpty() && !learnerParams.containsKey(Learners.HASH_BITS)) {
      throw new IllegalArgumentException("categorical features " + categorical + " need hashing ("
          + Learners.HASH_BITS + ")");
    }
    List<JobSpec.Learner> candidates = new java.util.ArrayList<>();
    for (JobSpec.Learner c : selection.candidates()) {
      candidates.add(new JobSpec.Learner(c.type(), Map.copyOf(learnerParams(c.type(), c.params(), task, classes))));
    }
    selection = new JobSpec.Selection(candidates, selection.window(), selection.margin());
  }

  /** A model without candidates. */
  public ModelConfig(String learnerType, Map<String, String> learnerParams, List<String> features, List<String> categorical,
      Task task, List<String> classes, boolean standardize, JobSpec.Drift drift, int metricsWindow) {
    this(learnerType, learnerParams, features, categorical, task, classes, standardize, drift, metricsWindow,
        JobSpec.Selection.NONE);
  }

  /** A binary or regression model of numeric features only. */
  public ModelConfig(String learnerType, Map<String, String> learnerParams, List<String> features,
      Task task, boolean standardize, JobSpec.Drift drift, int metricsWindow) {
    this(learnerType, learnerParams, features, List.of(), task, List.of(), standardize, drift, metricsWindow);
  }

  /** The model of a job spec; {@code metricsWindow} examples in the windowed metrics. */
  public static ModelConfig of(JobSpec spec) {
    return new ModelConfig(spec.learner().type(), spec.learner().params(), spec.features(), List.of(), spec.task(),
        spec.classes(), spec.standardize(), spec.drift(), METRICS_WINDOW, spec.learner().selection());
  }

  /**
   * The learner's hyperparameters for a task: for a multiclass task, {@code classes} (the number of
   * classes, where the learner type declares that parameter) is set to the number of the spec's
   * classes, so that every class has its model from the first example and the class scores of every
   * prediction cover them all.
   *
   * @throws IllegalArgumentException when {@code params} gives another number of classes
   */
  public static Map<String, String> learnerParams(String type, Map<String, String> params, Task task,
      List<String> classes) {
    if (task != Task.MULTICLASS || classes.isEmpty() || !Learners.parameters(type).names().contains(CLASSES)) {
      return params;
    }
    String k = String.valueOf(classes.size());
    String given = params.get(CLASSES);
    if (given != null && !given.trim().equals(k)) {
      throw new IllegalArgumentException(CLASSES + " of learner " + type + " must be the number of the task's classes ("
          + k + ": " + classes + ") or absent, but was " + given);
    }
    Map<String, String> all = new java.util.LinkedHashMap<>(params);
    all.put(CLASSES, k);
    return all;
  }

  /** The same model with other learner hyperparameters (e.g. placed on a device). */
  public ModelConfig withLearnerParams(Map<String, String> params) {
    return new ModelConfig(learnerType, params, features, categorical, task, classes, standardize, drift, metricsWindow,
        selection);
  }

  /** The learners' parameter for the number of classes. */
  private static final String CLASSES = "classes";

  /** Examples in the sliding window of a job's prequential metrics. */
  public static final int METRICS_WINDOW = 1000;

  /** The number of numeric features: the length of the step's raw input. */
  public int dimension() {
    return features.size();
  }

  /** b of the hashing trick into 2^b dimensions ({@code hash-bits}), or 0 when the learner sees the features as they are. */
  public int hashBits() {
    String bits = learnerParams.get(Learners.HASH_BITS);
    return bits == null ? 0 : FeatureHasher.parseBits(bits);
  }

  /**
   * A new model at version 1: untrained learner, empty statistics, fresh detectors. Sets up a
   * {@link ModelPrototype} each time: a job that makes many models keeps one and calls its
   * {@link ModelPrototype#fresh}.
   */
  public ModelState freshModel() {
    return ModelPrototype.of(this).fresh();
  }

  /** A new standardizer, or null when not standardizing. */
  Standardizer freshStandardizer() {
    return standardize && dimension() > 0 ? new Standardizer(dimension()) : null;
  }
}
