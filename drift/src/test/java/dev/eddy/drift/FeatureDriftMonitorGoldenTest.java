package dev.eddy.drift;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eddy.learners.FeatureVector;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The committed feature drift monitor snapshots (magic "EDFM"): page-hinkley on three features after
 * {@link #PREFIX} events of a seeded stream whose second feature moves at event 300. Format 2 (with
 * each feature's statistics) decodes, is what this build writes for the same state, and continues
 * exactly as a monitor fed the whole stream. Format 1 (written by release 0.1, detectors only)
 * decodes with its detectors and fresh statistics, and continues. Run {@link #main} only when a new
 * format version ships (keeping the old files).
 */
class FeatureDriftMonitorGoldenTest {
  static final int PREFIX = 400;
  static final String V1 = "/dev/eddy/drift/snapshots/v1/feature-monitor.bin";
  static final String V2 = "/dev/eddy/drift/snapshots/v2/feature-monitor.bin";
  static final String V2_CURRENT = "/dev/eddy/drift/snapshots/v2/" + GoldenSnapshots.CURRENT_PARAMETERS + "feature-monitor.bin";

  /** Event t of the stream: feature 1 steps from 0 to 3 at t = 300; noise is seeded. */
  static FeatureVector event(int t) {
    java.util.SplittableRandom random = new java.util.SplittableRandom(t);
    return FeatureVector.dense(new double[] {random.nextGaussian(),
        (t >= 300 ? 3 : 0) + random.nextGaussian(), 0.5 * random.nextGaussian()});
  }

  static FeatureDriftMonitor afterPrefix() {
    FeatureDriftMonitor m = new FeatureDriftMonitor("page-hinkley", Map.of("direction", "both"), 3);
    for (int t = 0; t < PREFIX; t++) {
      m.update(event(t));
    }
    return m;
  }

  private static byte[] golden(String resource) throws IOException {
    return GoldenSnapshots.class.getResourceAsStream(resource).readAllBytes();
  }

  /**
   * The format-2 file written before detectors took {@code min-examples} restores without a warm-up
   * (as the monitor's detectors have now) and continues exactly; the one written since is what this
   * build writes.
   */
  @Test
  void goldenFormatTwoDecodesAndContinuesExactly() throws IOException {
    assertContinuesExactly(FeatureDriftMonitor.decode(golden(V2)), afterPrefix());
    byte[] golden = golden(V2_CURRENT);
    FeatureDriftMonitor reference = afterPrefix();
    assertThat(reference.encode()).isEqualTo(golden);
    assertContinuesExactly(FeatureDriftMonitor.decode(golden), reference);
  }

  private static void assertContinuesExactly(FeatureDriftMonitor restored, FeatureDriftMonitor reference) {
    for (int t = PREFIX; t < PREFIX + 400; t++) {
      FeatureVector x = event(t);
      assertThat(restored.update(x)).as("drifts at %d", t).isEqualTo(reference.update(x));
    }
    assertThat(restored.encode()).isEqualTo(reference.encode());
  }

  @Test
  void goldenFormatOneDecodesWithFreshStatisticsAndContinues() throws IOException {
    FeatureDriftMonitor restored = FeatureDriftMonitor.decode(golden(V1));
    assertThat(restored.dimension()).isEqualTo(3);
    long before = restored.detector(0).updates();
    assertThat(before).as("the v1 detectors come back with what they saw").isPositive();
    for (int t = PREFIX; t < PREFIX + 100; t++) {
      restored.update(event(t));
    }
    // the statistics start afresh: the detectors take values again after the warm-up
    assertThat(restored.detector(0).updates()).isEqualTo(before + 100 - FeatureDriftMonitor.WARM_UP);
    assertThat(FeatureDriftMonitor.decode(restored.encode()).encode()).isEqualTo(restored.encode());
  }

  /** Writes the golden file of the current format under {@code args[0]} (a resources root). */
  public static void main(String[] args) throws IOException {
    Path file = Path.of(args[0] + V2_CURRENT);
    Files.createDirectories(file.getParent());
    Files.write(file, afterPrefix().encode());
    System.out.println("wrote " + file);
  }
}
