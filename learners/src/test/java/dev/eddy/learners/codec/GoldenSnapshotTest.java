package dev.eddy.learners.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.eddy.learners.FeatureVector;
import dev.eddy.learners.Learners;
import dev.eddy.learners.Task;
import dev.eddy.learners.OnlineLearner;
import dev.eddy.learners.metrics.PrequentialMetrics;
import dev.eddy.learners.standardize.Standardizer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every committed snapshot of a shipped format version (see {@link GoldenSnapshots}) still decodes,
 * predicts exactly as recorded when it was written, and re-encodes to the same bytes.
 */
class GoldenSnapshotTest {

  private static byte[] resource(String name) throws IOException {
    try (InputStream in = GoldenSnapshotTest.class.getResourceAsStream("/golden/" + name)) {
      assertThat(in).as("golden file %s", name).isNotNull();
      return in.readAllBytes();
    }
  }

  private static List<String> lines(String name) throws IOException {
    return new String(resource(name), StandardCharsets.UTF_8).lines().toList();
  }

  /**
   * Lines of space-separated fields must match, numbers to 1e-12 relative: the JVM may compute
   * Math.exp and Math.log one ulp differently on another CPU, and that is not a format change.
   */
  private static void assertNumbersMatch(String what, List<String> actual, List<String> expected) {
    assertThat(actual).as(what).hasSameSizeAs(expected);
    for (int line = 0; line < expected.size(); line++) {
      String[] a = actual.get(line).split(" ");
      String[] e = expected.get(line).split(" ");
      assertThat(a).as("%s line %d", what, line).hasSameSizeAs(e);
      for (int k = 0; k < e.length; k++) {
        if (e[k].matches("-?[0-9].*|NaN|-?Infinity")) {
          double x = Double.parseDouble(e[k]);
          double y = Double.parseDouble(a[k]);
          if (Double.isNaN(x)) {
            assertThat(y).as("%s line %d field %d", what, line, k).isNaN();
          } else {
            assertThat(y).as("%s line %d field %d", what, line, k)
                .isCloseTo(x, within(1e-12 * Math.max(1, Math.abs(x))));
          }
        } else {
          assertThat(a[k]).as("%s line %d field %d", what, line, k).isEqualTo(e[k]);
        }
      }
    }
  }

  @Test
  void learnerSnapshotsOfVersion1DecodeAndPredictAsRecorded() throws IOException {
    for (Object[] c : GoldenSnapshots.CASES) {
      String name = GoldenSnapshots.name(c, 1);
      byte[] bytes = resource(name + ".bin");
      OnlineLearner learner = LearnerCodec.decode(bytes);
      assertThat(learner.type()).isEqualTo(c[0]);
      assertThat(learner.task()).isEqualTo(c[1]);
      assertThat(learner.examplesSeen()).isEqualTo(300);
      assertNumbersMatch(name, GoldenSnapshots.expectations(learner), lines(name + ".expected"));
      assertThat(LearnerCodec.encode(learner)).as(name).isEqualTo(bytes);
      for (FeatureVector probe : GoldenSnapshots.probes()) {
        learner.learn(probe, 1);
      }
    }
  }

  /** A newly registered learner type must ship a golden snapshot of its format. */
  @Test
  void everyRegisteredTypeHasAGoldenSnapshot() {
    List<String> covered = new ArrayList<>();
    GoldenSnapshots.CASES.forEach(c -> covered.add((String) c[0]));
    assertThat(covered).containsAll(Learners.types());
  }

  @Test
  void standardizerAndMetricsSnapshotsOfVersion1Decode() throws IOException {
    Standardizer standardizer = Standardizer.fromBytes(resource("standardizer-v1.bin"));
    assertThat(standardizer.count() + " " + standardizer.mean(0) + " " + standardizer.variance(2))
        .isEqualTo(lines("standardizer-v1.expected").get(0));
    assertThat(standardizer.toBytes()).isEqualTo(resource("standardizer-v1.bin"));
    PrequentialMetrics metrics = PrequentialMetrics.fromBytes(resource("metrics-v1.bin"));
    assertNumbersMatch("metrics", GoldenSnapshots.metricLines(metrics), lines("metrics-v1.expected"));
    PrequentialMetrics again = PrequentialMetrics.fromBytes(metrics.toBytes());
    assertNumbersMatch("metrics in format 2", GoldenSnapshots.metricLines(again), lines("metrics-v1.expected"));
    assertThat(again.toBytes()).isEqualTo(metrics.toBytes());
  }

  @Test
  void metricsSnapshotsOfVersion2DecodeAndReencodeBitForBit() throws IOException {
    for (Task task : GoldenSnapshots.METRICS_TASKS) {
      String name = "metrics-" + task.name().toLowerCase(java.util.Locale.ROOT) + "-v2";
      PrequentialMetrics metrics = PrequentialMetrics.fromBytes(resource(name + ".bin"));
      assertNumbersMatch(name, GoldenSnapshots.metricLines(metrics), lines(name + ".expected"));
      assertThat(metrics.toBytes()).as(name).isEqualTo(resource(name + ".bin"));
      assertNumbersMatch(name + " as built today", GoldenSnapshots.metricLines(GoldenSnapshots.metrics(task)),
          lines(name + ".expected"));
    }
  }
}
