package dev.eddy.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TopKeysTest {
  @Test
  void fewKeysAreRankedByTheirExactCounts() {
    TopKeys top = new TopKeys(2);
    // the first keys seen are the light ones: a ranking, not an arrival order
    for (int i = 0; i < 1000; i++) {
      top.add(switch (i % 10) { case 0 -> "k0"; case 1 -> "k2"; case 2 -> "k4"; case 3, 4, 5 -> "k1"; default -> "k3"; });
    }
    assertThat(top.top()).containsExactly("k3", "k1");
  }

  @Test
  void heavyKeysStandOutOfAMillionLightOnes() {
    TopKeys top = new TopKeys(3);
    SplittableRandom random = new SplittableRandom(1);
    for (int i = 0; i < 2_000_000; i++) {
      int r = random.nextInt(100);
      // 10 %, 6 % and 3 % of the examples on three keys, the rest spread over a million keys
      top.add(r < 10 ? "hot-a" : r < 16 ? "hot-b" : r < 19 ? "hot-c" : "cold-" + random.nextInt(1_000_000));
    }
    assertThat(top.top()).containsExactly("hot-a", "hot-b", "hot-c");
  }

  @Test
  void aUniformMixOverManyKeysHasNoTopKeys() {
    TopKeys top = new TopKeys(5);
    SplittableRandom random = new SplittableRandom(2);
    for (int i = 0; i < 1_000_000; i++) {
      top.add("k" + random.nextInt(1_000_000));
    }
    assertThat(top.top()).isEmpty();
  }

  @Test
  void theNumberOfKeysIsBounded() {
    assertThatThrownBy(() -> new TopKeys(0)).hasMessageContaining("1..100");
    assertThatThrownBy(() -> new TopKeys(101)).hasMessageContaining("1..100");
  }
}
