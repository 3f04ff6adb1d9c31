package dev.eddy.drift;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eddy.drift.testing.Scenario;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Direction semantics, over every registered detector: on an error stream only a rising error is a
 * concept drift, so every detector's defaults ignore a fall; the detectors that can see both
 * directions say so with {@link Direction#PARAM} ({@code down} and {@code both} then see the fall),
 * HDDM with its paper's {@code two-sided}; DDM and EDDM test a rise only, by construction.
 */
class DirectionBatteryTest {
  private static final int SEEDS = 20;
  /** Values after the change in which a watching detector must signal, in every run. */
  private static final int SIGNAL = 500;
  /**
   * Values after the change in which a blind detector must stay silent, in every run: short enough
   * that KSWIN's window (100) still holds values from before the change, so a stationary false alarm
   * (KSWIN tests every update) cannot pass for a signal.
   */
  private static final int QUIET = 90;
  /**
   * Defaults but the warm-up (orthogonal to direction): with it, KSWIN's frequent stationary false
   * alarms leave it blind for 200 values after each (warm-up, then refilling its window).
   */
  private static final Map<String, String> NO_WARM_UP = Map.of(WarmUp.NAME, "0");

  static List<String> types() {
    return Detectors.types();
  }

  /** A change at 2,000: the error rate 0.1 &lt;-&gt; 0.6 (0/1 types) or a unit Gaussian's mean 0 &lt;-&gt; 2. */
  private static Scenario change(String type, boolean rise) {
    boolean binary = Detectors.isBinary(type);
    double low = binary ? 0.1 : 0;
    double high = binary ? 0.6 : 2;
    return new Scenario("change", !binary, rise ? low : high, rise ? high : low, 2000, 0, 2000 + SIGNAL);
  }

  /** In how many of {@link #SEEDS} runs a DRIFT comes within {@code window} values after the change. */
  private static int runsDetecting(String type, Map<String, String> params, Scenario s, int window) {
    int detected = 0;
    for (long seed = 1; seed <= SEEDS; seed++) {
      double[] values = s.generate(seed);
      DriftDetector d = Detectors.create(type, params);
      boolean seen = false;
      for (int t = 0; t < s.changeAt() + window; t++) {
        if (d.update(values[t]) == Signal.DRIFT && t >= s.changeAt()) {
          seen = true;
        }
      }
      detected += seen ? 1 : 0;
    }
    return detected;
  }

  /**
   * At least all runs but one: KSWIN tests every update, and a false alarm in the 100 values before
   * the change resets it (the contract) so that its window no longer holds the old distribution.
   */
  private static void assertSees(String type, Map<String, String> params, boolean rise, String what) {
    assertThat(runsDetecting(type, params, change(type, rise), SIGNAL)).as(what).isGreaterThanOrEqualTo(SEEDS - 1);
  }

  private static void assertIgnores(String type, Map<String, String> params, boolean rise, String what) {
    assertThat(runsDetecting(type, params, change(type, rise), QUIET)).as(what).isZero();
  }

  private static Map<String, String> with(String type, String name, String value) {
    Map<String, String> p = new HashMap<>(Detectors.defaults(type));
    p.putAll(NO_WARM_UP);
    p.put(name, value);
    return p;
  }

  private static boolean takesDirection(String type) {
    return Detectors.parameters(type).names().contains(Direction.NAME);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("types")
  void defaultsSignalARiseAndIgnoreAFall(String type) {
    assertSees(type, NO_WARM_UP, true, "the default sees a rise");
    assertIgnores(type, NO_WARM_UP, false, "the default ignores a fall");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("types")
  void aDetectorThatSeesBothDirectionsDeclaresIt(String type) {
    if (takesDirection(type)) {
      assertThat(Detectors.defaults(type)).containsEntry(Direction.NAME, "up");
      Map<String, String> down = with(type, Direction.NAME, "down");
      assertSees(type, down, false, "down sees the fall");
      assertIgnores(type, down, true, "down ignores the rise");
      Map<String, String> both = with(type, Direction.NAME, "both");
      assertSees(type, both, false, "both sees the fall");
      assertSees(type, both, true, "both sees the rise");
    } else if (Detectors.parameters(type).names().contains("two-sided")) {
      assertThat(Detectors.defaults(type)).containsEntry("two-sided", "false");
      assertSees(type, with(type, "two-sided", "true"), false, "two-sided sees the fall");
    } else {
      // DDM and EDDM: their statistics only test for a rise of the error rate (p + s above its best,
      // the distance between errors below its best); there is nothing to declare.
      assertThat(type).isIn(Ddm.TYPE, Eddm.TYPE);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("types")
  void featureDriftWatchesBothDirectionsUnlessTold(String type) {
    if (Detectors.isBinary(type) || !takesDirection(type)) {
      return;
    }
    assertThat(Detectors.neutralUnlessGiven(type, Map.of()))
        .containsEntry(Direction.NAME, "both").containsEntry(WarmUp.NAME, "0");
    assertThat(Detectors.neutralUnlessGiven(type, Map.of(Direction.NAME, "up", WarmUp.NAME, "7")))
        .containsEntry(Direction.NAME, "up").containsEntry(WarmUp.NAME, "7");
    FeatureDriftMonitor monitor = new FeatureDriftMonitor(type, Map.of(), 1);
    assertThat(monitor.detector(0).parameters()).containsEntry(Direction.NAME, "both");
  }
}
