package dev.eddy.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eddy.drift.testing.Scenario;
import dev.eddy.learners.params.Param;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The contract every {@link DriftDetector} honours (see its javadoc), run over every type in {@link
 * Detectors#types()}: registering a detector enrols it, so none can skip the battery. Each
 * detector's own test adds its paper's defaults and golden detection points ({@link
 * DriftDetectorContract}).
 */
class DetectorBatteryTest {

  static List<String> types() {
    return Detectors.types();
  }

  /**
   * A seeded stream in the detector's domain that alternates between two regimes every 1,500 values,
   * so that the detector drifts several times.
   */
  static double[] driftingStream(String type) {
    boolean binary = Detectors.isBinary(type);
    double[] out = new double[9000];
    for (int block = 0; block < 6; block++) {
      double level = block % 2 == 0 ? (binary ? 0.1 : 0) : (binary ? 0.9 : 4);
      Scenario s = new Scenario("block", !binary, level, level, 1500, 0, 1500);
      System.arraycopy(s.generate(block + 17L), 0, out, block * 1500, 1500);
    }
    return out;
  }

  private static List<Integer> driftPositions(DriftDetector d, double[] values) {
    List<Integer> drifts = new ArrayList<>();
    for (int t = 0; t < values.length; t++) {
      if (d.update(values[t]) == Signal.DRIFT) {
        drifts.add(t);
      }
    }
    return drifts;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("types")
  void driftsOnTheDriftingStream(String type) {
    assertThat(driftPositions(Detectors.create(type, Map.of()), driftingStream(type))).hasSizeGreaterThanOrEqualTo(3);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("types")
  void resetsItselfOnTheFirstUpdateAfterADrift(String type) {
    double[] values = driftingStream(type);
    DriftDetector d = Detectors.create(type, Map.of());
    int checked = 0;
    for (int t = 0; t + 1 < values.length; t++) {
      if (d.update(values[t]) == Signal.DRIFT) {
        assertThat(d.lastSignal()).isEqualTo(Signal.DRIFT);
        d.update(values[t + 1]);
        t++;
        DriftDetector fresh = Detectors.create(type, Map.of());
        fresh.update(values[t]);
        assertThat(d.updates()).isEqualTo(1);
        assertThat(DetectorCodec.encode(d)).isEqualTo(DetectorCodec.encode(fresh));
        checked++;
      }
    }
    assertThat(checked).isGreaterThanOrEqualTo(3);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("types")
  void resetMakesItEqualToAFreshDetector(String type) {
    DriftDetector d = Detectors.create(type, Map.of());
    double[] values = driftingStream(type);
    for (int t = 0; t < 2000; t++) {
      d.update(values[t]);
    }
    d.reset();
    assertThat(d.updates()).isZero();
    assertThat(d.lastSignal()).isEqualTo(Signal.STABLE);
    assertThat(DetectorCodec.encode(d)).isEqualTo(DetectorCodec.encode(Detectors.create(type, Map.of())));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("types")
  void rejectsValuesOutsideItsDomainAndKeepsItsState(String type) {
    DriftDetector d = Detectors.create(type, Map.of());
    double[] values = driftingStream(type);
    int t = 0;
    while (d.update(values[t]) != Signal.DRIFT) {
      t++;
    }
    List<Double> bad = new ArrayList<>(List.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY));
    if (d.inputDomain() == InputDomain.BINARY) {
      bad.addAll(List.of(0.5, -1.0, 2.0, 1e-9));
    }
    byte[] before = DetectorCodec.encode(d);
    for (double v : bad) {
      assertThatThrownBy(() -> d.update(v))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining(type)
          .hasMessageContaining(String.valueOf(v));
      // a rejected value must not even trigger the pending reset
      assertThat(DetectorCodec.encode(d)).isEqualTo(before);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("types")
  void snapshotAndRestoreContinuesIdentically(String type) {
    double[] values = driftingStream(type);
    int firstDrift = driftPositions(Detectors.create(type, Map.of()), values).get(0);
    for (int cut : new int[] {0, 3, 40, 777, firstDrift + 1, 4321}) {
      DriftDetector original = Detectors.create(type, Map.of());
      for (int t = 0; t < cut; t++) {
        original.update(values[t]);
      }
      DriftDetector restored = DetectorCodec.decode(DetectorCodec.encode(original));
      assertThat(restored.getClass()).isEqualTo(original.getClass());
      assertThat(restored.updates()).isEqualTo(original.updates());
      assertThat(restored.lastSignal()).isEqualTo(original.lastSignal());
      for (int t = cut; t < values.length; t++) {
        assertThat(restored.update(values[t])).as("signal at %d after a snapshot at %d", t, cut)
            .isEqualTo(original.update(values[t]));
      }
      assertThat(DetectorCodec.encode(restored)).isEqualTo(DetectorCodec.encode(original));
      assertThat(restored.statistics()).isEqualTo(original.statistics());
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("types")
  void sameInputGivesSameOutput(String type) {
    double[] values = driftingStream(type);
    DriftDetector a = Detectors.create(type, Map.of());
    DriftDetector b = Detectors.create(type, Map.of());
    for (double v : values) {
      assertThat(a.update(v)).isEqualTo(b.update(v));
    }
    assertThat(DetectorCodec.encode(a)).isEqualTo(DetectorCodec.encode(b));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("types")
  void lastSignalAndUpdatesFollowUpdate(String type) {
    DriftDetector d = Detectors.create(type, Map.of());
    assertThat(d.lastSignal()).isEqualTo(Signal.STABLE);
    long sinceReset = 0;
    for (double v : driftingStream(type)) {
      sinceReset = d.lastSignal() == Signal.DRIFT ? 1 : sinceReset + 1;
      Signal s = d.update(v);
      assertThat(d.lastSignal()).isEqualTo(s);
      assertThat(d.updates()).isEqualTo(sinceReset);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("types")
  void statisticsAreFiniteAfterWarmUp(String type) {
    DriftDetector d = Detectors.create(type, Map.of());
    double[] values = driftingStream(type);
    for (int t = 0; t < 1000; t++) {
      d.update(values[t]);
    }
    assertThat(d.statistics()).isNotEmpty();
    assertThat(d.statistics().values()).allSatisfy(v -> assertThat(v).isFinite());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("types")
  void updateAllocatesNothing(String type) {
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    DriftDetector d = Detectors.create(type, Map.of());
    double[] values = driftingStream(type);
    for (double v : values) {
      d.update(v); // warm up: reach steady-state buffer sizes
    }
    long thread = Thread.currentThread().getId();
    long before = threads.getThreadAllocatedBytes(thread);
    for (int round = 0; round < 5; round++) {
      for (double v : values) {
        d.update(v);
      }
    }
    long allocated = threads.getThreadAllocatedBytes(thread) - before;
    // 45,000 updates: any per-update allocation (16+ bytes) would exceed this by far.
    assertThat(allocated).as("bytes allocated by 45,000 updates").isLessThan(8_192);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("types")
  void rebuildsFromItsParameters(String type) {
    DriftDetector d = Detectors.create(type, Map.of());
    DriftDetector again = Detectors.create(type, d.parameters());
    assertThat(again.parameters()).isEqualTo(d.parameters());
    assertThat(DetectorCodec.encode(again)).isEqualTo(DetectorCodec.encode(d));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("types")
  void rejectsUnknownParametersListingTheAllowedOnes(String type) {
    assertThatThrownBy(() -> Detectors.create(type, Map.of("no-such-parameter", "1")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(type)
        .hasMessageContaining("no-such-parameter")
        .hasMessageContaining(String.join(", ", Detectors.parameters(type).names()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("types")
  void rejectsNonNumbersInNumericParameters(String type) {
    String first = Detectors.parameters(type).names().get(0);
    assertThatThrownBy(() -> Detectors.create(type, Map.of(first, "abc")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(first)
        .hasMessageContaining("'abc'");
  }
  @ParameterizedTest(name = "{0}")
  @MethodSource("types")
  void rejectsValuesJustOutsideEachDeclaredRange(String type) {
    for (Param<?> p : Detectors.parameters(type).params()) {
      List<String> outside = new ArrayList<>();
      boolean real = p.kind() == Param.Kind.REAL;
      if (Double.isFinite(p.min())) {
        outside.add(real ? Double.toString(p.minOpen() ? p.min() : p.min() - 1)
            : Long.toString((long) p.min() - 1));
      }
      if (Double.isFinite(p.max())) {
        outside.add(real ? Double.toString(p.maxOpen() ? p.max() : p.max() + 1)
            : Long.toString((long) p.max() + 1));
      }
      for (String value : outside) {
        assertThatThrownBy(() -> Detectors.create(type, Map.of(p.name(), value)))
            .as("%s=%s", p.name(), value)
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining(type)
            .hasMessageContaining(p.name())
            .hasMessageContaining(value);
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("types")
  void declaresEveryParameterItReports(String type) {
    assertThat(Detectors.create(type, Map.of()).parameters().keySet())
        .containsExactlyElementsOf(Detectors.parameters(type).names());
  }
}
