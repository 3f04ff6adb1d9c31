package dev.eddy.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The bench's key mixes: Zipf frequencies as 1/(k+1) normalized, uniform coverage as the occupancy formula says. */
class KeyedStreamTest {
  static final int DRAWS = 200_000;

  @Test
  void zipfKeysAreDrawnWithWeightOneOverRank() {
    int keys = 1000;
    KeyedStream s = new KeyedStream("avro", keys, "zipf", DRAWS, 3);
    int[] counts = new int[keys];
    for (int i = 0; i < DRAWS; i++) {
      counts[s.nextKey()]++;
    }
    double harmonic = 0;
    for (int k = 1; k <= keys; k++) {
      harmonic += 1.0 / k;
    }
    // P(k) = 1 / ((k + 1) H_1000), H_1000 = 7.4855
    assertThat(counts[0] / (double) DRAWS).isCloseTo(1 / harmonic, within(0.004));
    assertThat(counts[1] / (double) DRAWS).isCloseTo(1 / (2 * harmonic), within(0.003));
    assertThat(counts[9] / (double) DRAWS).isCloseTo(1 / (10 * harmonic), within(0.002));
  }

  @Test
  void uniformKeysCoverAsMuchAsTheOccupancyFormulaSays() {
    int keys = 100_000;
    KeyedStream s = new KeyedStream("json", keys, "uniform", DRAWS, 3);
    java.util.BitSet seen = new java.util.BitSet();
    for (int i = 0; i < DRAWS; i++) {
      seen.set(s.nextKey());
    }
    // expected distinct keys after m uniform draws of n: n (1 - e^{-m/n}) = 86,466 for m = 2n
    assertThat((double) seen.cardinality()).isCloseTo(keys * (1 - Math.exp(-2.0)), within(600.0));
  }

  @Test
  void oneKeyAndBadOptionsAreRefusedNamingTheOption() {
    KeyedStream one = new KeyedStream("avro", 1, "zipf", 10, 3);
    assertThat(one.nextKey()).isZero();
    assertThatThrownBy(() -> new KeyedStream("xml", 1, "zipf", 10, 3)).hasMessage("--format must be avro or json, got xml");
    assertThatThrownBy(() -> new KeyedStream("avro", 5, "pareto", 10, 3)).hasMessage("--key-skew must be zipf or uniform, got pareto");
    assertThatThrownBy(() -> new KeyedStream("avro", 0, "zipf", 10, 3)).hasMessage("--keys must be >= 1, got 0");
  }
}
