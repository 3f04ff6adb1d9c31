package dev.eddy.learners;

import dev.eddy.learners.params.ParamSet;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The one entry point for building and merging learners by name. It dispatches to every {@link
 * LearnerProvider} found with {@link ServiceLoader} — the pure-Java learners of this module and,
 * when on the classpath, the TensorFlow learners — so that the job, the CLI and the benchmarks never
 * name an implementation class.
 *
 * <p>The generic parameter {@value #HASH_BITS} is handled here for every provider: with {@code
 * hash-bits=b} the learner works on the 2<sup>b</sup> dimensions of the hashing trick (feed it
 * vectors from a {@link FeatureHasher} with the same b) instead of {@code dimension}.
 */
public final class Learners {

  /** Parameter selecting the hashing trick: the learner's dimension becomes 2^hash-bits. */
  public static final String HASH_BITS = "hash-bits";

  private Learners() {}

  /** Providers by type name, loaded once. */
  private static final class Registry {
    static final Map<String, LearnerProvider> BY_TYPE = load();

    private static Map<String, LearnerProvider> load() {
      Map<String, LearnerProvider> byType = new HashMap<>();
      for (LearnerProvider provider : ServiceLoader.load(LearnerProvider.class)) {
        for (String type : provider.types()) {
          LearnerProvider previous = byType.putIfAbsent(type, provider);
          if (previous != null && previous.getClass() != provider.getClass()) {
            throw new IllegalStateException(
                "learner type '" + type + "' is provided by both " + previous.getClass().getName()
                    + " and " + provider.getClass().getName());
          }
        }
      }
      return Collections.unmodifiableMap(byType);
    }
  }

  /** All learner type names on the classpath, sorted. */
  public static Set<String> types() {
    return Collections.unmodifiableSet(new TreeSet<>(Registry.BY_TYPE.keySet()));
  }

  /** The tasks a learner type supports; {@link IllegalArgumentException} for an unknown type. */
  public static Set<Task> tasks(String type) {
    return provider(type).tasks(type);
  }

  /**
   * Every hyperparameter of a learner type, {@value #HASH_BITS} included: for help texts, docs and a
   * tuner's search space.
   *
   * @throws IllegalArgumentException for an unknown type
   */
  public static ParamSet parameters(String type) {
    return provider(type).parameters(type).plus(FeatureHasher.BITS);
  }

  /**
   * The provider of a type; throws {@link IllegalArgumentException} naming the type and the known
   * ones when it is unknown.
   */
  public static LearnerProvider provider(String type) {
    LearnerProvider provider = type == null ? null : Registry.BY_TYPE.get(type);
    if (provider == null) {
      throw new IllegalArgumentException(
          "unknown learner type '" + type + "'; known types: " + types());
    }
    return provider;
  }

  /**
   * Builds a learner.
   *
   * @param type a name from {@link #types()}, e.g. {@code pa-i}
   * @param params hyperparameters by name (unknown names and bad values are rejected with an {@link
   *     IllegalArgumentException} naming the type, the parameter, the value and what is allowed)
   * @param dimension the number of features; ignored when {@code params} holds {@value #HASH_BITS}
   * @param task what the learner predicts
   */
  public static OnlineLearner create(
      String type, Map<String, String> params, int dimension, Task task) {
    LearnerProvider provider = provider(type);
    if (task == null) {
      throw new IllegalArgumentException("task of learner '" + type + "' must be given");
    }
    Map<String, String> rest = new TreeMap<>(params == null ? Map.of() : params);
    String bits = rest.remove(HASH_BITS);
    int effective = bits == null ? dimension : 1 << FeatureHasher.BITS.parse(type, bits);
    if (effective <= 0) {
      throw new IllegalArgumentException(
          "dimension of learner '" + type + "' must be > 0 but was " + effective);
    }
    return provider.create(type, rest, effective, task);
  }

  /**
   * Merges replicas of one learner by weighted parameter averaging: every parameter of the result is
   * {@code sum_r weights[r] * theta_r / sum_r weights[r]}. The replicas are not modified; merging a
   * single replica gives a learner that predicts as it does. Per-coordinate accumulators are
   * parameters too and are averaged with the same weights: AdaGrad's squared-gradient sums G (so the
   * merged learner's next steps are sized by the replicas' weighted history), FTRL's n (its z then
   * chosen so that the merged weights are the average of the replicas'), and the linear learners'
   * step counters (rounded).
   *
   * @throws IllegalArgumentException when there are no replicas, when the weights do not match them
   *     or are negative, not finite or all zero, or when two replicas have different layouts (the
   *     message names both)
   */
  public static OnlineLearner merge(List<? extends OnlineLearner> replicas, double[] weights) {
    if (replicas == null || replicas.isEmpty()) {
      throw new IllegalArgumentException("merge needs at least one replica");
    }
    if (weights == null || weights.length != replicas.size()) {
      throw new IllegalArgumentException(
          "merge needs one weight per replica: " + replicas.size() + " replicas but "
              + (weights == null ? "no" : String.valueOf(weights.length)) + " weights");
    }
    double total = 0;
    for (int r = 0; r < weights.length; r++) {
      if (!(weights[r] >= 0) || !Double.isFinite(weights[r])) {
        throw new IllegalArgumentException(
            "merge weight " + r + " must be finite and >= 0 but was " + weights[r]);
      }
      total += weights[r];
    }
    if (!(total > 0)) {
      throw new IllegalArgumentException("merge weights must not all be 0");
    }
    String layout = replicas.get(0).layout();
    for (OnlineLearner replica : replicas) {
      if (!replica.layout().equals(layout)) {
        throw new IllegalArgumentException(
            "cannot merge replicas with incompatible layouts: " + layout + " and "
                + replica.layout());
      }
    }
    double[] normalized = new double[weights.length];
    for (int r = 0; r < weights.length; r++) {
      normalized[r] = weights[r] / total;
    }
    return provider(replicas.get(0).type()).merge(replicas, normalized);
  }
}
