package dev.eddy.core.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The token bucket of {@code max-learn-rate}, step by step, with the tokens computed by hand. */
class LearnRateTest {

  @Test
  void holdsOneSecondsWorthAndRefillsAtTheRate() {
    LearnRate rate = new LearnRate();
    assertThat(rate.take(0, 2)).isTrue(); // a new bucket is full: 2 tokens, 1 left
    assertThat(rate.take(0, 2)).isTrue(); // 0 left
    assertThat(rate.take(0, 2)).isFalse();
    assertThat(rate.take(499, 2)).isFalse(); // 499 ms x 2/s = 0.998 tokens
    assertThat(rate.tokens()).isCloseTo(0.998, org.assertj.core.data.Offset.offset(1e-12));
    assertThat(rate.take(500, 2)).isTrue(); // + 0.002 = 1.0
    assertThat(rate.tokens()).isCloseTo(0.0, org.assertj.core.data.Offset.offset(1e-12));
    assertThat(rate.take(10_000, 2)).isTrue(); // refilled to the capacity 2, not 19
    assertThat(rate.take(10_000, 2)).isTrue();
    assertThat(rate.take(10_000, 2)).isFalse();
  }

  @Test
  void aRecordOlderThanTheLastRefillsNothing() {
    LearnRate rate = new LearnRate();
    assertThat(rate.take(5_000, 1)).isTrue();
    assertThat(rate.take(1_000, 1)).isFalse(); // 4 s back in time: the clock stays at 5 s
    assertThat(rate.take(5_999, 1)).isFalse(); // 0.999 tokens
    assertThat(rate.take(6_000, 1)).isTrue();
  }

  @Test
  void aRateBelowOnePerSecondStillHoldsOneExample() {
    LearnRate rate = new LearnRate();
    assertThat(rate.take(0, 0.5)).isTrue();
    assertThat(rate.take(1_999, 0.5)).isFalse(); // 0.9995 tokens
    assertThat(rate.take(2_000, 0.5)).isTrue();
  }

  @Test
  void itsStateRoundTrips() {
    LearnRate rate = new LearnRate();
    rate.take(1_700_000_000_123L, 3);
    LearnRate restored = LearnRate.of(rate.toArray());
    assertThat(restored.toArray()).containsExactly(2.0, 1_700_000_000_123.0);
    assertThat(restored.take(1_700_000_000_123L, 3)).isTrue();
    assertThat(restored.take(1_700_000_000_123L, 3)).isTrue();
    assertThat(restored.take(1_700_000_000_123L, 3)).isFalse();
    assertThat(LearnRate.of(null).take(0, 1)).isTrue();
    assertThatThrownBy(() -> LearnRate.of(new double[3])).hasMessageContaining("2 numbers");
  }
}
