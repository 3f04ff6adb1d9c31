package dev.eddy.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class DetectorsTest {

  @Test
  void listsEveryTypeInAStableOrder() {
    assertThat(Detectors.types())
        .containsExactly("adwin", "ddm", "eddm", "hddm-a", "hddm-w", "page-hinkley", "cusum", "kswin");
    assertThat(Detectors.binaryTypes()).containsExactly("ddm", "eddm", "hddm-a", "hddm-w");
  }

  @Test
  void buildsEachTypeWithItsName() {
    for (String type : Detectors.types()) {
      DriftDetector d = Detectors.create(type, null);
      assertThat(d.type()).isEqualTo(type);
      assertThat(d.toString()).startsWith(type).contains("STABLE");
    }
  }

  @Test
  void rejectsUnknownTypesListingTheKnownOnes() {
    assertThatThrownBy(() -> Detectors.create("adwin2", Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "unknown drift detector 'adwin2'; known: adwin, ddm, eddm, hddm-a, hddm-w, page-hinkley, cusum, kswin");
    assertThatThrownBy(() -> Detectors.create(null, Map.of())).hasMessageContaining("unknown drift detector 'null'");
  }

  @Test
  void parsesTypedValuesAndNamesBadOnes() {
    assertThat(Detectors.create("hddm-a", Map.of("two-sided", "TRUE")).parameters()).containsEntry("two-sided", "true");
    assertThat(Detectors.create("adwin", Map.of("delta", " 1e-3 ")).parameters()).containsEntry("delta", "0.001");
    assertThatThrownBy(() -> Detectors.create("adwin", Map.of("clock", "3.5")))
        .hasMessage("adwin: parameter clock must be an integer but was '3.5'");
    assertThatThrownBy(() -> Detectors.create("adwin", Map.of("clock", "99999999999")))
        .hasMessageContaining("clock must be an integer of at most 2147483647");
    assertThatThrownBy(() -> Detectors.create("page-hinkley", Map.of("direction", "UP")))
        .hasMessage("page-hinkley: parameter direction must be one of up, down, both but was 'UP'");
  }

  @Test
  void defaultsOfEveryType() {
    assertThat(Detectors.defaults("kswin")).containsEntry("window-size", "100");
    assertThat(Detectors.isBinary("ddm")).isTrue();
    assertThat(Detectors.isBinary("cusum")).isFalse();
  }
}
