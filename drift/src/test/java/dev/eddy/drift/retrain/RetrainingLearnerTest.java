package dev.eddy.drift.retrain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eddy.drift.Detectors;
import dev.eddy.drift.DriftDetector;
import dev.eddy.drift.Signal;
import dev.eddy.learners.FeatureVector;
import dev.eddy.learners.Learners;
import dev.eddy.learners.Prediction;
import dev.eddy.learners.Task;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The learner that retrains itself behaves exactly as the documented manual call sequence. */
class RetrainingLearnerTest {

  /** Two features; label = x0 > x1, inverted from {@code flipAt}; 5% noise. */
  static double[][] stream(long seed, int n, int flipAt) {
    SplittableRandom r = new SplittableRandom(seed);
    double[][] rows = new double[n][];
    for (int i = 0; i < n; i++) {
      double a = r.nextDouble(-1, 1);
      double b = r.nextDouble(-1, 1);
      double y = a > b ? 1 : 0;
      if (r.nextDouble() < 0.05) {
        y = 1 - y;
      }
      rows[i] = new double[] {a, b, i >= flipAt ? 1 - y : y};
    }
    return rows;
  }

  @Test
  void matchesTheManualCallSequenceAndReportsWarningsOnlyOnEntry() {
    double[][] rows = stream(4, 4000, 2000);
    RetrainingLearner learner = new RetrainingLearner(
        RetrainPolicies.create("background", Map.of("gate", "0"), Learners.create("logistic", Map.of(), 2, Task.BINARY)),
        Detectors.create("ddm", Map.of()), 0);
    List<String> log = new ArrayList<>();
    RetrainPolicy policy = RetrainPolicies.create("background", Map.of("gate", "0"), Learners.create("logistic", Map.of(), 2, Task.BINARY));
    DriftDetector detector = Detectors.create("ddm", Map.of());
    List<String> manual = new ArrayList<>();
    for (int i = 0; i < rows.length; i++) {
      FeatureVector x = FeatureVector.dense(new double[] {rows[i][0], rows[i][1]});
      Prediction a = learner.predict(x);
      Prediction b = policy.champion().predict(x);
      assertThat(a.score()).isEqualTo(b.score());
      RetrainingLearner.Step step = learner.learn(x, rows[i][2], a, false);
      if (step.reported()) {
        log.add(step.signal() + "@" + step.position() + ":" + step.outcome().action() + ":v" + step.version());
      }
      if (step.newVersion()) {
        log.add("v" + step.version() + ":" + step.outcome().reason());
      }
      Signal before = detector.lastSignal();
      Signal s = detector.update(ConceptError.of(Task.BINARY, b, rows[i][2]));
      Outcome o = policy.update(x, rows[i][2], b, s);
      if (s == Signal.DRIFT || (s == Signal.WARNING && before != Signal.WARNING)) {
        manual.add(s + "@" + i + ":" + o.action() + ":v" + policy.version());
      }
      if (o.newVersion()) {
        manual.add("v" + policy.version() + ":" + o.reason());
        detector.reset(); // every new version starts the detector over
      }
    }
    assertThat(log).isEqualTo(manual);
    assertThat(log).anyMatch(l -> l.startsWith("DRIFT@"));
    assertThat(learner.version()).isEqualTo(policy.version()).isGreaterThan(1);
    assertThat(learner.labelled()).isEqualTo(4000);
    // a warning is reported once per stay in the warning zone: never twice in a row at consecutive positions
    for (int k = 1; k < log.size(); k++) {
      String prev = log.get(k - 1);
      String cur = log.get(k);
      if (prev.startsWith("WARNING@") && cur.startsWith("WARNING@")) {
        long p0 = Long.parseLong(prev.substring(8, prev.indexOf(':')));
        long p1 = Long.parseLong(cur.substring(8, cur.indexOf(':')));
        assertThat(p1).isGreaterThan(p0 + 1);
      }
    }
  }

  @Test
  void aForcedDriftRetrainsInTheWarningZoneAndResetsTheDetector() {
    double[][] rows = stream(4, 4000, 2000);
    RetrainingLearner learner = new RetrainingLearner(
        RetrainPolicies.create("reset", Map.of("gate", "0"), Learners.create("logistic", Map.of(), 2, Task.BINARY)),
        Detectors.create("ddm", Map.of()), 0);
    int i = 0;
    for (; i < rows.length && learner.detector().lastSignal() != Signal.WARNING; i++) {
      FeatureVector x = FeatureVector.dense(new double[] {rows[i][0], rows[i][1]});
      learner.learn(x, rows[i][2], learner.predict(x), false);
    }
    assertThat(learner.detector().lastSignal()).as("the stream reaches the warning zone").isEqualTo(Signal.WARNING);
    FeatureVector x = FeatureVector.dense(new double[] {rows[i][0], rows[i][1]});
    RetrainingLearner.Step step = learner.learn(x, rows[i][2], learner.predict(x), true);
    assertThat(step.signal()).isEqualTo(Signal.DRIFT);
    assertThat(step.newVersion()).isTrue();
    assertThat(learner.version()).isEqualTo(2);
    assertThat(learner.detector().lastSignal()).isEqualTo(Signal.STABLE);
    assertThat(learner.detector().updates()).isZero();
  }

  @Test
  void plainLearnPredictsFirstAndCopyIsIndependent() {
    double[][] rows = stream(7, 600, Integer.MAX_VALUE);
    RetrainingLearner a = new RetrainingLearner(
        RetrainPolicies.create("reset", Map.of("gate", "0"), Learners.create("pa-i", Map.of(), 2, Task.BINARY)),
        Detectors.create("adwin", Map.of()), 0);
    for (int i = 0; i < 300; i++) {
      a.learn(FeatureVector.dense(new double[] {rows[i][0], rows[i][1]}), rows[i][2]);
    }
    RetrainingLearner b = a.copy();
    for (int i = 300; i < 600; i++) {
      FeatureVector x = FeatureVector.dense(new double[] {rows[i][0], rows[i][1]});
      assertThat(b.predict(x).score()).isEqualTo(a.predict(x).score());
      a.learn(x, rows[i][2]);
      b.learn(x, rows[i][2]);
    }
    assertThat(b.labelled()).isEqualTo(600);
    assertThat(a.type()).isEqualTo("pa-i");
    assertThat(a.examplesSeen()).isEqualTo(600);
  }

  /**
   * The detector's warm-up after every (re)start: a fresh model, and every new version (which resets
   * the detector), gets {@code min-examples} labelled examples with no signal at all. Three flips of
   * the concept make three new versions with the defaults (gate included).
   */
  @Test
  void neverSignalsInTheWarmUpOfAFreshModel() {
    int warmUp = 150;
    double[][] a = stream(9, 3000, 1000);
    double[][] rows = new double[6000][];
    System.arraycopy(a, 0, rows, 0, 3000);
    System.arraycopy(stream(10, 3000, 1000), 0, rows, 3000, 3000); // flips back at 3000, again at 4000
    RetrainingLearner learner = new RetrainingLearner(
        RetrainPolicies.create("reset", Map.of(), Learners.create("logistic", Map.of(), 2, Task.BINARY)),
        Detectors.create("ddm", Map.of("min-examples", Integer.toString(warmUp))), 0);
    List<Long> births = new ArrayList<>(List.of(0L));
    List<Long> signals = new ArrayList<>();
    for (double[] row : rows) {
      FeatureVector x = FeatureVector.dense(new double[] {row[0], row[1]});
      RetrainingLearner.Step step = learner.learn(x, row[2], learner.predict(x), false);
      if (step.signal() != Signal.STABLE) {
        signals.add(step.position());
      }
      if (step.newVersion()) {
        births.add(step.position() + 1);
      }
    }
    assertThat(births).as("new versions").hasSizeGreaterThanOrEqualTo(3);
    for (long birth : births) {
      assertThat(signals).as("signals in the warm-up after %d", birth)
          .noneMatch(p -> p >= birth && p < birth + warmUp);
    }
    assertThat(signals).as("signals outside the warm-ups").isNotEmpty();
  }
}
