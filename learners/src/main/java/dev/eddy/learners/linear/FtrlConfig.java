package dev.eddy.learners.linear;

/**
 * Hyperparameters of FTRL-Proximal logistic regression (McMahan et al., "Ad Click Prediction: a
 * View from the Trenches", KDD 2013, Algorithm 1). Defaults as in River's {@code FTRLProximal}.
 *
 * @param alpha α of the per-coordinate learning rate α / (β + √n_i), {@code > 0}, default {@value
 *     #DEFAULT_ALPHA}
 * @param beta β, {@code >= 0}, default {@value #DEFAULT_BETA}
 * @param l1 λ₁, the L1 strength that makes weights exactly 0, {@code >= 0}, default {@value
 *     #DEFAULT_L1}
 * @param l2 λ₂, the L2 strength, {@code >= 0}, default {@value #DEFAULT_L2}
 */
record FtrlConfig(double alpha, double beta, double l1, double l2) {

  static final double DEFAULT_ALPHA = 0.05;
  static final double DEFAULT_BETA = 1.0;
  static final double DEFAULT_L1 = 0.0;
  static final double DEFAULT_L2 = 1.0;

  FtrlConfig {
    Checks.positive("alpha", alpha);
    Checks.nonNegative("beta", beta);
    Checks.nonNegative("l1", l1);
    Checks.nonNegative("l2", l2);
  }

  /**
   * The weight given z and n: 0 when |z| ≤ λ₁, else −(z − sign(z)·λ₁) / ((β + √n)/α + λ₂).
   */
  double weight(double z, double n) {
    if (Math.abs(z) <= l1) {
      return 0.0;
    }
    return -(z - Math.copySign(l1, z)) / ((beta + Math.sqrt(n)) / alpha + l2);
  }

  /** The z that gives weight {@code w ≠ 0} at n: the inverse of {@link #weight}. */
  double zFor(double w, double n) {
    return -(w * ((beta + Math.sqrt(n)) / alpha + l2) + Math.copySign(l1, w));
  }
}
