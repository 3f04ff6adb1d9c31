package dev.eddy.learners.linear;

import dev.eddy.learners.Task;
import dev.eddy.learners.params.Param;
import dev.eddy.learners.params.ParamSet;
import java.util.ArrayList;
import java.util.List;

/**
 * Every hyperparameter of the linear learners, declared once (name, default, range, scale,
 * description); the config records check their values against these declarations and {@link
 * LinearLearners} parses specs with them. {@code classes} and {@code multiclass} apply to multiclass
 * models only and {@code epsilon} to regression only: {@link #forTask} leaves out the others.
 */
final class LinearParams {
  private LinearParams() {}

  static final Param<Integer> CLASSES = Param.integer("classes", 2,
      "initial number of classes of a multiclass model; a new label index grows it (multiclass)")
      .in(2, LinearLearner.MAX_CLASSES);
  /**
   * Default 0.005, measured: within 0.6% of PA-I's best and 1.7% of PA-II's on the SEA, hyperplane,
   * Agrawal and RBF streams of BENCHMARKS.md ("Learning quality"), where C = 1 was 8-15% below (it
   * follows the label noise).
   */
  static final Param<Double> C = Param.real("C", 0.005,
      "aggressiveness: PA-I's largest step, PA-II's inverse slack penalty").above(0).log().search(1e-3, 10);
  static final Param<Double> EPSILON = Param.real("epsilon", 0.1,
      "insensitivity of the regression loss (regression)").atLeast(0).search(0, 1);
  static final Param<String> MULTICLASS = Param.choice("multiclass", "one-vs-rest",
      List.of("one-vs-rest", "multi-vector"),
      "one model per class, or the paper's multi-vector multiclass PA (multiclass)").searched();
  static final Param<Double> LAMBDA = Param.real("lambda", 0.01,
      "SVM regularization λ of Pegasos; first steps are 1/(λt)").above(0).log().search(1e-5, 1);
  static final Param<Double> LEARNING_RATE = Param.real("learning-rate", 0.1,
      "step size η (η₀ of a schedule)").above(0).log().search(1e-3, 1);
  static final Param<String> SCHEDULE = Param.choice("schedule", "constant",
      List.of("constant", "inverse-scaling"), "η_t = η₀, or η₀ / t^power-t").searched();
  static final Param<Double> POWER_T = Param.real("power-t", 0.5,
      "exponent of the inverse-scaling schedule").above(0).atMost(1).search(0.1, 1);
  static final Param<Double> DELTA = Param.real("delta", 1e-8,
      "added to AdaGrad's √G to keep the first steps finite").above(0).log();
  static final Param<Double> ALPHA = Param.real("alpha", 0.05,
      "α of FTRL's per-coordinate rate α / (β + √n)").above(0).log().search(1e-3, 1);
  static final Param<Double> BETA = Param.real("beta", 1.0,
      "β of FTRL's per-coordinate rate").atLeast(0);
  static final Param<Double> L1 = Param.real("l1", 0.0,
      "L1 strength; makes weights exactly 0").atLeast(0).search(0, 1);
  static final Param<Double> L2 = Param.real("l2", 1.0, "L2 strength").atLeast(0).search(0, 5);
  static final Param<Double> ALMA_ALPHA = Param.real("alpha", 0.9,
      "ALMA's approximation: the margin sought is (1 - alpha) of the maximal").above(0).atMost(1)
      .search(0.05, 1);
  static final Param<Double> ALMA_B = Param.real("B", 1,
      "ALMA's margin scale: updates while y w.x^ <= (1 - alpha) B / sqrt(k); default 1/alpha")
      .above(0).log().withoutDefault();
  static final Param<Double> ALMA_C = Param.real("C", Math.sqrt(2),
      "ALMA's step scale: eta_k = C / sqrt(k)").above(0).log().search(0.1, 10);
  static final Param<Double> PERCEPTRON_RATE = Param.real("learning-rate", 1.0,
      "step size r of the delta rule (MOA's learning ratio)").above(0).log().search(0.01, 10);

  /** The parameters of {@code all} that apply to {@code task}. */
  static ParamSet forTask(ParamSet all, Task task) {
    List<Param<?>> keep = new ArrayList<>(all.params());
    if (task != Task.MULTICLASS) {
      keep.remove(CLASSES);
      keep.remove(MULTICLASS);
    }
    if (task != Task.REGRESSION) {
      keep.remove(EPSILON);
    }
    return all.subset("for task " + task, keep);
  }
}
