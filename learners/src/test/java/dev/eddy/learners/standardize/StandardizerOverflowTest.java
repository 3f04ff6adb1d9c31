package dev.eddy.learners.standardize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.ByteBuffer;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A single huge but finite value must not break a feature's statistics for good (a poisoning
 * vector): the state stays finite, later z-scores stay sensible, and no broken state is persisted.
 */
class StandardizerOverflowTest {

  private static double[] row(double v) {
    return new double[] {v, 1.0};
  }

  @Test
  void oneHugeValueAmongNormalOnesLeavesFiniteStatisticsAndSensibleZScores() {
    SplittableRandom random = new SplittableRandom(3);
    Standardizer s = new Standardizer(2);
    for (int k = 0; k < 100_000; k++) {
      s.update(row(random.nextGaussian()));
    }
    s.update(row(1e155));
    for (int k = 0; k < 100; k++) {
      s.update(row(random.nextGaussian()));
    }
    assertThat(s.mean(0)).isFinite().isCloseTo(1e155 / 100_101, within(1e145));
    assertThat(s.variance(0)).isFinite().isPositive();
    double[] z = new double[2];
    s.transform(row(0.5), z);
    // the huge value dominates the spread: a normal value is a small, finite, non-zero z-score
    assertThat(z[0]).isFinite().isNegative().isGreaterThan(-1.0);
    assertThat(Standardizer.fromBytes(s.toBytes()).variance(0)).isEqualTo(s.variance(0));
  }

  @Test
  void extremeValuesOfBothSignsKeepEveryStatisticFinite() {
    Standardizer s = new Standardizer(2);
    for (int k = 0; k < 1000; k++) {
      s.update(row(k % 2 == 0 ? 1.7e308 : -1.7e308));
      assertThat(s.mean(0)).as("mean after %d", k).isFinite();
      assertThat(s.variance(0)).as("variance after %d", k).isFinite();
    }
    double[] z = new double[2];
    s.transform(row(1.7e308), z);
    assertThat(z[0]).isFinite().isPositive();
    Standardizer restored = Standardizer.fromBytes(s.toBytes());
    assertThat(restored.mean(0)).isEqualTo(s.mean(0));
    assertThat(restored.merge(s).variance(0)).isFinite();
  }

  @Test
  void withForgettingTheStatisticsRecoverAfterAHugeValue() {
    Standardizer s = new Standardizer(2, 50);
    SplittableRandom random = new SplittableRandom(5);
    s.update(row(1.7e308));
    s.update(row(-1.7e308));
    // every statistic halves every 50 events: 2^1024 and its square are forgotten within 120,000
    for (int k = 0; k < 120_000; k++) {
      s.update(row(random.nextGaussian()));
    }
    assertThat(s.mean(0)).isCloseTo(0, within(0.5));
    assertThat(s.variance(0)).isCloseTo(1, within(0.5));
  }

  @Test
  void decodingRejectsANonFiniteStatistic() {
    Standardizer s = new Standardizer(1);
    s.update(new double[] {2.0});
    s.update(new double[] {4.0});
    byte[] bytes = s.toBytes();
    // layout: header (6), dimension (4), half-life (8), count (8), weight (8), then the means
    // array: length (4), form (1), value (8)
    ByteBuffer.wrap(bytes).putDouble(6 + 4 + 8 + 8 + 8 + 4 + 1, Double.POSITIVE_INFINITY);
    assertThatThrownBy(() -> Standardizer.fromBytes(bytes))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("feature 0 has a non-finite statistic");
  }
}
