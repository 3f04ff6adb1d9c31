package dev.eddy.learners.linear;

/**
 * Hyperparameters of FTRL-Proximal logistic regression (McMahan et al., "Ad Click Prediction: a
 * View from the Trenches", KDD 2013, Algorithm 1). Defaults as in River's {@code FTRLProximal}.
 *
 * @param alpha α of the per-coordinate learning rate α / (β + √n_i) ({@link LinearParams#ALPHA})
 * @param beta β ({@link LinearParams#BETA})
 * @param l1 λ₁, the L1 strength that makes weights exactly 0 ({@link LinearParams#L1})
 * @param l2 λ₂, the L2 strength ({@link LinearParams#L2})
 */
record FtrlConfig(double alpha, double beta, double l1, double l2) {

  FtrlConfig {
    LinearParams.ALPHA.check(Ftrl.TYPE, alpha);
    LinearParams.BETA.check(Ftrl.TYPE, beta);
    LinearParams.L1.check(Ftrl.TYPE, l1);
    LinearParams.L2.check(Ftrl.TYPE, l2);
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
