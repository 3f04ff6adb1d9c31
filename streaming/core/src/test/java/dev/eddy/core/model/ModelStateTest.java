package dev.eddy.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eddy.core.spec.JobSpec;
import dev.eddy.core.synthetic.SeaGenerator;
import dev.eddy.drift.Signal;
import dev.eddy.learners.FeatureHasher;
import dev.eddy.learners.FeatureVector;
import dev.eddy.learners.Prediction;
import dev.eddy.learners.Task;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The per-key model step in two halves, with drift detection and retraining, and its versioned encoding. */
class ModelStateTest {
  static final JobSpec.Drift DRIFT =
      new JobSpec.Drift("ddm", Map.of(), "background", Map.of(), "page-hinkley", Map.of(), false);
  static final ModelConfig CONFIG =
      new ModelConfig("pa-i", Map.of("C", "0.1"), List.of("x1", "x2", "x3"), Task.BINARY, true, DRIFT, 500);

  /** Records what the two halves of the step report. */
  static final class Recorder {
    final List<Long> drifts = new ArrayList<>();
    final List<Long> warnings = new ArrayList<>();
    final List<String> versions = new ArrayList<>();
    final List<String> log = new ArrayList<>();

    void scored(Scored s) {
      s.featureDrifts().forEach(d -> log.add("feature " + d.feature() + ":" + d.level() + "@" + d.position()));
    }

    void learned(Learned l) {
      if (l.signal() != null) {
        (l.signal().level() == Signal.DRIFT ? drifts : warnings).add(l.signal().position());
        log.add(l.signal().level() + "@" + l.signal().position() + ":" + l.signal().action() + ":v" + l.signal().version());
      }
      if (l.newVersion()) {
        versions.add(l.version() + ":" + l.newVersionReason());
        log.add("v" + l.version() + ":" + l.newVersionReason());
      }
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

  /** Both halves at once, as for an event that carries its label; the prediction made before learning. */
  static Prediction step(ModelState m, double[] row, Recorder rec) {
    Scored s = m.predict(new double[] {row[0], row[1], row[2]});
    Learned l = m.learn(s, row[3]);
    if (rec != null) {
      rec.scored(s);
      rec.learned(l);
    }
    return s.prediction();
  }

  @Test
  void aConceptFlipIsDetectedRetrainedAndRecoveredFrom() {
    ModelState m = CONFIG.freshModel();
    Recorder rec = new Recorder();
    double[][] rows = stream(5, 6000, 3000);
    int rightBefore = 0;
    int rightAfter = 0;
    for (int i = 0; i < rows.length; i++) {
      Prediction p = step(m, rows[i], rec);
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
    double[][] rows = stream(9, 4000, 2000);
    for (int i = 0; i < 1900; i++) {
      step(original, rows[i], null);
    }
    ModelState restored = ModelStateCodec.decode(ModelStateCodec.encode(original), CONFIG);
    Recorder a = new Recorder();
    Recorder b = new Recorder();
    for (int i = 1900; i < rows.length; i++) {
      Prediction pa = step(original, rows[i], a);
      Prediction pb = step(restored, rows[i], b);
      assertThat(pb.score()).as("score at %d", i).isEqualTo(pa.score());
    }
    assertThat(b.log).isEqualTo(a.log).isNotEmpty();
    assertThat(restored.version()).isEqualTo(original.version());
  }

  @Test
  void featureDriftAlertsWithoutRetrainingUnlessAsked() {
    double[][] rows = stream(3, 3000, Integer.MAX_VALUE);
    for (int i = 1500; i < rows.length; i++) {
      rows[i][2] += 25; // x3 (irrelevant to the label) jumps: feature drift, no concept drift
    }
    ModelState alertOnly = CONFIG.freshModel();
    Recorder rec = new Recorder();
    for (double[] row : rows) {
      step(alertOnly, row, rec);
    }
    assertThat(rec.log).anyMatch(l -> l.startsWith("feature x3:DRIFT@"));
    assertThat(alertOnly.version()).isEqualTo(1);

    JobSpec.Drift retrain = new JobSpec.Drift("ddm", Map.of(), "reset", Map.of("gate", "0"), "page-hinkley", Map.of(), true);
    ModelState retrains = new ModelConfig("pa-i", Map.of("C", "0.1"), List.of("x1", "x2", "x3"), Task.BINARY, true,
        retrain, 500).freshModel();
    Recorder r2 = new Recorder();
    for (double[] row : rows) {
      step(retrains, row, r2);
    }
    assertThat(retrains.version()).as("a feature drift with feature-retrain makes a new version").isGreaterThan(1);
    assertThat(r2.versions).isNotEmpty();

    // with the default gate, the fresh model must first match the champion since the drift: x3 is
    // irrelevant to the label, so the champion stays
    JobSpec.Drift gated = new JobSpec.Drift("ddm", Map.of(), "reset", Map.of(), "page-hinkley", Map.of(), true);
    ModelState kept = new ModelConfig("pa-i", Map.of("C", "0.1"), List.of("x1", "x2", "x3"), Task.BINARY, true,
        gated, 500).freshModel();
    Recorder r3 = new Recorder();
    for (double[] row : rows) {
      step(kept, row, r3);
    }
    assertThat(r3.log).anyMatch(l -> l.startsWith("feature x3:DRIFT@"));
    assertThat(kept.version()).as("the gate keeps the better champion").isEqualTo(1);
  }

  /**
   * The learn half may run long after the predict half (a label that comes later), with other events
   * predicted in between; a detached result keeps its own features.
   */
  @Test
  void learningLaterFromTheDetachedHalf() {
    double[][] rows = stream(11, 2000, 1000);
    ModelState later = CONFIG.freshModel();
    Recorder b = new Recorder();
    Scored pending = null;
    double pendingLabel = 0;
    for (int i = 0; i < rows.length; i++) {
      Scored s = later.predict(new double[] {rows[i][0], rows[i][1], rows[i][2]});
      b.scored(s);
      if (pending != null) { // the label of each even event arrives after the next event was predicted
        b.learned(later.learn(pending, pendingLabel));
        pending = null;
      }
      if (i % 2 == 0) {
        pending = s.detached();
        pendingLabel = rows[i][3];
      } else {
        b.learned(later.learn(s, rows[i][3]));
      }
    }
    assertThat(later.events()).isEqualTo(2000);
    assertThat(later.labelled()).isEqualTo(2000);
    assertThat(later.metrics().count()).isEqualTo(2000);
    assertThat(b.drifts).as("the flip at 1000 is detected across the delay: %s", b.log).isNotEmpty();
    Scored first = later.predict(new double[] {1, 2, 3}).detached();
    double[] kept = first.features().toDenseArray();
    later.predict(new double[] {7, 8, 9});
    assertThat(first.features().toDenseArray()).containsExactly(kept);
  }

  /**
   * Standardized with the statistics that include the event itself: after (1, 10) and (3, 10) the
   * second event standardizes to ((3 − 2)/1, 0); with hash-bits, the standardized numbers and the
   * categories are hashed by name into 2^b dimensions.
   */
  @Test
  void standardizesThenHashesNamedFeatures() {
    ModelConfig dense = new ModelConfig("pa", Map.of(), List.of("a", "b"), Task.BINARY, true, JobSpec.Drift.NONE, 10);
    ModelState m = dense.freshModel();
    m.predict(new double[] {1, 10});
    assertThat(m.predict(new double[] {3, 10}).features().toDenseArray()).containsExactly(1.0, 0.0);

    ModelConfig hashed = new ModelConfig("pa", Map.of("hash-bits", "10"), List.of("size"), List.of("color"),
        Task.BINARY, List.of(), false, JobSpec.Drift.NONE, 10);
    FeatureVector x = hashed.freshModel().predict(new double[] {2.5}, new String[] {"red"}).features();
    assertThat(x.dimension()).isEqualTo(1024);
    assertThat(x.size()).isEqualTo(2);
    assertThat(Math.abs(x.toDenseArray()[FeatureHasher.murmur3("color", "red") & 1023])).isEqualTo(1.0);
    assertThatThrownBy(() -> new ModelConfig("pa", Map.of(), List.of("size"), List.of("color"), Task.BINARY, List.of(), false,
        JobSpec.Drift.NONE, 10)).hasMessageContaining("hash-bits");
  }

  /**
   * Format 1 as shipped: a state written by this code after 300 events (seed 1, no flip) is committed
   * under test resources; it must keep decoding, with its counters and a known prediction.
   */
  @Test
  void goldenFormat1StillDecodes() throws Exception {
    assertGoldenDecodesAndContinues(1);
  }

  /**
   * Format 3 as shipped (the spec's settings left out), of the same 300 events as format 1's: it
   * decodes with the spec's settings and continues as a fresh model trained on the same rows.
   */
  @Test
  void goldenFormat3StillDecodes() throws Exception {
    assertGoldenDecodesAndContinues(3);
    assertThat(Files.size(golden(3))).as("format 3 leaves out the spec's settings").isLessThan(Files.size(golden(1)));
  }

  private static Path golden(int format) {
    return Path.of("src/test/resources/golden/model-state-format-" + format + ".bin");
  }

  /** Writes the golden file of this build's format when asked ({@code -Deddy.writeGolden=true}) and absent. */
  private static void assertGoldenDecodesAndContinues(int format) throws Exception {
    Path golden = golden(format);
    double[][] rows = stream(1, 301, Integer.MAX_VALUE);
    if (!Files.exists(golden) && Boolean.getBoolean("eddy.writeGolden") && format == ModelStateCodec.FORMAT) {
      ModelState m = CONFIG.freshModel();
      for (int i = 0; i < 300; i++) {
        step(m, rows[i], null);
      }
      Files.write(golden, ModelStateCodec.encode(m));
    }
    byte[] bytes = Files.readAllBytes(golden);
    assertThat(bytes[5]).as("the format of %s", golden).isEqualTo((byte) format);
    ModelState m = ModelStateCodec.decode(bytes, CONFIG);
    assertThat(m.events()).isEqualTo(300);
    assertThat(m.labelled()).isEqualTo(300);
    assertThat(m.version()).isEqualTo(1);
    assertThat(m.featureDetectors().dimension()).isEqualTo(3);
    assertThat(m.metrics().count()).isEqualTo(300);
    assertThat(m.champion().hyperparameters()).containsEntry("C", "0.1");
    // the same continuation from a freshly trained model gives the same prediction
    ModelState fresh = CONFIG.freshModel();
    for (int i = 0; i < 300; i++) {
      step(fresh, rows[i], null);
    }
    assertThat(step(m, rows[300], null).score())
        .isEqualTo(step(fresh, rows[300], null).score());
    if (format >= 3) { // format 1's state has the retraining settings of its day (no gate), so it encodes them
      assertThat(ModelStateCodec.encode(m)).isEqualTo(ModelStateCodec.encode(fresh));
    }
  }

  /**
   * Format 3 stores only the settings that differ from the spec's: restored under a spec with another
   * value of a hyperparameter the model takes the spec's; under another learner type, detector or
   * features it is refused, saying how to go on; a model whose policy differs from the spec's keeps its own.
   */
  @Test
  void format3TakesTheSpecsSettingsAndRefusesAnotherStructure() throws Exception {
    ModelState m = CONFIG.freshModel();
    for (double[] row : stream(4, 200, Integer.MAX_VALUE)) {
      step(m, row, null);
    }
    byte[] bytes = ModelStateCodec.encode(m);
    ModelConfig otherC = new ModelConfig("pa-i", Map.of("C", "0.5"), List.of("x1", "x2", "x3"), Task.BINARY, true, DRIFT, 500);
    ModelState restored = ModelStateCodec.decode(bytes, otherC);
    assertThat(restored.champion().hyperparameters()).containsEntry("C", "0.5");
    assertThat(restored.labelled()).isEqualTo(200);
    assertThat(restored.champion().predict(FeatureVector.dense(new double[] {0.1, 0.2, 0.3})))
        .isEqualTo(m.champion().predict(FeatureVector.dense(new double[] {0.1, 0.2, 0.3})));

    ModelConfig otherType = new ModelConfig("pa-ii", Map.of("C", "0.1"), List.of("x1", "x2", "x3"), Task.BINARY, true, DRIFT, 500);
    ModelConfig otherFeatures = new ModelConfig("pa-i", Map.of("C", "0.1"), List.of("x1", "x2"), Task.BINARY, true, DRIFT, 500);
    ModelConfig otherDetector = new ModelConfig("pa-i", Map.of("C", "0.1"), List.of("x1", "x2", "x3"), Task.BINARY, true,
        new JobSpec.Drift("adwin", Map.of(), "background", Map.of(), "page-hinkley", Map.of(), false), 500);
    for (ModelConfig other : List.of(otherType, otherFeatures, otherDetector)) {
      assertThatThrownBy(() -> ModelStateCodec.decode(bytes, other))
          .hasMessageStartingWith("model state written under a spec of another learner type")
          .hasMessageContaining("restore it with the spec that wrote it, or start the models fresh (--fresh)");
    }

    // a format 1 state (its own settings stored) restored under a spec with another gate keeps its
    // own policy, and format 3 then stores that policy's settings
    ModelConfig gate7 = new ModelConfig("pa-i", Map.of("C", "0.1"), List.of("x1", "x2", "x3"), Task.BINARY, true,
        new JobSpec.Drift("ddm", Map.of(), "background", Map.of("gate", "7"), "page-hinkley", Map.of(), false), 500);
    ModelState old = ModelStateCodec.decode(Files.readAllBytes(golden(1)), gate7);
    assertThat(old.policy().parameters().get("gate")).isNotEqualTo("7");
    ModelState again = ModelStateCodec.decode(ModelStateCodec.encode(old), gate7);
    assertThat(again.policy().parameters()).isEqualTo(old.policy().parameters());
    assertThat(ModelStateCodec.encode(again)).isEqualTo(ModelStateCodec.encode(old));
  }

  @Test
  void rejectsBytesThatAreNotAModelState() {
    assertThatThrownBy(() -> ModelStateCodec.decode(new byte[] {1, 2, 3, 4, 5, 6}, CONFIG))
        .hasMessageStartingWith("not a model state: bad magic");
    byte[] b = ModelStateCodec.encode(CONFIG.freshModel());
    b[5] = 9; // format version
    assertThatThrownBy(() -> ModelStateCodec.decode(b, CONFIG))
        .hasMessage("unknown format 9 of model state; this Eddy reads 1..3");
    byte[] truncated = java.util.Arrays.copyOf(ModelStateCodec.encode(CONFIG.freshModel()), 30);
    assertThatThrownBy(() -> ModelStateCodec.decode(truncated, CONFIG)).hasMessageStartingWith("truncated model state");
  }
}
