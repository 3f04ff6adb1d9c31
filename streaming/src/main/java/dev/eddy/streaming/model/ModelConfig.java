package dev.eddy.streaming.model;

import dev.eddy.learners.OnlineLearner;
import dev.eddy.learners.Learners;
import dev.eddy.learners.Task;
import dev.eddy.learners.metrics.PrequentialMetrics;
import dev.eddy.learners.standardize.Standardizer;
import java.io.Serializable;
import java.util.Map;

/**
 * What a fresh model of a job looks like: learner type and hyperparameters, input dimension, task,
 * whether to standardize. Shipped to the operators with the job graph.
 *
 * @param metricsWindow length of the sliding window of the prequential metrics
 */
public record ModelConfig(
    String learnerType,
    Map<String, String> learnerParams,
    int dimension,
    Task task,
    boolean standardize,
    int metricsWindow)
    implements Serializable {

  /** A new model at version 1: untrained learner, empty statistics. */
  public ModelState freshModel() {
    OnlineLearner learner = Learners.create(learnerType, learnerParams, dimension, task);
    Standardizer standardizer = standardize ? new Standardizer(dimension) : null;
    return new ModelState(1, standardizer, learner, new PrequentialMetrics(task, metricsWindow));
  }
}
