package dev.eddy.core.synthetic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Friedman #1: the paper's function at known points, unit Gaussian noise around it, seeded. */
class FriedmanGeneratorTest {
  @Test
  void theTargetIsFriedmansFunctionPlusUnitNoise() {
    // 10 sin(pi/4) + 20 * 0 + 5 + 2.5 = 7.0710678... + 7.5
    assertThat(FriedmanGenerator.target(new double[] {0.5, 0.5, 0.5, 0.5, 0.5, 0, 0, 0, 0, 0}))
        .isCloseTo(14.571067811865476, within(1e-12));
    // x1 = x2 = 1: sin(pi) = 0; (1 - 0.5)^2 * 20 = 5; + 10 + 5; features 6..10 do not matter
    assertThat(FriedmanGenerator.target(new double[] {1, 1, 1, 1, 1, 0.3, 0.9, 0.1, 0.7, 0.2})).isCloseTo(20.0, within(1e-12));
    FriedmanGenerator g = new FriedmanGenerator(4);
    double[] x = new double[FriedmanGenerator.DIMENSION];
    int n = 20000;
    double sum = 0;
    double squares = 0;
    for (int t = 0; t < n; t++) {
      double e = g.next(x) - FriedmanGenerator.target(x);
      for (double v : x) {
        assertThat(v).isBetween(0.0, 1.0);
      }
      sum += e;
      squares += e * e;
    }
    assertThat(sum / n).isCloseTo(0, within(0.03)); // 4 standard errors of 1/sqrt(20000)
    assertThat(Math.sqrt(squares / n)).isCloseTo(1, within(0.03));
    FriedmanGenerator a = new FriedmanGenerator(9);
    FriedmanGenerator b = new FriedmanGenerator(9);
    double[] xb = new double[FriedmanGenerator.DIMENSION];
    for (int t = 0; t < 100; t++) {
      assertThat(a.next(x)).isEqualTo(b.next(xb));
      assertThat(x).containsExactly(xb);
    }
  }
}
