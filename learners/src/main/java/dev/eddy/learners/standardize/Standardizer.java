package dev.eddy.learners.standardize;

import dev.eddy.learners.codec.Framing;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.function.Function;

/**
 * Per-feature running mean and variance, and the standardization {@code (x − mean) / sd} that
 * learners need on raw features.
 *
 * <p>Algorithms: Welford's update (B. P. Welford, "Note on a method for calculating corrected sums of
 * squares and products", Technometrics 4(3), 1962), in the weighted form of D. H. D. West ("Updating
 * mean and variance estimates: an improved method", CACM 22(9), 1979) so that exponential forgetting
 * is the same loop: with decay λ = 2^(−1/halfLife) every earlier weight is multiplied by λ per event,
 *
 * <pre>
 *   W ← λ·W + 1,   δ = x − μ,   μ ← μ + δ / W,   S ← λ·S + δ·(x − μ),   variance = S / W
 * </pre>
 *
 * (λ = 1 without forgetting: the population variance of all values). It never subtracts large sums,
 * and the mean is accumulated with Kahan's compensated summation, so it stays exact to a few ulps on
 * long streams of large values (tested on 10^6 values of magnitude 10^9). Two
 * standardizers merge with the parallel formula of Chan, Golub and LeVeque ("Updating formulae and a
 * pairwise algorithm for computing sample variances", 1979), weights in place of counts.
 *
 * <p>Overflow (a poisoning vector): a single finite but huge value, e.g. 1e155, makes δ² overflow,
 * and ±1.7e308 makes δ itself overflow; the plain update would then leave an infinite variance (or a
 * NaN mean) in the state forever, and in every snapshot. So every update is computed in the plain
 * form above and committed only if all results are finite; otherwise the feature is updated in a
 * scaled form that cannot overflow: with h = x/2 − μ/2 (always finite), μ ← 2·(μ/2 + h/W) (a convex
 * combination of μ and x, so finite) and S ← λ·S + 4·(h·√(1 − 1/W))², clamped to {@link
 * Double#MAX_VALUE}. The variance therefore saturates at {@code MAX_VALUE / W} instead of becoming
 * infinite, later z-scores stay finite, and with forgetting the statistics recover. Merging clamps
 * the same way; encoding and decoding reject a non-finite statistic, so a broken state is never
 * persisted. Values whose statistics do not overflow take exactly the plain path (bit for bit).
 *
 * <p>A feature whose variance is 0 standardizes to 0. Not thread-safe; {@link #update} and {@link
 * #transform} allocate nothing.
 */
public final class Standardizer {

  private static final int MAGIC = 0x45445354; // "EDST"
  private static final int VERSION = 1;
  private static final String WHAT = "standardizer snapshot";

  private final int dimension;
  private final double halfLife;
  private final double decay;
  private long count;
  private double weight;
  private final double[] mean;
  private final double[] meanError;
  private final double[] m2;

  /** A standardizer without forgetting. */
  public Standardizer(int dimension) {
    this(dimension, Double.POSITIVE_INFINITY);
  }

  /**
   * @param dimension number of features, {@code > 0}
   * @param halfLife events after which an observation weighs half as much, {@code > 0};
   *     {@code +Infinity} for no forgetting
   */
  public Standardizer(int dimension, double halfLife) {
    if (dimension <= 0) {
      throw new IllegalArgumentException("standardizer dimension must be > 0 but was " + dimension);
    }
    if (!(halfLife > 0)) {
      throw new IllegalArgumentException("standardizer halfLife must be > 0 but was " + halfLife);
    }
    this.dimension = dimension;
    this.halfLife = halfLife;
    this.decay = Double.isInfinite(halfLife) ? 1.0 : Math.pow(2.0, -1.0 / halfLife);
    this.mean = new double[dimension];
    this.meanError = new double[dimension];
    this.m2 = new double[dimension];
  }

  /** Adds one observation; rejects a wrong length or a NaN/infinite entry before changing anything. */
  public void update(double[] x) {
    checkLength(x, "update");
    for (int i = 0; i < dimension; i++) {
      if (!Double.isFinite(x[i])) {
        throw new IllegalArgumentException("feature " + i + " is not finite: " + x[i]);
      }
    }
    count++;
    weight = decay * weight + 1;
    double inverse = 1 / weight;
    for (int i = 0; i < dimension; i++) {
      // Kahan-compensated mean: the true mean is mean[i] − meanError[i].
      double delta = (x[i] - mean[i]) + meanError[i];
      double step = delta * inverse - meanError[i];
      double updated = mean[i] + step;
      double error = (updated - mean[i]) - step;
      double sum = decay * m2[i] + delta * ((x[i] - updated) + error);
      if (Double.isFinite(sum) && Double.isFinite(updated) && Double.isFinite(error)) {
        meanError[i] = error;
        mean[i] = updated;
        m2[i] = sum;
      } else {
        scaledUpdate(i, x[i], inverse);
      }
    }
  }

  /** The update of feature i in the scaled form that cannot overflow (see the class comment). */
  private void scaledUpdate(int i, double x, double inverse) {
    double mu = mean(i);
    double half = x / 2 - mu / 2;
    mean[i] = 2 * (mu / 2 + half * inverse);
    meanError[i] = 0.0;
    double root = half * Math.sqrt(1 - inverse);
    m2[i] = saturate(decay * m2[i] + 4 * root * root);
  }

  /** {@code v} clamped to [0, MAX_VALUE]; +Infinity (an overflowed sum) becomes MAX_VALUE. */
  private static double saturate(double v) {
    return v >= Double.MAX_VALUE ? Double.MAX_VALUE : Math.max(0.0, v);
  }

  /** {@code out[i] = (x[i] − mean(i)) / sd(i)}, or 0 where the variance is 0; {@code out} may be {@code x}. */
  public void transform(double[] x, double[] out) {
    checkLength(x, "transform input");
    checkLength(out, "transform output");
    for (int i = 0; i < dimension; i++) {
      double variance = variance(i);
      double deviation = (x[i] - mean[i]) + meanError[i];
      if (!Double.isFinite(deviation)) {
        deviation = 2 * (x[i] / 2 - mean(i) / 2); // see the class comment: finite inputs only
      }
      out[i] = variance > 0 ? deviation / Math.sqrt(variance) : 0.0;
    }
  }

  private void checkLength(double[] x, String what) {
    if (x.length != dimension) {
      throw new IllegalArgumentException(
          "standardizer " + what + " has " + x.length + " features, expected " + dimension);
    }
  }

  /** Number of observations. */
  public long count() {
    return count;
  }

  /** Total (decayed) weight of the observations; equals {@link #count()} without forgetting. */
  public double weight() {
    return weight;
  }

  /** Number of features. */
  public int dimension() {
    return dimension;
  }

  /** The half-life in events ({@code +Infinity}: no forgetting). */
  public double halfLife() {
    return halfLife;
  }

  /** Weighted mean of feature i (0 before any observation). */
  public double mean(int i) {
    return mean[i] - meanError[i];
  }

  /** Weighted population variance of feature i (0 before any observation). */
  public double variance(int i) {
    return weight > 0 ? Math.max(0.0, m2[i] / weight) : 0.0;
  }

  /** An independent copy. */
  public Standardizer copy() {
    Standardizer copy = new Standardizer(dimension, halfLife);
    copy.count = count;
    copy.weight = weight;
    System.arraycopy(mean, 0, copy.mean, 0, dimension);
    System.arraycopy(meanError, 0, copy.meanError, 0, dimension);
    System.arraycopy(m2, 0, copy.m2, 0, dimension);
    return copy;
  }

  /**
   * The statistics of both inputs together, as if one standardizer had seen both streams (Chan et
   * al.); neither input changes. Both must have the same dimension and half-life.
   */
  public Standardizer merge(Standardizer other) {
    if (other.dimension != dimension || Double.compare(other.halfLife, halfLife) != 0) {
      throw new IllegalArgumentException(
          "cannot merge " + this + " with " + other + ": dimension and halfLife must match");
    }
    Standardizer merged = new Standardizer(dimension, halfLife);
    merged.count = count + other.count;
    merged.weight = weight + other.weight;
    if (merged.weight > 0) {
      double share = other.weight / merged.weight;
      double cross = weight * share;
      for (int i = 0; i < dimension; i++) {
        double delta = (other.mean[i] - mean[i]) - (other.meanError[i] - meanError[i]);
        double combined = mean(i) + delta * share;
        if (!Double.isFinite(combined)) {
          combined = 2 * (mean(i) / 2 + (other.mean(i) / 2 - mean(i) / 2) * share);
        }
        merged.mean[i] = combined;
        merged.m2[i] = saturate(m2[i] + other.m2[i] + delta * delta * cross);
      }
    }
    return merged;
  }

  /**
   * The versioned binary form ({@link Framing}): magic "EDST", version, dimension, half-life, count,
   * weight, means, their compensation terms, M2s.
   *
   * @throws IllegalStateException if a statistic is not finite (which {@link #update} prevents)
   */
  public byte[] toBytes() {
    checkFinite(IllegalStateException::new);
    return Framing.encode(MAGIC, VERSION, this::write);
  }

  private void write(DataOutput out) throws IOException {
    out.writeInt(dimension);
    out.writeDouble(halfLife);
    out.writeLong(count);
    out.writeDouble(weight);
    Framing.writeCompactDoubles(out, mean, dimension);
    Framing.writeCompactDoubles(out, meanError, dimension);
    Framing.writeCompactDoubles(out, m2, dimension);
  }

  /**
   * A standardizer from {@link #toBytes()}; {@link IllegalArgumentException} on malformed bytes or
   * a non-finite statistic.
   */
  public static Standardizer fromBytes(byte[] bytes) {
    Standardizer s = Framing.decode(bytes, MAGIC, WHAT, VERSION, Standardizer::read);
    s.checkFinite(IllegalArgumentException::new);
    return s;
  }

  private static Standardizer read(DataInput in, int version) throws IOException {
    int dimension = Framing.checkLength(in.readInt(), 1 << 28, "dimension");
    Standardizer s = new Standardizer(dimension, in.readDouble());
    s.count = in.readLong();
    s.weight = in.readDouble();
    System.arraycopy(Framing.readCompactDoubles(in, s.dimension, "means"), 0, s.mean, 0,
        s.dimension);
    System.arraycopy(Framing.readCompactDoubles(in, s.dimension, "mean errors"), 0, s.meanError,
        0, s.dimension);
    System.arraycopy(Framing.readCompactDoubles(in, s.dimension, "M2"), 0, s.m2, 0, s.dimension);
    return s;
  }

  /** Throws (built by {@code failure}) naming the first statistic that is not finite. */
  private void checkFinite(Function<String, RuntimeException> failure) {
    if (!Double.isFinite(weight) || weight < 0 || count < 0) {
      throw failure.apply(WHAT + ": weight " + weight + " and count " + count
          + " must be finite and >= 0");
    }
    for (int i = 0; i < dimension; i++) {
      if (!Double.isFinite(mean[i]) || !Double.isFinite(meanError[i])
          || !Double.isFinite(m2[i])) {
        throw failure.apply(WHAT + ": feature " + i + " has a non-finite statistic: mean "
            + mean[i] + ", mean error " + meanError[i] + ", M2 " + m2[i]);
      }
    }
  }

  @Override
  public String toString() {
    return "Standardizer[dimension=" + dimension + ", halfLife=" + halfLife + ", count=" + count + "]";
  }
}
