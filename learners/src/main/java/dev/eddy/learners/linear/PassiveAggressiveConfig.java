package dev.eddy.learners.linear;

/**
 * Hyperparameters of the passive-aggressive learners (Crammer, Dekel, Keshet, Shalev-Shwartz,
 * Singer, "Online Passive-Aggressive Algorithms", JMLR 7, 2006).
 *
 * @param variant PA, PA-I or PA-II (the type names {@code pa}, {@code pa-i}, {@code pa-ii})
 * @param c the aggressiveness C of PA-I and PA-II, ({@link LinearParams#aggressiveness}; infinite
 *     for PA, which has no C)
 * @param epsilon the insensitivity of the regression loss ({@link LinearParams#EPSILON})
 * @param multiVector for multiclass: true for the paper's multiclass PA (Section 7: one weight vector
 *     per class, the hinge on the margin between the true class and the best other class), false
 *     for one-vs-rest (parameter {@code multiclass} = {@code multi-vector} or {@code one-vs-rest},
 *     default one-vs-rest)
 */
record PassiveAggressiveConfig(Variant variant, double c, double epsilon, boolean multiVector) {

  static final String MULTI_VECTOR = "multi-vector";

  /** The three step-size rules of the paper (its equations 6, 7 and 8 in their general form). */
  enum Variant {
    PA("pa"),
    PA_I("pa-i"),
    PA_II("pa-ii");

    final String type;

    Variant(String type) {
      this.type = type;
    }
  }

  PassiveAggressiveConfig {
    if (variant == null) {
      throw new IllegalArgumentException("PA variant must be given but was null");
    }
    if (variant == Variant.PA) {
      if (c != Double.POSITIVE_INFINITY) {
        throw new IllegalArgumentException("pa: parameter C does not apply to PA but was " + c);
      }
    } else {
      LinearParams.aggressiveness(variant).check(variant.type, c);
    }
    LinearParams.EPSILON.check(variant.type, epsilon);
  }

  /**
   * The step size τ for a suffered loss ℓ and a squared norm ‖x‖² of the update direction is PA:
   * ℓ/‖x‖²; PA-I: min(C, ℓ/‖x‖²); PA-II: ℓ/(‖x‖² + 1/(2C)) — all three min(cap, ℓ/(‖x‖² + extra)).
   * This is the cap: C for PA-I, else +∞.
   */
  double cap() {
    return variant == Variant.PA_I ? c : Double.POSITIVE_INFINITY;
  }

  /** The extra of {@link #cap()}'s formula: 1/(2C) for PA-II, else 0. */
  double extra() {
    return variant == Variant.PA_II ? 1 / (2 * c) : 0.0;
  }
}
