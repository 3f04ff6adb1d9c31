package dev.eddy.core.synthetic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Random RBF with drift: centres move by the speed and stay in the cube; seeded; both classes. */
class RbfDriftGeneratorTest {

  @Test
  void centresMoveBySpeedAndTheStreamIsSeeded() {
    RbfDriftGenerator g = new RbfDriftGenerator(3, 4, 10, 0.01);
    double[] before = g.centre(0);
    double[] x = new double[4];
    int ones = 0;
    for (int t = 0; t < 2000; t++) {
      ones += (int) g.next(x);
      for (double v : g.centre(0)) {
        assertThat(v).isBetween(0.0, 1.0);
      }
    }
    assertThat(ones).isBetween(1, 1999);
    RbfDriftGenerator h = new RbfDriftGenerator(3, 4, 10, 0.01);
    h.next(x);
    double moved = 0;
    double[] after = h.centre(0);
    for (int i = 0; i < 4; i++) {
      moved += (after[i] - before[i]) * (after[i] - before[i]);
    }
    assertThat(Math.sqrt(moved)).as("one step of 0.01 (no face that close)").isCloseTo(0.01, within(1e-9));
    RbfDriftGenerator a = new RbfDriftGenerator(9, 3, 5, 0.001);
    RbfDriftGenerator b = new RbfDriftGenerator(9, 3, 5, 0.001);
    double[] xa = new double[3];
    double[] xb = new double[3];
    for (int t = 0; t < 100; t++) {
      assertThat(a.next(xa)).isEqualTo(b.next(xb));
      assertThat(xa).containsExactly(xb);
    }
  }

  /** k classes: every class occurs; two classes are the binary stream of the same seed. */
  @Test
  void kClassesAndTwoAreTheBinaryStream() {
    RbfDriftGenerator multi = new RbfDriftGenerator(5, 4, 50, 0.0001, 5);
    double[] x = new double[4];
    java.util.Set<Double> seen = new java.util.TreeSet<>();
    for (int t = 0; t < 5000; t++) {
      seen.add(multi.next(x));
    }
    assertThat(seen).containsExactly(0.0, 1.0, 2.0, 3.0, 4.0);
    RbfDriftGenerator two = new RbfDriftGenerator(7, 3, 20, 0.001, 2);
    RbfDriftGenerator binary = new RbfDriftGenerator(7, 3, 20, 0.001);
    double[] xb = new double[3];
    double[] xt = new double[3];
    for (int t = 0; t < 200; t++) {
      assertThat(two.next(xt)).isEqualTo(binary.next(xb));
      assertThat(xt).containsExactly(xb);
    }
  }
}
