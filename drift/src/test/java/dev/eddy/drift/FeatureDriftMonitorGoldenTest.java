package dev.eddy.drift;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eddy.learners.FeatureVector;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The committed version-1 feature drift monitor snapshot (magic "EDFM"): page-hinkley on three
 * features after {@link #PREFIX} events of a seeded stream whose second feature moves at event
 * 300. It decodes, is what this build writes for the same state, and continues exactly as a
 * monitor fed the whole stream, signalling the recorded drifts. Run {@link #main} only when a new
 * format version ships (keeping the old file).
 */
class FeatureDriftMonitorGoldenTest {
  static final int PREFIX = 400;
  static final String RESOURCE = "/dev/eddy/drift/snapshots/v1/feature-monitor.bin";

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

  @Test
  void goldenVersionOneSnapshotDecodesAndContinues() throws IOException {
    byte[] golden = GoldenSnapshots.class.getResourceAsStream(RESOURCE).readAllBytes();
    FeatureDriftMonitor restored = FeatureDriftMonitor.decode(golden);
    FeatureDriftMonitor reference = afterPrefix();
    assertThat(reference.encode()).isEqualTo(golden);
    assertThat(restored.detector(1).updates()).isEqualTo(reference.detector(1).updates());
    int drifts = 0;
    for (int t = PREFIX; t < PREFIX + 400; t++) {
      FeatureVector x = event(t);
      int n = restored.update(x);
      assertThat(n).as("drifts at %d", t).isEqualTo(reference.update(x));
      drifts += n;
    }
    assertThat(restored.encode()).isEqualTo(reference.encode());
    assertThat(restored.detector(1).updates() + drifts).isPositive();
  }

  /** Writes the golden file under {@code args[0]} (a resources root). */
  public static void main(String[] args) throws IOException {
    Path file = Path.of(args[0] + RESOURCE);
    Files.createDirectories(file.getParent());
    Files.write(file, afterPrefix().encode());
    System.out.println("wrote " + file);
  }
}
