package dev.eddy.drift;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The warm-up ({@code min-examples}), over every registered detector: no signal in the first N values
 * after each reset, and nothing else changed (the update rule takes every value).
 */
class WarmUpTest {
  private static final int N = 250;

  static List<String> types() {
    return Detectors.types();
  }

  private static Map<String, String> params(String type, int warmUp) {
    Map<String, String> p = new LinkedHashMap<>(Detectors.defaults(type));
    p.put(WarmUp.NAME, Integer.toString(warmUp));
    return p;
  }

  /** Signals of {@code d} on {@code values}, one letter each (S, W, D). */
  private static String signals(DriftDetector d, double[] values, int from) {
    StringBuilder out = new StringBuilder();
    for (int t = from; t < values.length; t++) {
      out.append(d.update(values[t]).name().charAt(0));
    }
    return out.toString();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("types")
  void declaredForEveryTypeWithItsDefault(String type) {
    assertThat(Detectors.parameters(type).names()).contains(WarmUp.NAME);
    assertThat(Detectors.defaults(type)).containsEntry(WarmUp.NAME, Integer.toString(WarmUp.DEFAULT));
    assertThat(Detectors.create(type, Map.of(WarmUp.NAME, "7")).parameters()).containsEntry(WarmUp.NAME, "7");
  }

  /**
   * The warm-up withholds signals and changes nothing else: fed the same stream, a detector with
   * warm-up N signals exactly as one without, except that the first N signals after each reset are
   * STABLE, up to the first DRIFT the warm one gives (the streams' first N values are stationary, so
   * the cold one has no DRIFT to lose in the first warm-up, and both reset there).
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("types")
  void theWarmUpWithholdsSignalsAndChangesNothingElse(String type) {
    double[] stream = DetectorBatteryTest.driftingStream(type);
    DriftDetector warm = Detectors.create(type, params(type, N));
    DriftDetector cold = Detectors.create(type, params(type, 0));
    String w = signals(warm, stream, 0);
    String c = signals(cold, stream, 0);
    assertThat(w.substring(0, N)).isEqualTo("S".repeat(N));
    assertThat(c.substring(0, N)).doesNotContain("D");
    int firstDrift = w.indexOf('D');
    assertThat(firstDrift).isGreaterThan(N);
    assertThat(w.substring(N, firstDrift + 1)).isEqualTo(c.substring(N, firstDrift + 1));
    // after every drift, a new warm-up: no signal in the N values that follow
    List<Integer> drifts = new ArrayList<>();
    for (int t = 0; t < w.length(); t++) {
      if (w.charAt(t) == 'D') {
        drifts.add(t);
      }
    }
    assertThat(drifts).hasSizeGreaterThanOrEqualTo(2);
    for (int i = 1; i < drifts.size(); i++) {
      assertThat(drifts.get(i) - drifts.get(i - 1)).as("drift %d", i).isGreaterThan(N);
      assertThat(w.substring(drifts.get(i - 1) + 1, drifts.get(i - 1) + 1 + N)).isEqualTo("S".repeat(N));
    }
  }
}
