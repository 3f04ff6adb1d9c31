package dev.eddy.streaming.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eddy.drift.DriftDetector;
import dev.eddy.drift.Signal;
import dev.eddy.drift.retrain.Outcome;
import dev.eddy.learners.Prediction;
import dev.eddy.learners.Task;
import dev.eddy.streaming.demo.SeaGenerator;
import dev.eddy.streaming.spec.JobSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The per-key model step with drift detection and retraining, and its versioned encoding. */
class ModelStateTest {
  static final JobSpec.Drift DRIFT =
      new JobSpec.Drift("ddm", Map.of(), "background", Map.of(), "page-hinkley", Map.of(), false);
  static final ModelConfig CONFIG =
      new ModelConfig("pa-i", Map.of("C", "0.1"), List.of("x1", "x2", "x3"), Task.BINARY, true, DRIFT, 500);

  /** Records what the model reports. */
  static final class Recorder implements ModelEvents {
    final List<Long> drifts = new ArrayList<>();
    final List<Long> warnings = new ArrayList<>();
    final List<String> versions = new ArrayList<>();
    final List<String> log = new ArrayList<>();

    @Override
    public void conceptSignal(Signal s, DriftDetector d, long position, Outcome o, long v) {
      (s == Signal.DRIFT ? drifts : warnings).add(position);
      log.add(s + "@" + position + ":" + o.action() + ":v" + v);
    }

    @Override
    public void featureSignal(int f, Signal s, DriftDetector d, long position) {
      log.add("feature" + f + ":" + s + "@" + position);
    }

    @Override
    public void newVersion(ModelState m, String reason) {
      versions.add(m.version() + ":" + reason);
      log.add("v" + m.version() + ":" + reason);
    }
  }

  /** SEA features; the label is inverted from {@code flipAt} on: the hardest possible concept change. */
  static double[][] stream(long seed, int n, int flipAt) {
    SeaGenerator sea = new SeaGenerator(seed, new long[0], 0.05);
    double[][] rows = new double[n][];
    for (int i = 0; i < n; i++) {
      double[] x = new double[3];
      double y = sea.next(x);
      rows[i] = new double[] {x[0], x[1], x[2], i >= flipAt ? 1 - y : y};
    }
    return rows;
  }

  static Prediction step(ModelState m, double[] row, double[] scratch, ModelEvents ev) {
    return m.testThenTrain(new double[] {row[0], row[1], row[2]}, row[3], scratch, ev);
  }

  @Test
  void aConceptFlipIsDetectedRetrainedAndRecoveredFrom() {
    ModelState m = CONFIG.freshModel();
    Recorder rec = new Recorder();
    double[] scratch = new double[3];
    double[][] rows = stream(5, 6000, 3000);
    int rightBefore = 0;
    int rightAfter = 0;
    for (int i = 0; i < rows.length; i++) {
      Prediction p = step(m, rows[i], scratch, rec);
      boolean right = (p.label() > 0) == (rows[i][3] > 0);
      if (i >= 2000 && i < 3000 && right) {
        rightBefore++;
      }
      if (i >= 5000 && right) {
        rightAfter++;
      }
    }
    // DDM tracks the cumulative error rate p and signals when p + s >= p_min + 3 s_min. After 3000
    // examples at p ~ 0.1 (s_min ~ sqrt(0.09 / 3000) ~ 0.0055) the bar is ~ 0.117; with the error
    // jumping to >= 0.5 (PA adapts while it errs), (300 + 0.5k) / (3000 + k) crosses it for k ~ 130.
    assertThat(rec.drifts).isNotEmpty();
    assertThat(rec.drifts.get(0)).isBetween(3000L, 3400L);
    assertThat(m.version()).isGreaterThan(1);
    assertThat(rec.versions).anyMatch(v -> v.startsWith("2:"));
    assertThat(rightBefore).isGreaterThan(850);
    assertThat(rightAfter).as("accuracy on the new concept, 2000 examples after the flip").isGreaterThan(850);
    assertThat(m.events()).isEqualTo(6000);
    assertThat(m.labelled()).isEqualTo(6000);
  }

  @Test
  void encodedStateContinuesIdentically() {
    ModelState original = CONFIG.freshModel();
    double[] scratch = new double[3];
    double[][] rows = stream(9, 4000, 2000);
    for (int i = 0; i < 1900; i++) {
      step(original, rows[i], scratch, ModelEvents.NONE);
    }
    ModelState restored = ModelStateCodec.decode(ModelStateCodec.encode(original), CONFIG);
    Recorder a = new Recorder();
    Recorder b = new Recorder();
    for (int i = 1900; i < rows.length; i++) {
      Prediction pa = step(original, rows[i], scratch, a);
      Prediction pb = step(restored, rows[i], scratch, b);
      assertThat(pb.score()).as("score at %d", i).isEqualTo(pa.score());
    }
    assertThat(b.log).isEqualTo(a.log).isNotEmpty();
    assertThat(restored.version()).isEqualTo(original.version());
  }

  @Test
  void featureDriftAlertsWithoutRetrainingUnlessAsked() {
    ModelState m = CONFIG.freshModel();
    Recorder rec = new Recorder();
    double[] scratch = new double[3];
    double[][] rows = stream(3, 3000, Integer.MAX_VALUE);
    for (int i = 0; i < rows.length; i++) {
      if (i >= 1500) {
        rows[i][2] += 25; // x3 (irrelevant to the label) jumps: feature drift, no concept drift
      }
      step(m, rows[i], scratch, rec);
    }
    assertThat(rec.log).anyMatch(l -> l.startsWith("feature2:DRIFT@"));
    assertThat(m.version()).isEqualTo(1);
  }

  /**
   * Format 1 as shipped: a state written by this code after 300 events (seed 1, no flip) is committed
   * under test resources; it must keep decoding, with its counters and a known prediction.
   */
  @Test
  void goldenFormat1StillDecodes() throws Exception {
    Path golden = Path.of("src/test/resources/golden/model-state-format-1.bin");
    double[][] rows = stream(1, 301, Integer.MAX_VALUE);
    if (!Files.exists(golden) && Boolean.getBoolean("eddy.writeGolden")) {
      ModelState m = CONFIG.freshModel();
      for (int i = 0; i < 300; i++) {
        step(m, rows[i], new double[3], ModelEvents.NONE);
      }
      Files.write(golden, ModelStateCodec.encode(m));
    }
    ModelState m = ModelStateCodec.decode(Files.readAllBytes(golden), CONFIG);
    assertThat(m.events()).isEqualTo(300);
    assertThat(m.labelled()).isEqualTo(300);
    assertThat(m.version()).isEqualTo(1);
    assertThat(m.featureDetectors().dimension()).isEqualTo(3);
    assertThat(m.metrics().count()).isEqualTo(300);
    // the same continuation from a freshly trained model gives the same prediction
    ModelState fresh = CONFIG.freshModel();
    for (int i = 0; i < 300; i++) {
      step(fresh, rows[i], new double[3], ModelEvents.NONE);
    }
    assertThat(step(m, rows[300], new double[3], ModelEvents.NONE).score())
        .isEqualTo(step(fresh, rows[300], new double[3], ModelEvents.NONE).score());
  }

  @Test
  void rejectsBytesThatAreNotAModelState() {
    assertThatThrownBy(() -> ModelStateCodec.decode(new byte[] {1, 2, 3, 4, 5, 6}, CONFIG))
        .hasMessageStartingWith("not an Eddy model state");
    byte[] b = ModelStateCodec.encode(CONFIG.freshModel());
    b[5] = 9; // format version
    assertThatThrownBy(() -> ModelStateCodec.decode(b, CONFIG))
        .hasMessage("unknown model state format 9; this Eddy reads format 1");
    byte[] truncated = java.util.Arrays.copyOf(ModelStateCodec.encode(CONFIG.freshModel()), 30);
    assertThatThrownBy(() -> ModelStateCodec.decode(truncated, CONFIG)).hasMessage("truncated model state");
  }
}
