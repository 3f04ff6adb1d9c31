package dev.eddy.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eddy.core.spec.JobSpec;
import dev.eddy.learners.Prediction;
import dev.eddy.learners.Task;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Online model selection in the model step: the race is checked step by step against an independent
 * computation — every candidate run alone as a model of its own, and the selection rule (sliding
 * window of 0/1 losses, argmin, margin) recomputed here.
 */
class CandidateRaceTest {
  static final List<String> FEATURES = List.of("x1", "x2", "x3");
  /** Plain PA overreacts to SEA's label noise; logistic regression does not; pa-i with a tiny C is slow. */
  static final List<JobSpec.Learner> LEARNERS = List.of(
      new JobSpec.Learner("pa", Map.of()),
      new JobSpec.Learner("logistic", Map.of()),
      new JobSpec.Learner("pa-i", Map.of("C", "0.0001")));

  static ModelConfig raced(JobSpec.Drift drift, int window, double margin) {
    return new ModelConfig("pa", Map.of(), FEATURES, List.of(), Task.BINARY, List.of(), true, drift, 500,
        new JobSpec.Selection(LEARNERS.subList(1, LEARNERS.size()), window, margin));
  }

  static ModelConfig alone(JobSpec.Learner l) {
    return new ModelConfig(l.type(), l.params(), FEATURES, Task.BINARY, true, JobSpec.Drift.NONE, 500);
  }

  @Test
  void theServingCandidateIsTheBestOfTheWindowAsComputedIndependently() {
    int window = 200;
    double margin = 0.02;
    ModelState race = raced(JobSpec.Drift.NONE, window, margin).freshModel();
    List<ModelState> solo = LEARNERS.stream().map(l -> alone(l).freshModel()).toList();
    int n = LEARNERS.size();
    int[][] ring = new int[n][window];
    int[] sums = new int[n];
    int serving = 0;
    long version = 1;
    List<String> switches = new ArrayList<>();
    double[][] rows = ModelStateTest.stream(21, 4000, Integer.MAX_VALUE);
    for (int t = 0; t < rows.length; t++) {
      double[] raw = {rows[t][0], rows[t][1], rows[t][2]};
      Scored s = race.predict(raw);
      Prediction[] alone = new Prediction[n];
      for (int i = 0; i < n; i++) {
        alone[i] = solo.get(i).predict(raw).prediction();
      }
      assertThat(s.prediction().score()).as("served score at %d", t).isEqualTo(alone[serving].score());
      assertThat(s.version()).isEqualTo(version);
      Learned l = race.learn(s, rows[t][3]);
      for (int i = 0; i < n; i++) {
        solo.get(i).learn(new Scored(alone[i], s.features(), 1, false, List.of()), rows[t][3]);
        int loss = (alone[i].label() > 0) == (rows[t][3] > 0) ? 0 : 1;
        sums[i] += loss - ring[i][t % window];
        ring[i][t % window] = loss;
      }
      if (t + 1 >= window) {
        int best = serving;
        for (int i = 0; i < n; i++) {
          best = sums[i] < sums[best] ? i : best;
        }
        if (best != serving && sums[best] + margin * window < sums[serving]) {
          serving = best;
          version++;
          switches.add(t + ":" + best);
        }
      }
      assertThat(race.race().servingIndex()).as("serving after %d", t).isEqualTo(serving);
      assertThat(l.version()).isEqualTo(version);
      if (!switches.isEmpty() && switches.get(switches.size() - 1).startsWith(t + ":")) {
        assertThat(l.newVersionReason()).isEqualTo(ModelState.SELECTION);
      } else {
        assertThat(l.newVersion()).isFalse();
      }
      for (int i = 0; i < n; i++) {
        assertThat(race.race().windowLoss(i)).isEqualTo((double) sums[i] / Math.min(t + 1, window));
      }
    }
    assertThat(switches).as("pa serves first and loses").isNotEmpty();
    assertThat(race.race().servingIndex()).isNotZero();
    assertThat(race.champion().type()).isEqualTo(LEARNERS.get(serving).type());
    assertThat(race.labelled()).isEqualTo(4000);
  }

  @Test
  void aMarginKeepsTheServingCandidateUnlessBeatenByMoreThanIt() {
    ModelState sticky = raced(JobSpec.Drift.NONE, 200, 1.0).freshModel();
    for (double[] row : ModelStateTest.stream(21, 3000, Integer.MAX_VALUE)) {
      ModelStateTest.step(sticky, row, null);
    }
    assertThat(sticky.race().servingIndex()).isZero();
    assertThat(sticky.version()).isEqualTo(1);
    assertThat(sticky.race().windowLoss(1)).isLessThan(sticky.race().windowLoss(0));
  }

  /**
   * Labels that arrive later: every candidate is scored when the label comes, before it learns from
   * it; the race still moves to the best, and each candidate's retraining sees the concept flip.
   */
  @Test
  void delayedLabelsAndADriftStillSelectAndRetrain() {
    JobSpec.Drift drift = ModelStateTest.DRIFT;
    ModelState m = raced(drift, 300, 0.01).freshModel();
    ModelStateTest.Recorder rec = new ModelStateTest.Recorder();
    double[][] rows = ModelStateTest.stream(5, 8000, 4000);
    int delay = 50;
    java.util.ArrayDeque<Scored> waiting = new java.util.ArrayDeque<>();
    int rightAfter = 0;
    for (int t = 0; t < rows.length; t++) {
      Scored s = m.predict(new double[] {rows[t][0], rows[t][1], rows[t][2]});
      if (t >= 7000 && (s.prediction().label() > 0) == (rows[t][3] > 0)) {
        rightAfter++;
      }
      waiting.add(s.detached());
      if (waiting.size() > delay) {
        int u = t - delay;
        rec.learned(m.learn(waiting.poll(), rows[u][3]));
      }
    }
    assertThat(rec.versions).anyMatch(v -> v.endsWith(":selection"));
    assertThat(rec.drifts).as("the flip at 4000 is detected: %s", rec.log).anyMatch(p -> p >= 4000 && p < 4600);
    assertThat(rightAfter).as("accuracy on the new concept").isGreaterThan(850);
    assertThat(m.labelled()).isEqualTo(8000 - delay);
  }

  @Test
  void encodedRaceContinuesIdentically() {
    ModelConfig config = raced(ModelStateTest.DRIFT, 200, 0.01);
    ModelState original = config.freshModel();
    double[][] rows = ModelStateTest.stream(9, 5000, 2500);
    for (int i = 0; i < 1500; i++) {
      ModelStateTest.step(original, rows[i], null);
    }
    ModelState restored = ModelStateCodec.decode(ModelStateCodec.encode(original), config);
    ModelStateTest.Recorder a = new ModelStateTest.Recorder();
    ModelStateTest.Recorder b = new ModelStateTest.Recorder();
    for (int i = 1500; i < rows.length; i++) {
      Prediction pa = ModelStateTest.step(original, rows[i], a);
      Prediction pb = ModelStateTest.step(restored, rows[i], b);
      assertThat(pb.score()).as("score at %d", i).isEqualTo(pa.score());
    }
    assertThat(b.log).isEqualTo(a.log).isNotEmpty();
    assertThat(restored.version()).isEqualTo(original.version());
    assertThat(restored.race().servingIndex()).isEqualTo(original.race().servingIndex());
  }

  /**
   * Format 2 as shipped: a raced state after 600 events (seed 21, pa serving first, a switch to
   * another candidate at the earliest after 200) is committed; it must keep decoding and continue as a fresh
   * race trained on the same rows.
   */
  @Test
  void goldenFormat2StillDecodes() throws Exception {
    Path golden = Path.of("src/test/resources/golden/model-state-format-2.bin");
    ModelConfig config = raced(ModelStateTest.DRIFT, 200, 0.01);
    double[][] rows = ModelStateTest.stream(21, 601, Integer.MAX_VALUE);
    if (!Files.exists(golden) && Boolean.getBoolean("eddy.writeGolden")) {
      ModelState m = config.freshModel();
      for (int i = 0; i < 600; i++) {
        ModelStateTest.step(m, rows[i], null);
      }
      Files.write(golden, ModelStateCodec.encode(m));
    }
    ModelState m = ModelStateCodec.decode(Files.readAllBytes(golden), config);
    ModelState fresh = config.freshModel();
    for (int i = 0; i < 600; i++) {
      ModelStateTest.step(fresh, rows[i], null);
    }
    assertThat(m.events()).isEqualTo(600);
    assertThat(m.labelled()).isEqualTo(600);
    assertThat(m.race().size()).isEqualTo(3);
    assertThat(m.race().filled()).isEqualTo(200);
    assertThat(m.race().servingIndex()).isEqualTo(fresh.race().servingIndex()).isNotZero();
    assertThat(m.version()).isEqualTo(fresh.version()).isGreaterThan(1);
    for (int i = 0; i < 3; i++) {
      assertThat(m.race().windowLoss(i)).isEqualTo(fresh.race().windowLoss(i));
    }
    assertThat(ModelStateTest.step(m, rows[600], null).score()).isEqualTo(ModelStateTest.step(fresh, rows[600], null).score());
  }
}
