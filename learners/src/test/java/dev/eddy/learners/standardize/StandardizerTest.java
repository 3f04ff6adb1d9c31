package dev.eddy.learners.standardize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class StandardizerTest {

  /**
   * 10^6 values of magnitude 10^9 with standard deviation 3, against a two-pass computation (the
   * Kahan-summed mean first, then the Kahan-summed squared deviations, which are exact differences by
   * Sterbenz's lemma): the mean agrees to 1e-6 (under 10 ulps of 10^9), the variance to 1e-10
   * relative, where the textbook one-pass formula E[x²] − E[x]² is off by more than 100 %. A
   * constant feature of the same magnitude has variance exactly 0 and standardizes to 0.
   */
  @Test
  void matchesATwoPassComputationOnLargeValues() {
    int n = 1_000_000;
    double[] values = new double[n];
    SplittableRandom random = new SplittableRandom(7);
    for (int k = 0; k < n; k++) {
      values[k] = 1e9 + 3 * random.nextGaussian();
    }
    Standardizer standardizer = new Standardizer(2);
    double[] x = new double[2];
    double sum = 0;
    double sumOfSquares = 0;
    for (double v : values) {
      x[0] = v;
      x[1] = 1.5e9;
      standardizer.update(x);
      sum += v;
      sumOfSquares += v * v;
    }
    Kahan meanSum = new Kahan();
    for (double v : values) {
      meanSum.add(v);
    }
    double mean = meanSum.sum / n;
    Kahan squares = new Kahan();
    for (double v : values) {
      squares.add((v - mean) * (v - mean));
    }
    double variance = squares.sum / n;
    double naive = sumOfSquares / n - (sum / n) * (sum / n);
    assertThat(standardizer.count()).isEqualTo(n);
    assertThat(standardizer.mean(0)).isCloseTo(mean, within(1e-6));
    assertThat(standardizer.variance(0)).isCloseTo(variance, within(1e-10 * variance));
    assertThat(variance).isCloseTo(9.0, within(0.05));
    assertThat(Math.abs(naive - variance) / variance).as("the naive formula").isGreaterThan(1.0);
    assertThat(standardizer.variance(1)).isEqualTo(0.0);
    double[] out = new double[2];
    standardizer.transform(new double[] {mean + 6, 1.5e9}, out);
    assertThat(out[0]).isCloseTo(6 / Math.sqrt(variance), within(1e-6));
    assertThat(out[1]).isEqualTo(0.0);
  }

  /** Compensated summation (Kahan 1965), for the reference. */
  private static final class Kahan {
    double sum;
    double compensation;

    void add(double value) {
      double y = value - compensation;
      double t = sum + y;
      compensation = (t - sum) - y;
      sum = t;
    }
  }

  /**
   * Half-life 1 event: λ = 0.5. Values 0 then 2: W = 0.5·1 + 1 = 1.5, μ = 0 + 2/1.5 = 4/3,
   * S = 0.5·0 + 2·(2 − 4/3) = 4/3, variance = S/W = 8/9; by definition, with weights 0.5 and 1:
   * μ = (0·0.5 + 2·1)/1.5 = 4/3 and σ² = (0.5·16/9 + 1·4/9)/1.5 = 8/9.
   */
  @Test
  void forgetsExponentiallyByHalfLife() {
    Standardizer s = new Standardizer(1, 1.0);
    s.update(new double[] {0});
    s.update(new double[] {2});
    assertThat(s.weight()).isEqualTo(1.5);
    assertThat(s.mean(0)).isCloseTo(4.0 / 3, within(1e-15));
    assertThat(s.variance(0)).isCloseTo(8.0 / 9, within(1e-15));
    Standardizer drifting = new Standardizer(1, 100);
    for (int k = 0; k < 5000; k++) {
      drifting.update(new double[] {k < 2500 ? 0 : 10});
    }
    assertThat(drifting.mean(0)).isCloseTo(10, within(1e-6));
    assertThat(drifting.weight()).isCloseTo(1 / (1 - Math.pow(2, -1 / 100.0)), within(1e-6));
  }

  /** Chan et al.: merging the statistics of two halves equals one pass over the whole stream. */
  @Test
  void mergeEqualsOnePassOverBothStreams() {
    for (double halfLife : new double[] {Double.POSITIVE_INFINITY, 50}) {
      Standardizer all = new Standardizer(3, halfLife);
      Standardizer first = new Standardizer(3, halfLife);
      Standardizer second = new Standardizer(3, halfLife);
      SplittableRandom random = new SplittableRandom(3);
      for (int k = 0; k < 2000; k++) {
        double[] x = {random.nextGaussian(), 5 + 2 * random.nextGaussian(), k};
        (k < 700 ? first : second).update(x);
        if (Double.isInfinite(halfLife)) {
          all.update(x);
        }
      }
      Standardizer merged = first.merge(second);
      assertThat(merged.count()).isEqualTo(2000);
      assertThat(first.count()).isEqualTo(700);
      if (Double.isInfinite(halfLife)) {
        for (int i = 0; i < 3; i++) {
          assertThat(merged.mean(i)).isCloseTo(all.mean(i), within(1e-9 * (1 + Math.abs(all.mean(i)))));
          assertThat(merged.variance(i)).isCloseTo(all.variance(i), within(1e-9 * all.variance(i)));
        }
      } else {
        assertThat(merged.weight()).isCloseTo(first.weight() + second.weight(), within(1e-12));
      }
    }
    assertThatThrownBy(() -> new Standardizer(2).merge(new Standardizer(3)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("dimension=2")
        .hasMessageContaining("dimension=3");
  }

  @Test
  void encodesRestoresAndCopies() {
    Standardizer s = new Standardizer(2, 30);
    s.update(new double[] {1, 2});
    s.update(new double[] {3, -2});
    Standardizer restored = Standardizer.fromBytes(s.toBytes());
    Standardizer copy = s.copy();
    s.update(new double[] {100, 100});
    for (Standardizer other : new Standardizer[] {restored, copy}) {
      assertThat(other.count()).isEqualTo(2);
      assertThat(other.halfLife()).isEqualTo(30);
      assertThat(other.mean(0)).isEqualTo(restored.mean(0));
      assertThat(other.variance(1)).isEqualTo(restored.variance(1));
    }
    assertThat(restored.toBytes()).isEqualTo(copy.toBytes());
    byte[] bytes = copy.toBytes();
    bytes[0] = 'X';
    assertThatThrownBy(() -> Standardizer.fromBytes(bytes))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bad magic");
    assertThatThrownBy(() -> Standardizer.fromBytes(java.util.Arrays.copyOf(copy.toBytes(), 20)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("truncated");
  }

  @Test
  void rejectsBadInputWithoutChangingTheStatistics() {
    assertThatThrownBy(() -> new Standardizer(0)).hasMessageContaining("dimension");
    assertThatThrownBy(() -> new Standardizer(2, -1)).hasMessageContaining("halfLife")
        .hasMessageContaining("-1.0");
    Standardizer s = new Standardizer(2);
    s.update(new double[] {1, 1});
    assertThatThrownBy(() -> s.update(new double[] {1, Double.NaN}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("feature 1");
    assertThatThrownBy(() -> s.update(new double[] {1}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 features, expected 2");
    assertThat(s.count()).isEqualTo(1);
    assertThat(s.mean(1)).isEqualTo(1.0);
  }
}
