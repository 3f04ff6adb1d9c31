package dev.eddy.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DetectorCodecTest {

  /**
   * Every committed version-1 golden file decodes and continues exactly as a detector with its
   * parameters fed the whole stream. The files written before the detectors took {@code direction}
   * and {@code min-examples} restore watching both directions (ADWIN, KSWIN) without a warm-up, as
   * they did then; the files written since ({@link GoldenSnapshots#CURRENT_PARAMETERS}) are also
   * what this build writes for the same state (so the format has not drifted).
   */
  /** What the types with a direction watched when the first golden files were written. */
  private static final Map<String, String> DIRECTION_BEFORE =
      Map.of("adwin", "both", "kswin", "both", "cusum", "both", "page-hinkley", "up");

  @Test
  void goldenVersionOneSnapshotsDecodeAndContinue() {
    for (String type : Detectors.types()) {
      DriftDetector before = DetectorCodec.decode(GoldenSnapshots.read(1, type));
      assertThat(before.parameters()).as(type).containsEntry(WarmUp.NAME, "0");
      if (DIRECTION_BEFORE.containsKey(type)) {
        assertThat(before.parameters()).as(type).containsEntry(Direction.NAME, DIRECTION_BEFORE.get(type));
      }
      assertContinuesExactly(type, before, GoldenSnapshots.afterPrefix(type, before.parameters()));

      byte[] golden = GoldenSnapshots.read(GoldenSnapshots.current(1, type));
      DriftDetector reference = GoldenSnapshots.afterPrefix(type);
      assertThat(DetectorCodec.encode(reference)).as(type).isEqualTo(golden);
      assertContinuesExactly(type, DetectorCodec.decode(golden), reference);
    }
  }

  /**
   * Version 2 against the spec's detector: a detector of the spec's settings is written without its
   * type and parameters (smaller than version 1) and continues exactly when read against the spec;
   * one of other parameters carries them and needs no spec; the spec's form without a spec is refused.
   */
  @Test
  void versionTwoLeavesOutTheSpecsSettings() {
    for (String type : Detectors.types()) {
      DriftDetector spec = Detectors.create(type, Map.of());
      DriftDetector trained = GoldenSnapshots.afterPrefix(type);
      byte[] v2 = DetectorCodec.encode(trained, spec);
      assertThat(v2.length).as(type).isLessThan(DetectorCodec.encode(trained).length);
      assertContinuesExactly(type, DetectorCodec.decode(v2, spec), GoldenSnapshots.afterPrefix(type));
      assertThatThrownBy(() -> DetectorCodec.decode(v2)).as(type).hasMessageContaining("no spec detector was given");

      DriftDetector fresh = Detectors.fresh(spec);
      assertThat(fresh.parameters()).isEqualTo(spec.parameters());
      assertThat(DetectorCodec.encode(fresh, spec)).isEqualTo(DetectorCodec.encode(Detectors.create(type, Map.of()), spec));
    }
    DriftDetector other = GoldenSnapshots.afterPrefix("ddm", Map.of("min-examples", "7"));
    byte[] given = DetectorCodec.encode(other, Detectors.create("ddm", Map.of()));
    assertThat(DetectorCodec.decode(given).parameters()).containsEntry(WarmUp.NAME, "7");
    assertContinuesExactly("ddm", DetectorCodec.decode(given, Detectors.create("ddm", Map.of())),
        GoldenSnapshots.afterPrefix("ddm", Map.of("min-examples", "7")));
  }

  private static void assertContinuesExactly(String type, DriftDetector restored, DriftDetector reference) {
    double[] values = GoldenSnapshots.stream(type);
    for (int t = GoldenSnapshots.PREFIX; t < values.length; t++) {
      assertThat(restored.update(values[t])).as("%s at %d", type, t).isEqualTo(reference.update(values[t]));
    }
    assertThat(DetectorCodec.encode(restored)).isEqualTo(DetectorCodec.encode(reference));
  }

  @Test
  void rejectsForeignBytes() {
    assertThatThrownBy(() -> DetectorCodec.decode(new byte[] {1, 2, 3}))
        .hasMessageContaining("truncated drift detector snapshot (3 bytes)");
    assertThatThrownBy(() -> DetectorCodec.decode("not a snapshot at all".getBytes()))
        .hasMessageContaining("not a drift detector snapshot: bad magic");
    assertThatThrownBy(() -> DetectorCodec.decode(null)).hasMessageContaining("null");
  }

  @Test
  void rejectsUnknownVersions() {
    byte[] bytes = DetectorCodec.encode(Detectors.create("ddm", Map.of()));
    ByteBuffer.wrap(bytes).putShort(4, (short) 3);
    assertThatThrownBy(() -> DetectorCodec.decode(bytes))
        .hasMessageContaining("unknown format 3 of drift detector snapshot; this Eddy reads 1..2");
  }

  @Test
  void rejectsTruncatedAndTrailingBytes() {
    byte[] bytes = DetectorCodec.encode(GoldenSnapshots.afterPrefix("adwin"));
    assertThatThrownBy(() -> DetectorCodec.decode(Arrays.copyOf(bytes, bytes.length - 3)))
        .hasMessageContaining("truncated drift detector snapshot");
    assertThatThrownBy(() -> DetectorCodec.decode(Arrays.copyOf(bytes, bytes.length + 2)))
        .hasMessageContaining("2 trailing bytes");
  }

  @Test
  void revalidatesParametersOnDecoding() {
    DriftDetector d = Detectors.create("ddm", Map.of("min-instances", "7"));
    byte[] bytes = DetectorCodec.encode(d);
    String text = new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1);
    int at = text.indexOf("min-instances") + "min-instances".length() + 2; // after the value's length
    bytes[at] = '0';
    assertThatThrownBy(() -> DetectorCodec.decode(bytes)).hasMessageContaining("ddm: parameter min-instances must be >= 1 but was 0");
  }
}
