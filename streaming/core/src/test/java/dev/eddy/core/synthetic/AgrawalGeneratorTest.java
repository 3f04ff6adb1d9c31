package dev.eddy.core.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The paper's functions 1-4 at hand-picked points, the cycle at the drift points, the ranges. */
class AgrawalGeneratorTest {

  @Test
  void functionsAsInThePaper() {
    // 1: group 0 for age < 40 or >= 60
    assertThat(AgrawalGenerator.group(1, 60000, 39, 0)).isZero();
    assertThat(AgrawalGenerator.group(1, 60000, 40, 0)).isEqualTo(1);
    assertThat(AgrawalGenerator.group(1, 60000, 60, 0)).isZero();
    // 2: young 50-100k, middle 75-125k, old 25-75k
    assertThat(AgrawalGenerator.group(2, 60000, 30, 0)).isZero();
    assertThat(AgrawalGenerator.group(2, 60000, 50, 0)).isEqualTo(1);
    assertThat(AgrawalGenerator.group(2, 60000, 70, 0)).isZero();
    // 3: young elevel 0-1, middle 1-3, old 2-4
    assertThat(AgrawalGenerator.group(3, 0, 30, 1)).isZero();
    assertThat(AgrawalGenerator.group(3, 0, 50, 0)).isEqualTo(1);
    assertThat(AgrawalGenerator.group(3, 0, 70, 4)).isZero();
    // 4: middle with elevel 1-3 needs 50-100k, else 75-125k; old with elevel 2-4 50-100k, else 25-75k
    assertThat(AgrawalGenerator.group(4, 110000, 50, 2)).isEqualTo(1);
    assertThat(AgrawalGenerator.group(4, 110000, 50, 4)).isZero();
    assertThat(AgrawalGenerator.group(4, 30000, 70, 0)).isZero();
    assertThat(AgrawalGenerator.group(4, 30000, 70, 3)).isEqualTo(1);
  }

  @Test
  void cyclesThroughTheFunctionsAndWithoutNoiseFollowsThem() {
    AgrawalGenerator g = new AgrawalGenerator(4, new long[] {100, 200, 300, 400}, 0);
    double[] x = new double[9];
    int[] seen = new int[501];
    for (int t = 0; t < 500; t++) {
      int f = g.function();
      seen[t] = f;
      double y = g.next(x);
      assertThat(y).isEqualTo(AgrawalGenerator.group(f, x[0], (int) x[2], (int) x[3]));
      assertThat(x[0]).isBetween(20000.0, 150000.0);
      assertThat(x[2]).isBetween(20.0, 80.0);
      assertThat(x[8]).isBetween(0.0, 500000.0);
    }
    assertThat(new int[] {seen[0], seen[100], seen[200], seen[300], seen[400]}).containsExactly(1, 2, 3, 4, 1);
  }
}
