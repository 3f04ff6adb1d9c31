package dev.eddy.learners.benchmarks;

/**
 * The ceiling for each learner: the same arithmetic per event — predict (score, label, probability
 * where defined), then learn (recompute the score, update) — written as flat loops over bare arrays,
 * with no abstraction, no input validation and no state object. Each method takes the event as
 * {@code indices} (null when dense), {@code values} and {@code n} entries and returns the predicted
 * label. Hyperparameters are the learners' defaults.
 */
final class RawLoops {
  private static final double C = 1.0;
  private static final double LAMBDA = 0.01;
  private static final double RATE = 0.1;
  private static final double DELTA = 1e-8;
  private static final double ALPHA = 0.05;
  private static final double BETA = 1.0;
  private static final double L1 = 0.0;
  private static final double L2 = 1.0;

  final int d;
  final double[] w;
  final double[] aux;
  double a = 1;
  double norm;
  double scaleSum;
  long t;

  RawLoops(int dimension) {
    d = dimension;
    w = new double[d + 1];
    aux = new double[d + 1];
  }

  static double dot(int[] idx, double[] x, int n, double[] w) {
    double s = 0;
    if (idx == null) {
      for (int i = 0; i < n; i++) {
        s += w[i] * x[i];
      }
    } else {
      for (int k = 0; k < n; k++) {
        s += w[idx[k]] * x[k];
      }
    }
    return s;
  }

  static void axpy(int[] idx, double[] x, int n, double[] w, double c) {
    if (idx == null) {
      for (int i = 0; i < n; i++) {
        w[i] += c * x[i];
      }
    } else {
      for (int k = 0; k < n; k++) {
        w[idx[k]] += c * x[k];
      }
    }
  }

  static double sigmoid(double s) {
    return s >= 0 ? 1 / (1 + Math.exp(-s)) : Math.exp(s) / (1 + Math.exp(s));
  }

  /** PA (variant 0), PA-I (1) or PA-II (2). */
  double pa(int variant, int[] idx, double[] x, int n, double label) {
    double predicted = dot(idx, x, n, w) + w[d] > 0 ? 1 : 0;
    double y = label > 0 ? 1 : -1;
    t++;
    double loss = 1 - y * (dot(idx, x, n, w) + w[d]);
    if (loss > 0) {
      double sq = 1;
      for (int k = 0; k < n; k++) {
        sq += x[k] * x[k];
      }
      double tau = variant == 0 ? loss / sq
          : variant == 1 ? Math.min(C, loss / sq) : loss / (sq + 1 / (2 * C));
      axpy(idx, x, n, w, tau * y);
      w[d] += tau * y;
    }
    return predicted;
  }

  /** Pegasos with w = a·v, and when averaged the running sum S = A·v − u (u in aux). */
  double pegasos(boolean averaged, int[] idx, double[] x, int n, double label) {
    double predicted;
    if (averaged) {
      predicted = t == 0 ? 0 : (scaleSum * dot(idx, x, n, w) - dot(idx, x, n, aux) + aux[d]) / t;
    } else {
      predicted = a * dot(idx, x, n, w) + w[d];
    }
    double y = label > 0 ? 1 : -1;
    t++;
    double margin = y * (a * dot(idx, x, n, w) + w[d]);
    double eta = 1 / (LAMBDA * t);
    double shrink = 1 - 1.0 / t;
    if (shrink == 0) {
      a = 0;
      fold(averaged);
    } else {
      a *= shrink;
    }
    if (margin < 1) {
      double c = eta * y / a;
      for (int k = 0; k < n; k++) {
        int i = idx == null ? k : idx[k];
        double delta = c * x[k];
        double old = w[i];
        w[i] = old + delta;
        norm += delta * (old + w[i]);
        if (averaged) {
          aux[i] += scaleSum * delta;
        }
      }
      w[d] += eta * y;
    }
    double squared = a * a * norm;
    if (squared * LAMBDA > 1) {
      a /= Math.sqrt(squared * LAMBDA);
    }
    if (averaged) {
      scaleSum += a;
      aux[d] += w[d];
    }
    if (a < 1e-6) {
      fold(averaged);
    }
    return predicted > 0 ? 1 : 0;
  }

  private void fold(boolean averaged) {
    norm = 0;
    for (int i = 0; i < d; i++) {
      if (averaged) {
        aux[i] -= scaleSum * w[i];
      }
      w[i] *= a;
      norm += w[i] * w[i];
    }
    a = 1;
    scaleSum = 0;
  }

  /** Logistic regression by SGD, constant rate. */
  double logistic(int[] idx, double[] x, int n, double label) {
    double p = sigmoid(dot(idx, x, n, w) + w[d]);
    t++;
    double g = sigmoid(dot(idx, x, n, w) + w[d]) - (label > 0 ? 1 : 0);
    axpy(idx, x, n, w, -RATE * g);
    w[d] -= RATE * g;
    return p > 0.5 ? 1 : 0;
  }

  /** Diagonal AdaGrad on the log loss (G in aux). */
  double adagrad(int[] idx, double[] x, int n, double label) {
    double p = sigmoid(dot(idx, x, n, w) + w[d]);
    t++;
    double g = sigmoid(dot(idx, x, n, w) + w[d]) - (label > 0 ? 1 : 0);
    for (int k = 0; k < n; k++) {
      int i = idx == null ? k : idx[k];
      double gi = g * x[k];
      aux[i] += gi * gi;
      w[i] -= RATE * gi / (DELTA + Math.sqrt(aux[i]));
    }
    aux[d] += g * g;
    w[d] -= RATE * g / (DELTA + Math.sqrt(aux[d]));
    return p > 0.5 ? 1 : 0;
  }

  private double ftrlWeight(int i) {
    double z = w[i];
    return Math.abs(z) <= L1 ? 0 : -(z - Math.copySign(L1, z)) / ((BETA + Math.sqrt(aux[i])) / ALPHA + L2);
  }

  private double ftrlScore(int[] idx, double[] x, int n) {
    double s = ftrlWeight(d);
    for (int k = 0; k < n; k++) {
      s += ftrlWeight(idx == null ? k : idx[k]) * x[k];
    }
    return s;
  }

  private void ftrlStep(int i, double gi) {
    double wi = ftrlWeight(i);
    double sigma = (Math.sqrt(aux[i] + gi * gi) - Math.sqrt(aux[i])) / ALPHA;
    w[i] += gi - sigma * wi;
    aux[i] += gi * gi;
  }

  /** FTRL-Proximal (z in w, n in aux). */
  double ftrl(int[] idx, double[] x, int n, double label) {
    double p = sigmoid(ftrlScore(idx, x, n));
    t++;
    double g = sigmoid(ftrlScore(idx, x, n)) - (label > 0 ? 1 : 0);
    for (int k = 0; k < n; k++) {
      ftrlStep(idx == null ? k : idx[k], g * x[k]);
    }
    ftrlStep(d, g);
    return p > 0.5 ? 1 : 0;
  }
}
