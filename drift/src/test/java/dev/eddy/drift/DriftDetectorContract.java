package dev.eddy.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eddy.drift.testing.Scenario;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link DriftDetector} honours; each detector's test extends this class (it is
 * also published in the drift test-jar for detectors written elsewhere). Subclasses say which type
 * they test, its paper defaults, and which parameter values must be rejected.
 */
public abstract class DriftDetectorContract {

  /** The detector type under test. */
  protected abstract String type();

  /** The defaults the paper gives, by spec name, in declaration order. */
  protected abstract Map<String, String> expectedDefaults();

  /** Bad values, as {name, value} pairs: each must be rejected naming the parameter and value. */
  protected abstract List<String[]> invalidParameters();

  /** Parameters for the contract runs (defaults unless overridden). */
  protected Map<String, String> contractParams() {
    return Map.of();
  }

  /** A fresh detector with {@link #contractParams()}. */
  protected DriftDetector create() {
    return Detectors.create(type(), contractParams());
  }

  /**
   * A seeded stream in the detector's domain that alternates between two regimes every 1,500 values,
   * so that the detector drifts several times.
   */
  protected double[] driftingStream() {
    boolean binary = create().inputDomain() == InputDomain.BINARY;
    double[] out = new double[9000];
    for (int block = 0; block < 6; block++) {
      double level = block % 2 == 0 ? (binary ? 0.1 : 0) : (binary ? 0.9 : 4);
      Scenario s = new Scenario("block", !binary, level, level, 1500, 0, 1500);
      System.arraycopy(s.generate(block + 17L), 0, out, block * 1500, 1500);
    }
    return out;
  }

  private List<Integer> driftPositions(DriftDetector d, double[] values) {
    List<Integer> drifts = new ArrayList<>();
    for (int t = 0; t < values.length; t++) {
      if (d.update(values[t]) == Signal.DRIFT) {
        drifts.add(t);
      }
    }
    return drifts;
  }

  @Test
  void defaultsAreThePapers() {
    assertThat(Detectors.defaults(type())).containsExactlyEntriesOf(expectedDefaults());
    assertThat(Detectors.create(type(), null).parameters()).isEqualTo(expectedDefaults());
    assertThat(Detectors.types()).contains(type());
  }

  @Test
  void driftsOnTheDriftingStream() {
    assertThat(driftPositions(create(), driftingStream())).hasSizeGreaterThanOrEqualTo(3);
  }

  @Test
  void resetsItselfOnTheFirstUpdateAfterADrift() {
    double[] values = driftingStream();
    DriftDetector d = create();
    int checked = 0;
    for (int t = 0; t + 1 < values.length; t++) {
      if (d.update(values[t]) == Signal.DRIFT) {
        assertThat(d.lastSignal()).isEqualTo(Signal.DRIFT);
        d.update(values[t + 1]);
        t++;
        DriftDetector fresh = create();
        fresh.update(values[t]);
        assertThat(d.updates()).isEqualTo(1);
        assertThat(DetectorCodec.encode(d)).isEqualTo(DetectorCodec.encode(fresh));
        checked++;
      }
    }
    assertThat(checked).isGreaterThanOrEqualTo(3);
  }

  @Test
  void resetMakesItEqualToAFreshDetector() {
    DriftDetector d = create();
    double[] values = driftingStream();
    for (int t = 0; t < 2000; t++) {
      d.update(values[t]);
    }
    d.reset();
    assertThat(d.updates()).isZero();
    assertThat(d.lastSignal()).isEqualTo(Signal.STABLE);
    assertThat(DetectorCodec.encode(d)).isEqualTo(DetectorCodec.encode(create()));
  }

  @Test
  void rejectsValuesOutsideItsDomainAndKeepsItsState() {
    DriftDetector d = create();
    double[] values = driftingStream();
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
          .hasMessageContaining(type())
          .hasMessageContaining(String.valueOf(v));
      // a rejected value must not even trigger the pending reset
      assertThat(DetectorCodec.encode(d)).isEqualTo(before);
    }
  }

  @Test
  void snapshotAndRestoreContinuesIdentically() {
    double[] values = driftingStream();
    int firstDrift = driftPositions(create(), values).get(0);
    for (int cut : new int[] {0, 3, 40, 777, firstDrift + 1, 4321}) {
      DriftDetector original = create();
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

  @Test
  void sameInputGivesSameOutput() {
    double[] values = driftingStream();
    DriftDetector a = create();
    DriftDetector b = create();
    for (double v : values) {
      assertThat(a.update(v)).isEqualTo(b.update(v));
    }
    assertThat(DetectorCodec.encode(a)).isEqualTo(DetectorCodec.encode(b));
  }

  @Test
  void lastSignalAndUpdatesFollowUpdate() {
    DriftDetector d = create();
    assertThat(d.lastSignal()).isEqualTo(Signal.STABLE);
    long sinceReset = 0;
    for (double v : driftingStream()) {
      sinceReset = d.lastSignal() == Signal.DRIFT ? 1 : sinceReset + 1;
      Signal s = d.update(v);
      assertThat(d.lastSignal()).isEqualTo(s);
      assertThat(d.updates()).isEqualTo(sinceReset);
    }
  }

  @Test
  void statisticsAreFiniteAfterWarmUp() {
    DriftDetector d = create();
    double[] values = driftingStream();
    for (int t = 0; t < 1000; t++) {
      d.update(values[t]);
    }
    assertThat(d.statistics()).isNotEmpty();
    assertThat(d.statistics().values()).allSatisfy(v -> assertThat(v).isFinite());
  }

  @Test
  void updateAllocatesNothing() {
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    DriftDetector d = create();
    double[] values = driftingStream();
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

  @Test
  void rebuildsFromItsParameters() {
    DriftDetector d = create();
    DriftDetector again = Detectors.create(type(), d.parameters());
    assertThat(again.parameters()).isEqualTo(d.parameters());
    assertThat(DetectorCodec.encode(again)).isEqualTo(DetectorCodec.encode(d));
  }

  @Test
  void rejectsUnknownParametersListingTheAllowedOnes() {
    assertThatThrownBy(() -> Detectors.create(type(), Map.of("no-such-parameter", "1")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(type())
        .hasMessageContaining("no-such-parameter")
        .hasMessageContaining(String.join(", ", expectedDefaults().keySet()));
  }

  @Test
  void rejectsBadValuesNamingTheParameterAndTheValue() {
    assertThat(invalidParameters()).isNotEmpty();
    for (String[] bad : invalidParameters()) {
      Map<String, String> params = new LinkedHashMap<>(contractParams());
      params.put(bad[0], bad[1]);
      assertThatThrownBy(() -> Detectors.create(type(), params))
          .as("%s=%s", bad[0], bad[1])
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining(type())
          .hasMessageContaining(bad[0])
          .hasMessageContaining(bad[1]);
    }
  }

  @Test
  void rejectsNonNumbersInNumericParameters() {
    String first = expectedDefaults().keySet().iterator().next();
    assertThatThrownBy(() -> Detectors.create(type(), Map.of(first, "abc")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(first)
        .hasMessageContaining("'abc'");
  }
}
