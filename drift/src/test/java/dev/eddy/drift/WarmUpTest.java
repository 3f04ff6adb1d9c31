package dev.eddy.drift;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The warm-up ({@code min-examples}), over every registered detector: the first N values after each
 * reset are counted and not tested, so a detector with warm-up N fed N values of anything and then a
 * stream signals exactly as one without a warm-up fed that stream, after every reset again.
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

  @ParameterizedTest(name = "{0}")
  @MethodSource("types")
  void theWarmUpIsNotTestedAndTheRestIsAsWithoutIt(String type) {
    double[] stream = DetectorBatteryTest.driftingStream(type);
    // warm-up values that would drift at once: the other regime's level
    double junk = Detectors.isBinary(type) ? 1 : 50;
    double[] withJunk = new double[N + stream.length];
    java.util.Arrays.fill(withJunk, 0, N, junk);
    System.arraycopy(stream, 0, withJunk, N, stream.length);

    DriftDetector warm = Detectors.create(type, params(type, N));
    String during = signals(warm, java.util.Arrays.copyOf(withJunk, N), 0);
    assertThat(during).isEqualTo("S".repeat(N));
    assertThat(warm.updates()).isEqualTo(N);

    // up to the first drift, exactly as a detector without a warm-up fed the stream
    DriftDetector cold = Detectors.create(type, params(type, 0));
    String after = signals(warm, withJunk, N);
    String reference = signals(cold, stream, 0);
    int firstDrift = reference.indexOf('D');
    assertThat(firstDrift).isPositive();
    assertThat(after.substring(0, firstDrift + 1)).isEqualTo(reference.substring(0, firstDrift + 1));
    // then every reset begins a new warm-up: no signal in the N values after each drift
    List<Integer> drifts = new ArrayList<>();
    for (int t = 0; t < after.length(); t++) {
      if (after.charAt(t) == 'D') {
        drifts.add(t);
      }
    }
    assertThat(drifts).hasSizeGreaterThanOrEqualTo(2);
    for (int i = 1; i < drifts.size(); i++) {
      assertThat(drifts.get(i) - drifts.get(i - 1)).as("drift %d", i).isGreaterThan(N);
      assertThat(after.substring(drifts.get(i - 1) + 1, drifts.get(i - 1) + 1 + N)).isEqualTo("S".repeat(N));
    }
  }
}
