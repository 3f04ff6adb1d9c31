package dev.eddy.cli.tune;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.DecompositionSolver;
import org.apache.commons.math3.linear.NonPositiveDefiniteMatrixException;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.NelderMeadSimplex;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.SimplexOptimizer;

/**
 * A Gaussian-process regression surrogate (C. E. Rasmussen and C. K. I. Williams, "Gaussian Processes
 * for Machine Learning", MIT Press 2006, Algorithm 2.1) with the Matérn 5/2 kernel
 *
 * <pre>k(x, x') = s² (1 + √5 r/l + 5 r²/(3 l²)) exp(−√5 r/l),   r = ‖x − x'‖</pre>
 *
 * plus noise n² on the diagonal, over targets standardized to mean 0 and variance 1. The
 * hyperparameters (l, s², n²) maximize the log marginal likelihood (eq. 2.30), by Nelder-Mead on
 * their logarithms from a few fixed starts (deterministic). The linear algebra is Commons Math's
 * Cholesky decomposition.
 */
final class GaussianProcess {
  private final double[][] x;
  private final double mean;
  private final double scale;
  private final double lengthScale;
  private final double signal;
  private final double noise;
  private final DecompositionSolver solver;
  private final RealVector alpha;

  private GaussianProcess(double[][] x, double mean, double scale, double[] theta, Fit fit) {
    this.x = x;
    this.mean = mean;
    this.scale = scale;
    this.lengthScale = Math.exp(theta[0]);
    this.signal = Math.exp(theta[1]);
    this.noise = Math.exp(theta[2]);
    this.solver = fit.solver;
    this.alpha = fit.alpha;
  }

  /** The Matérn 5/2 covariance at distance r. */
  static double matern52(double r, double lengthScale, double signal) {
    double a = Math.sqrt(5) * r / lengthScale;
    return signal * (1 + a + a * a / 3) * Math.exp(-a);
  }

  /** A process fitted to {@code y} at {@code x} (at least two points). */
  static GaussianProcess fit(double[][] x, double[] y) {
    double mean = 0;
    for (double v : y) {
      mean += v / y.length;
    }
    double variance = 0;
    for (double v : y) {
      variance += (v - mean) * (v - mean) / y.length;
    }
    double scale = variance > 1e-12 ? Math.sqrt(variance) : 1;
    double[] z = new double[y.length];
    for (int i = 0; i < y.length; i++) {
      z[i] = (y[i] - mean) / scale;
    }
    double[] best = null;
    double bestValue = Double.NEGATIVE_INFINITY;
    for (double[] start : new double[][] {{Math.log(0.3), 0, Math.log(1e-2)}, {Math.log(1), 0, Math.log(1e-1)},
        {Math.log(0.1), 0, Math.log(1e-4)}}) {
      PointValuePair p = new SimplexOptimizer(1e-6, 1e-8).optimize(new MaxEval(400),
          new ObjectiveFunction(theta -> logMarginalLikelihood(x, z, clamp(theta))), GoalType.MAXIMIZE,
          new InitialGuess(start), new NelderMeadSimplex(3, 0.5));
      if (p.getValue() > bestValue) {
        bestValue = p.getValue();
        best = clamp(p.getPoint());
      }
    }
    return new GaussianProcess(x, mean, scale, best, decompose(x, z, best));
  }

  /** Keeps the hyperparameters in a sane box: l in [0.01, 10], s² in [0.05, 20], n² in [1e-6, 1]. */
  private static double[] clamp(double[] theta) {
    return new double[] {Math.max(Math.log(0.01), Math.min(Math.log(10), theta[0])),
        Math.max(Math.log(0.05), Math.min(Math.log(20), theta[1])),
        Math.max(Math.log(1e-6), Math.min(0, theta[2]))};
  }

  private record Fit(DecompositionSolver solver, RealVector alpha, double logDeterminant, double quadratic) {}

  private static Fit decompose(double[][] x, double[] z, double[] theta) {
    int n = x.length;
    RealMatrix k = new Array2DRowRealMatrix(n, n);
    for (int i = 0; i < n; i++) {
      for (int j = 0; j <= i; j++) {
        double c = matern52(distance(x[i], x[j]), Math.exp(theta[0]), Math.exp(theta[1]));
        k.setEntry(i, j, c);
        k.setEntry(j, i, c);
      }
      k.addToEntry(i, i, Math.exp(theta[2]) + 1e-9);
    }
    CholeskyDecomposition cholesky = new CholeskyDecomposition(k, 1e-12, 1e-14);
    RealVector y = new ArrayRealVector(z);
    RealVector alpha = cholesky.getSolver().solve(y);
    double logDeterminant = 0;
    RealMatrix l = cholesky.getL();
    for (int i = 0; i < n; i++) {
      logDeterminant += 2 * Math.log(l.getEntry(i, i));
    }
    return new Fit(cholesky.getSolver(), alpha, logDeterminant, y.dotProduct(alpha));
  }

  /** log p(z | x, θ) = −½ zᵀK⁻¹z − ½ log|K| − n/2 log 2π; −∞ where K is not positive definite. */
  static double logMarginalLikelihood(double[][] x, double[] z, double[] theta) {
    try {
      Fit f = decompose(x, z, theta);
      return -0.5 * f.quadratic - 0.5 * f.logDeterminant - 0.5 * z.length * Math.log(2 * Math.PI);
    } catch (NonPositiveDefiniteMatrixException e) {
      return Double.NEGATIVE_INFINITY;
    }
  }

  static double distance(double[] a, double[] b) {
    double sum = 0;
    for (int i = 0; i < a.length; i++) {
      sum += (a[i] - b[i]) * (a[i] - b[i]);
    }
    return Math.sqrt(sum);
  }

  /** The posterior mean and standard deviation at {@code point}, in the targets' units. */
  double[] predict(double[] point) {
    int n = x.length;
    RealVector k = new ArrayRealVector(n);
    for (int i = 0; i < n; i++) {
      k.setEntry(i, matern52(distance(point, x[i]), lengthScale, signal));
    }
    double mu = k.dotProduct(alpha);
    double variance = signal - k.dotProduct(solver.solve(k));
    return new double[] {mean + scale * mu, scale * Math.sqrt(Math.max(variance, 1e-12))};
  }

  /** The fitted length scale, signal variance and noise variance (standardized units). */
  double[] hyperparameters() {
    return new double[] {lengthScale, signal, noise};
  }
}
