package dev.eddy.learners.linear;

/**
 * Hyperparameters of Pegasos (Shalev-Shwartz, Singer, Srebro, "Pegasos: Primal Estimated
 * sub-GrAdient SOlver for SVM", ICML 2007).
 *
 * @param lambda the regularization λ of the SVM objective λ/2‖w‖² + mean hinge loss, ({@link
 *     LinearParams#LAMBDA}, {@link LinearParams#AVERAGED_LAMBDA} for pegasos-avg); the defaults are
 *     measured on standardized features and streams of tens of thousands of examples (the paper
 *     uses 1e-4 on ~10^6 text examples; with so small a λ the first steps, η_t = 1/(λt), are huge,
 *     and the uniform average of pegasos-avg needs very long streams to forget them)
 * @param averaged whether predictions use the average of the iterates (type {@code pegasos-avg}),
 *     which the paper's analysis covers and which is far less noisy, or the last iterate ({@code
 *     pegasos})
 */
record PegasosConfig(double lambda, boolean averaged) {

  PegasosConfig {
    LinearParams.LAMBDA.check(averaged ? Pegasos.AVERAGED_TYPE : Pegasos.TYPE, lambda);
  }
}
