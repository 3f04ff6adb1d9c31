package dev.eddy.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What each detector's test states about its own type: the paper's defaults and values that must be
 * rejected. The behavioural contract every detector honours runs over every registered type in
 * {@link DetectorBatteryTest}, so a new type cannot skip it.
 */
public abstract class DriftDetectorContract {

  /** The detector type under test. */
  protected abstract String type();

  /** The defaults the paper gives, by spec name, in declaration order. */
  protected abstract Map<String, String> expectedDefaults();

  /** Bad values, as {name, value} pairs: each must be rejected naming the parameter and value. */
  protected abstract List<String[]> invalidParameters();

  /**
   * Parameters for the contract runs: the paper's detector, without the warm-up Eddy adds for a
   * learning model ({@code min-examples: 0}), defaults for the rest unless overridden.
   */
  protected Map<String, String> contractParams() {
    return Map.of(WarmUp.NAME, "0");
  }

  /** A fresh detector with {@link #contractParams()}. */
  protected DriftDetector create() {
    return Detectors.create(type(), contractParams());
  }

  /** {@link DetectorBatteryTest#driftingStream} for this type. */
  protected double[] driftingStream() {
    return DetectorBatteryTest.driftingStream(type());
  }

  @Test
  void defaultsAreThePapers() {
    Map<String, String> expected = new LinkedHashMap<>(expectedDefaults());
    expected.put(WarmUp.NAME, Integer.toString(WarmUp.DEFAULT));
    assertThat(Detectors.defaults(type())).containsExactlyEntriesOf(expected);
    assertThat(Detectors.create(type(), null).parameters()).isEqualTo(expected);
    assertThat(Detectors.types()).contains(type());
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

}
