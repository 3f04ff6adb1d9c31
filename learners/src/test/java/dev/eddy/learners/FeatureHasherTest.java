package dev.eddy.learners;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FeatureHasherTest {

  /**
   * Reference values: MurmurHash3 x86_32, seed 0, of the UTF-16LE bytes, from an independent
   * implementation over bytes (checked against the published vector "hello" → 613153351).
   */
  @Test
  void murmur3MatchesTheReferenceOverUtf16Bytes() {
    assertThat(FeatureHasher.murmur3("", null)).isEqualTo(0);
    assertThat(FeatureHasher.murmur3("a", null)).isEqualTo(1867108634);
    assertThat(FeatureHasher.murmur3("age", null)).isEqualTo(-979173073);
    assertThat(FeatureHasher.murmur3("x1", null)).isEqualTo(-768128181);
    assertThat(FeatureHasher.murmur3("color", "red")).isEqualTo(-108976910);
    assertThat(FeatureHasher.murmur3("color", "blue")).isEqualTo(1796525929);
    assertThat(FeatureHasher.murmur3("color", "red"))
        .isEqualTo(FeatureHasher.murmur3("color=red", null));
  }

  /**
   * With b = 4: "age" → −979173073 = 0xC5A3_012F: index 0xF = 15, top bit set so sign −1;
   * "color=red" → −108976910 = 0xF981_24F2: index 2, sign −1; "x1" → 0xD237_4B4B: index 11, sign −1;
   * "a" → 0x6F49_D11A: index 10, sign +1.
   */
  @Test
  void signedHashingPlacesFeaturesByLowBitsAndSignsThemByTheTopBit() {
    FeatureHasher hasher = new FeatureHasher(4, 2);
    hasher.clear();
    hasher.add("age", 30.0);
    hasher.add("color", "red");
    hasher.add("x1", 0.0);
    hasher.add("a", 2.5);
    FeatureVector x = hasher.vector();
    assertThat(x.dimension()).isEqualTo(16);
    assertThat(x.size()).isEqualTo(3);
    assertThat(x.toDenseArray()[15]).isEqualTo(-30.0);
    assertThat(x.toDenseArray()[2]).isEqualTo(-1.0);
    assertThat(x.toDenseArray()[10]).isEqualTo(2.5);
    assertThat(x.toDenseArray()[11]).as("zero values add nothing").isEqualTo(0.0);
  }

  @Test
  void collisionsAreSummedIntoOneEntryAndClearStartsOver() {
    FeatureHasher hasher = new FeatureHasher(1, 1);
    hasher.clear();
    for (int k = 0; k < 10; k++) {
      hasher.add("f" + k, 1.0);
    }
    FeatureVector x = hasher.vector();
    assertThat(x.size()).isLessThanOrEqualTo(2);
    if (x.size() == 2) {
      assertThat(x.index(0)).isNotEqualTo(x.index(1));
    }
    hasher.clear();
    assertThat(hasher.vector().size()).isZero();
  }

  @Test
  void bitsAreValidated() {
    assertThatThrownBy(() -> new FeatureHasher(0, 4))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("hash-bits")
        .hasMessageContaining("0");
    assertThatThrownBy(() -> FeatureHasher.parseBits("twenty"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'twenty'");
    assertThat(FeatureHasher.parseBits(" 20 ")).isEqualTo(20);
  }
}
