package dev.eddy.core.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.eddy.core.guard.Guard;
import dev.eddy.core.guard.GuardConfig;
import dev.eddy.learners.Learners;
import dev.eddy.learners.OnlineLearner;
import dev.eddy.learners.Task;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads the {@code guard} section of a job spec (README "Security", the poisoning guard):
 *
 * <pre>{@code
 * guard:                        # absent = off
 *   max-z: 6                    # features beyond 6 standard deviations: predicted, not learned
 *   quarantine-topic: quarantine  # and copied here (optional)
 *   max-step: 1.0               # one example moves the weights by at most this norm
 *   max-learn-rate: 200         # labelled examples per second per model key
 *   max-label-age: 1d           # labels later than this after their event are ignored
 * }</pre>
 *
 * {@code max-z} needs {@code standardize: true} (it judges against the standardizer's statistics);
 * {@code max-step} needs a learner with plain weights (pa, pa-i, pa-ii, logistic, perceptron, adagrad).
 * {@code bin/eddy evaluate --guard KEY=VALUE} reads the same keys through {@link #read(Map, boolean,
 * JobSpec.Learner, int, Task)}.
 */
public final class GuardSpecReader {
  private static final Set<String> KEYS = Set.of("max-z", "max-step", "max-learn-rate", "max-label-age", "quarantine-topic");

  private GuardSpecReader() {}

  /** The guard of {@code values} (the section's keys and values as text), checked as in a spec. */
  public static GuardConfig read(Map<String, String> values, boolean standardize, JobSpec.Learner learner, int features,
      Task task) {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    values.forEach(node::put);
    return read(node, standardize, learner, features, task, List.of());
  }

  static GuardConfig read(ObjectNode node, boolean standardize, JobSpec.Learner learner, int features, Task task,
      List<String> topics) {
    node.fieldNames().forEachRemaining(k -> {
      if (!KEYS.contains(k)) {
        throw new JobSpecException("guard." + k, "unknown key; allowed here: " + String.join(", ", new TreeSet<>(KEYS)));
      }
    });
    double maxZ = number(node, "max-z");
    double maxStep = number(node, "max-step");
    double maxLearnRate = number(node, "max-learn-rate");
    Duration maxLabelAge = null;
    String age = text(node, "max-label-age");
    if (age != null) {
      try {
        maxLabelAge = Durations.parse(age);
      } catch (IllegalArgumentException e) {
        throw new JobSpecException("guard.max-label-age", e.getMessage());
      }
      if (maxLabelAge.isZero()) {
        throw new JobSpecException("guard.max-label-age", "must be longer than 0, got " + age);
      }
    }
    String quarantine = text(node, "quarantine-topic");
    if (quarantine != null) {
      if (maxZ == 0) {
        throw new JobSpecException("guard.quarantine-topic", "needs guard.max-z: only max-z quarantines events");
      }
      if (quarantine.isBlank() || topics.contains(quarantine)) {
        throw new JobSpecException("guard.quarantine-topic", "must be a topic of its own, not one of " + topics + ", got '" + quarantine + "'");
      }
    }
    if (maxZ > 0 && !standardize) {
      throw new JobSpecException("guard.max-z", "needs standardize: true (it judges a feature against the standardizer's mean and variance)");
    }
    if (maxStep > 0 && !boundsSteps(learner, features, task)) {
      throw new JobSpecException("guard.max-step", "learner " + learner.type()
          + " has no plain weight vector whose update can be bounded; use max-step with pa, pa-i, pa-ii, logistic, perceptron or adagrad");
    }
    return new GuardConfig(maxZ, maxStep, maxLearnRate, maxLabelAge, quarantine);
  }

  private static boolean boundsSteps(JobSpec.Learner learner, int features, Task task) {
    OnlineLearner fresh = Learners.create(learner.type(), learner.params(), features, task);
    try {
      return Guard.boundsSteps(fresh);
    } finally {
      if (fresh instanceof AutoCloseable c) {
        try {
          c.close();
        } catch (Exception e) {
          throw new IllegalStateException("cannot release the learner built to check guard.max-step", e);
        }
      }
    }
  }

  private static String text(ObjectNode node, String key) {
    JsonNode n = node.get(key);
    if (n == null || n.isNull()) {
      return null;
    }
    if (!n.isValueNode()) {
      throw new JobSpecException("guard." + key, "must be a single value, got " + n);
    }
    return n.asText();
  }

  /** A finite number >= 0 at {@code key}, 0 when absent. */
  private static double number(ObjectNode node, String key) {
    String t = text(node, key);
    if (t == null) {
      return 0;
    }
    double v;
    try {
      v = Double.parseDouble(t);
    } catch (NumberFormatException e) {
      throw new JobSpecException("guard." + key, "must be a number, got " + t);
    }
    if (!(v > 0) || Double.isInfinite(v)) {
      throw new JobSpecException("guard." + key, "must be a finite number > 0 (leave it out to turn the rule off), got " + t);
    }
    return v;
  }
}
