package dev.eddy.cli.tune;

import dev.eddy.learners.Learners;
import dev.eddy.learners.Task;
import dev.eddy.learners.params.Param;
import dev.eddy.learners.params.Scale;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The space {@code bin/eddy tune} searches, read from the parameter declarations: the learner type
 * (a choice among the candidates), each candidate's parameters that declare a search range ({@link
 * Param#search}, on their {@link Scale}) or are searched choices ({@link Param#searched}), and
 * optionally the drift detector and the retraining policy (choices). The others keep their defaults.
 *
 * <p>A point is a vector u in the unit cube, one coordinate per choice and per parameter of every
 * candidate learner; {@link #decode} turns it into a {@link Config} (a parameter of a learner not
 * chosen is inactive). {@link #features} is what the surrogate sees: one-hot choices, and the
 * coordinates of the chosen learner's parameters (inactive ones at 0.5), so that categories are
 * compared as categories, not as numbers.
 */
final class SearchSpace {
  /** One configuration: the learner and its parameters, the detector and policy (null: none). */
  record Config(String learner, Map<String, String> params, String detector, String policy) {
    String describe() {
      return learner + params + (detector == null ? "" : " drift " + detector + "/" + policy);
    }
  }

  private final List<String> learners;
  private final List<List<Param<?>>> searched = new ArrayList<>();
  private final List<String> detectors;
  private final List<String> policies;
  private final int dimension;

  /**
   * @param learners candidate learner types (at least one), each supporting {@code task}
   * @param detectors candidate detectors ({@code none} for no drift detection); empty: none searched
   * @param policies candidate retraining policies; empty: the default
   */
  SearchSpace(List<String> learners, Task task, List<String> detectors, List<String> policies) {
    if (learners.isEmpty()) {
      throw new IllegalArgumentException("no learner to tune");
    }
    this.learners = List.copyOf(learners);
    this.detectors = List.copyOf(detectors);
    this.policies = List.copyOf(policies);
    int d = 1;
    for (String type : learners) {
      var applicable = Learners.create(type, Map.of(), 1, task).hyperparameters().keySet();
      List<Param<?>> params = new ArrayList<>();
      for (Param<?> p : Learners.parameters(type).params()) {
        if (p.isSearched() && applicable.contains(p.name())) {
          params.add(p);
        }
      }
      searched.add(params);
      d += params.size();
    }
    this.dimension = d + (detectors.isEmpty() ? 0 : 1) + (policies.isEmpty() ? 0 : 1);
  }

  /** Coordinates of a point. */
  int dimension() {
    return dimension;
  }

  /** The learners' searched parameters, by learner, for reports. */
  Map<String, List<String>> searchedNames() {
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (int i = 0; i < learners.size(); i++) {
      out.put(learners.get(i), searched.get(i).stream().map(Param::name).toList());
    }
    return out;
  }

  private static int index(double u, int count) {
    return Math.min(count - 1, (int) Math.floor(u * count));
  }

  /** The configuration at point {@code u}. */
  Config decode(double[] u) {
    int chosen = index(u[0], learners.size());
    Map<String, String> params = new LinkedHashMap<>();
    int c = 1;
    for (int i = 0; i < learners.size(); i++) {
      for (Param<?> p : searched.get(i)) {
        if (i == chosen) {
          params.put(p.name(), value(p, u[c]));
        }
        c++;
      }
    }
    String detector = detectors.isEmpty() ? null : detectors.get(index(u[c++], detectors.size()));
    String policy = policies.isEmpty() ? null : policies.get(index(u[c], policies.size()));
    if ("none".equals(detector)) {
      detector = null;
    }
    return new Config(learners.get(chosen), params, detector, detector == null ? null : policy);
  }

  /** A parameter's value at coordinate {@code u}, 4 significant digits (what a spec would say). */
  static String value(Param<?> p, double u) {
    return switch (p.kind()) {
      case CHOICE -> p.choices().get(index(u, p.choices().size()));
      case BOOLEAN -> Boolean.toString(u >= 0.5);
      case INTEGER -> Long.toString(Math.round(scaled(p, u)));
      default -> new BigDecimal(scaled(p, u)).round(new MathContext(4)).stripTrailingZeros().toPlainString();
    };
  }

  private static double scaled(Param<?> p, double u) {
    double lo = p.searchMin();
    double hi = p.searchMax();
    return p.scale() == Scale.LOG ? Math.exp(Math.log(lo) + u * (Math.log(hi) - Math.log(lo))) : lo + u * (hi - lo);
  }

  /** The surrogate's view of point {@code u}: one-hot choices, active coordinates, 0.5 elsewhere. */
  double[] features(double[] u) {
    List<Double> out = new ArrayList<>();
    int chosen = index(u[0], learners.size());
    oneHot(out, chosen, learners.size());
    int c = 1;
    for (int i = 0; i < learners.size(); i++) {
      for (Param<?> p : searched.get(i)) {
        if (p.kind() == Param.Kind.CHOICE || p.kind() == Param.Kind.BOOLEAN) {
          int k = p.kind() == Param.Kind.BOOLEAN ? 2 : p.choices().size();
          oneHot(out, i == chosen ? index(u[c], k) : -1, k);
        } else {
          out.add(i == chosen ? u[c] : 0.5);
        }
        c++;
      }
    }
    if (!detectors.isEmpty()) {
      oneHot(out, index(u[c++], detectors.size()), detectors.size());
    }
    if (!policies.isEmpty()) {
      oneHot(out, index(u[c], policies.size()), policies.size());
    }
    double[] f = new double[out.size()];
    for (int i = 0; i < f.length; i++) {
      f[i] = out.get(i);
    }
    return f;
  }

  private static void oneHot(List<Double> out, int hot, int count) {
    if (count == 1) {
      return;
    }
    for (int k = 0; k < count; k++) {
      out.add(k == hot ? 1.0 : 0.0);
    }
  }
}
