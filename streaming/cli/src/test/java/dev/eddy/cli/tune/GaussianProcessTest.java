package dev.eddy.cli.tune;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The surrogate: the Matérn 5/2 kernel's values, and a posterior that interpolates its data. */
class GaussianProcessTest {

  /** k(0) = s²; k(l) = s²(1 + √5 + 5/3)e^(−√5) = 0.523994...·s² (computed by hand). */
  @Test
  void matern52Values() {
    assertThat(GaussianProcess.matern52(0, 0.7, 2)).isEqualTo(2.0);
    double atL = (1 + Math.sqrt(5) + 5.0 / 3) * Math.exp(-Math.sqrt(5));
    assertThat(atL).isCloseTo(0.5239941088318203, within(1e-15));
    assertThat(GaussianProcess.matern52(0.7, 0.7, 2)).isCloseTo(2 * atL, within(1e-15));
    assertThat(GaussianProcess.matern52(3, 0.7, 2)).isLessThan(GaussianProcess.matern52(1, 0.7, 2));
  }

  /** Fitted to sin(6x) at 8 points: near the data it recovers the values, away from it it is unsure. */
  @Test
  void interpolatesAndIsUnsureAwayFromTheData() {
    double[][] x = new double[8][];
    double[] y = new double[8];
    for (int i = 0; i < 8; i++) {
      x[i] = new double[] {i / 10.0};
      y[i] = Math.sin(6 * x[i][0]);
    }
    GaussianProcess gp = GaussianProcess.fit(x, y);
    for (int i = 0; i < 8; i++) {
      assertThat(gp.predict(x[i])[0]).as("at %s", x[i][0]).isCloseTo(y[i], within(0.02));
    }
    assertThat(gp.predict(new double[] {0.35})[0]).isCloseTo(Math.sin(2.1), within(0.05));
    assertThat(gp.predict(new double[] {0.35})[1]).isLessThan(gp.predict(new double[] {1.5})[1]);
  }

  /** EI of N(m, s²) over best b: (m − b)Φ(z) + s φ(z); at m = b it is s/√(2π). */
  @Test
  void expectedImprovement() {
    assertThat(Tuner.expectedImprovement(1, 2, 1)).isCloseTo(2 / Math.sqrt(2 * Math.PI), within(1e-12));
    assertThat(Tuner.expectedImprovement(3, 0, 1)).isEqualTo(2.0);
    assertThat(Tuner.expectedImprovement(0, 1, 1)).isCloseTo(-0.15865525393145707 + 0.24197072451914337, within(1e-9)); // −Φ(−1) + φ(−1);
  }
}
