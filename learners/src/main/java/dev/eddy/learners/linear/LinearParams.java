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
  /*
   * The defaults below are measured (BENCHMARKS.md, "Defaults against the best, seven streams"): on
   * SEA, hyperplane, Agrawal, RBF, Elec2, a 5-class RBF and Friedman #1, each is the value of a grid
   * whose worst relative shortfall from the learner's best on any of the seven streams is smallest.
   */
  /**
   * PA-I's default 0.03: at most 6.0% below its best on the seven streams (the noisy synthetic ones
   * want C near 0.005, Elec2 a large C; 0.005 was 11% below on Elec2 and 22% in RMSE on Friedman #1).
   */
  static final Param<Double> C = Param.real("C", 0.03,
      "aggressiveness: PA-I's largest step, PA-II's inverse slack penalty").above(0).log().search(1e-3, 10);
  /** PA-II's: the same declaration, default 0.01 (at most 5.3% below its best; 0.005: 7.1%). */
  static final Param<Double> PA_II_C = C.withDefault(0.01);
  static final Param<Double> EPSILON = Param.real("epsilon", 0.1,
      "insensitivity of the regression loss (regression)").atLeast(0).search(0, 1);
  static final Param<String> MULTICLASS = Param.choice("multiclass", "one-vs-rest",
      List.of("one-vs-rest", "multi-vector"),
      "one model per class, or the paper's multi-vector multiclass PA (multiclass)").searched();
  /** Pegasos: 0.0015 (at most 4.5% below its best; 0.01 was 9.7% below on Elec2). */
  static final Param<Double> LAMBDA = Param.real("lambda", 0.0015,
      "SVM regularization λ of Pegasos; first steps are 1/(λt)").above(0).log().search(1e-5, 1);
  /** Averaged Pegasos keeps 0.01 (at most 2.2% below its best). */
  static final Param<Double> AVERAGED_LAMBDA = LAMBDA.withDefault(0.01);
  /** Logistic SGD: 0.1 stays the best compromise (at most 5.2% below its best). */
  static final Param<Double> LEARNING_RATE = Param.real("learning-rate", 0.1,
      "step size η (η₀ of a schedule)").above(0).log().search(1e-3, 1);
  /** AdaGrad: 2.5 (at most 2.5% below its best; 0.1 was 9.5% below on Elec2, 6.9% on the hyperplane). */
  static final Param<Double> ADAGRAD_RATE = LEARNING_RATE.withDefault(2.5).search(1e-3, 10);
  static final Param<String> SCHEDULE = Param.choice("schedule", "constant",
      List.of("constant", "inverse-scaling"), "η_t = η₀, or η₀ / t^power-t").searched();
  static final Param<Double> POWER_T = Param.real("power-t", 0.5,
      "exponent of the inverse-scaling schedule").above(0).atMost(1).search(0.1, 1);
  static final Param<Double> DELTA = Param.real("delta", 1e-8,
      "added to AdaGrad's √G to keep the first steps finite").above(0).log();
  /**
   * FTRL: α 3 (with L1 0 and L2 1, at most 3.0% below its best; α 0.05 was 14% below on the
   * hyperplane). L1 1 was 2.8%, a tie: L1 stays 0, as a threshold of 1 keeps a weight at 0 until
   * its gradient sum passes 1, which drops rarely seen (hashed) features.
   */
  static final Param<Double> ALPHA = Param.real("alpha", 3,
      "α of FTRL's per-coordinate rate α / (β + √n)").above(0).log().search(1e-3, 10);
  static final Param<Double> BETA = Param.real("beta", 1.0,
      "β of FTRL's per-coordinate rate").atLeast(0);
  static final Param<Double> L1 = Param.real("l1", 0.0,
      "L1 strength; makes weights exactly 0").atLeast(0).search(0, 1);
  static final Param<Double> L2 = Param.real("l2", 1.0, "L2 strength").atLeast(0).search(0, 10);
  /**
   * ALMA: α 0.15, C 1.5 (at most 4.0% below its best); the paper's theory values (α 0.9, C √2) were
   * 9-19% below on five of the six classification streams (within 0.3% of its best on Elec2).
   */
  static final Param<Double> ALMA_ALPHA = Param.real("alpha", 0.15,
      "ALMA's approximation: the margin sought is (1 - alpha) of the maximal").above(0).atMost(1)
      .search(0.05, 1);
  static final Param<Double> ALMA_B = Param.real("B", 1,
      "ALMA's margin scale: updates while y w.x^ <= (1 - alpha) B / sqrt(k); default 1/alpha")
      .above(0).log().withoutDefault();
  static final Param<Double> ALMA_C = Param.real("C", 1.5,
      "ALMA's step scale: eta_k = C / sqrt(k)").above(0).log().search(0.1, 10);
  /** Perceptron: 1 stays (at most 3.6% below its best). */
  static final Param<Double> PERCEPTRON_RATE = Param.real("learning-rate", 1.0,
      "step size r of the delta rule (MOA's learning ratio)").above(0).log().search(0.01, 10);

  /** The aggressiveness {@code C} of a PA variant with a C: PA-I's or PA-II's default. */
  static Param<Double> aggressiveness(PassiveAggressiveConfig.Variant variant) {
    return variant == PassiveAggressiveConfig.Variant.PA_II ? PA_II_C : C;
  }

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
