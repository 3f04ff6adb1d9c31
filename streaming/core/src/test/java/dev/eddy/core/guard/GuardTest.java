package dev.eddy.core.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.eddy.core.model.ModelConfig;
import dev.eddy.core.model.ModelState;
import dev.eddy.core.model.Scored;
import dev.eddy.core.spec.JobSpec;
import dev.eddy.learners.Task;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each rule of the guard on a real model step, with golden values from the update rules. */
class GuardTest {

  private static ModelState model(String learner, boolean standardize) {
    return new ModelConfig(learner, Map.of(), List.of("a", "b"), Task.BINARY, standardize, JobSpec.Drift.NONE, 1000)
        .freshModel();
  }

  private static GuardConfig maxZ(double z) {
    return new GuardConfig(z, 0, 0, null, null);
  }

  /** 40 events whose feature a alternates 0, 2 and b is 5: mean 1, population variance 1 (sd 1) for a; b constant. */
  private static ModelState warmedUp(int events) {
    ModelState m = model("pa-i", true);
    for (int i = 0; i < events; i++) {
      m.predict(new double[] {i % 2 == 0 ? 0 : 2, 5});
    }
    return m;
  }

  @Test
  void maxZRefusesAFeatureBeyondTheBoundAndClipsWhatTheStatisticsLearn() {
    ModelState m = warmedUp(40);
    Guard guard = new Guard(maxZ(6));
    assertThat(guard.screen(m, new double[] {6.9, 5})).as("z = 5.9").isNull();
    assertThat(guard.screen(m, new double[] {-4.9, 5})).as("z = -5.9").isNull();
    Outlier o = guard.screen(m, new double[] {7.5, 5});
    assertThat(o.feature()).isZero();
    assertThat(o.z()).isCloseTo(6.5, within(1e-12));
    assertThat(o.statistics()[0]).isCloseTo(7.0, within(1e-12)); // mean 1 + 6 sd
    assertThat(o.statistics()[1]).isEqualTo(5.0);
    assertThat(o.reason("a", 6)).isEqualTo("guard.max-z: a is 6.5 standard deviations from its mean (max-z 6.0)");
    assertThat(guard.screen(m, new double[] {-100, 5}).statistics()[0]).isCloseTo(-5.0, within(1e-12));
    assertThat(guard.screen(m, new double[] {1, 1e9})).as("b has no variance yet: not judged").isNull();
  }

  @Test
  void maxZWaitsForTheWarmUpAndForStandardization() {
    assertThat(new Guard(maxZ(6)).screen(warmedUp(GuardConfig.WARM_UP - 1), new double[] {1e9, 5})).isNull();
    assertThat(new Guard(maxZ(6)).screen(warmedUp(GuardConfig.WARM_UP), new double[] {1e9, 5})).isNotNull();
    ModelState raw = model("pa-i", false);
    for (int i = 0; i < 40; i++) {
      raw.predict(new double[] {i % 2, 0});
    }
    assertThat(new Guard(maxZ(6)).screen(raw, new double[] {1e9, 0})).isNull();
    assertThat(new Guard(GuardConfig.OFF).screen(warmedUp(40), new double[] {1e9, 5})).isNull();
  }

  @Test
  void anOutliersClippedValuesKeepTheStatisticsSane() {
    ModelState m = warmedUp(40);
    Outlier o = new Guard(maxZ(6)).screen(m, new double[] {1e6, 5});
    m.predict(new double[] {1e6, 5}, new String[0], o.statistics());
    // Welford with the clipped 7: mean (40 + 7) / 41, the variance grows by far less than 1e6^2 / 41
    assertThat(m.standardizer().mean(0)).isCloseTo(47.0 / 41, within(1e-12));
    assertThat(m.standardizer().variance(0)).isLessThan(2.0);
  }

  @Test
  void maxLabelAgeRefusesOnlyLabelsLaterThanTheBound() {
    Guard guard = new Guard(new GuardConfig(0, 0, 0, Duration.ofSeconds(1), null));
    assertThat(guard.tooOld(1_000, 2_000)).isFalse();
    assertThat(guard.tooOld(1_000, 2_001)).isTrue();
    assertThat(guard.tooOld(5_000, 1_000)).as("a label before its event").isFalse();
    assertThat(new Guard(GuardConfig.OFF).tooOld(0, Long.MAX_VALUE)).isFalse();
  }

  /**
   * PA (Crammer et al. 2006) on x = (3, 4), y = +1 from zero weights: loss 1, tau = 1 / (|x|^2 + 1) =
   * 1/26, w = (3, 4, 1)/26 with the bias, a step of norm 1/sqrt(26) = 0.196; the score of x after it is 1.
   * With max-step 0.1 the step is scaled by 0.1 sqrt(26): w = (3, 4, 1) * 0.1/sqrt(26), score 0.1 sqrt(26).
   */
  @Test
  void maxStepScalesAnUpdateBackToItsNorm() {
    double[] x = {3, 4};
    ModelState free = model("pa", false);
    new Guard(GuardConfig.OFF).learn(free, free.predict(x), 1);
    assertThat(free.champion().predict(dev.eddy.learners.FeatureVector.dense(x)).score()).isCloseTo(1.0, within(1e-12));

    ModelState bounded = model("pa", false);
    Guard guard = new Guard(new GuardConfig(0, 0.1, 0, null, null));
    guard.learn(bounded, bounded.predict(x), 1);
    assertThat(guard.clipped()).isTrue();
    var weights = (dev.eddy.learners.PlainWeights) bounded.champion();
    double s = 0.1 / Math.sqrt(26);
    assertThat(weights.weight(0, 0)).isCloseTo(3 * s, within(1e-15));
    assertThat(weights.weight(0, 1)).isCloseTo(4 * s, within(1e-15));
    assertThat(weights.weight(0, 2)).isCloseTo(s, within(1e-15));
    assertThat(bounded.champion().predict(dev.eddy.learners.FeatureVector.dense(x)).score())
        .isCloseTo(0.1 * Math.sqrt(26), within(1e-12));

    Guard loose = new Guard(new GuardConfig(0, 0.2, 0, null, null)); // 0.196 < 0.2: untouched
    ModelState untouched = model("pa", false);
    loose.learn(untouched, untouched.predict(x), 1);
    assertThat(loose.clipped()).isFalse();
    assertThat(untouched.champion().predict(dev.eddy.learners.FeatureVector.dense(x)).score()).isCloseTo(1.0, within(1e-12));
  }

  @Test
  void onlyLearnersWithPlainWeightsCanBeBounded() {
    assertThat(Guard.boundsSteps(model("pa-i", false).champion())).isTrue();
    assertThat(Guard.boundsSteps(model("logistic", false).champion())).isTrue();
    assertThat(Guard.boundsSteps(model("pegasos", false).champion())).isFalse();
    assertThat(Guard.boundsSteps(model("ftrl", false).champion())).isFalse();
  }

  @Test
  void aGuardedModelCountsEachRefusalAndLearnsTheRest() {
    ModelState m = model("pa-i", true);
    GuardedModel g = new GuardedModel(m, new GuardConfig(6, 0, 2, Duration.ofSeconds(10), null));
    for (int i = 0; i < 40; i++) {
      Scored s = g.predict(new double[] {i % 2 == 0 ? 0 : 2, i % 3}, new String[0]);
      g.learn(s, i % 2, i * 1000L, i * 1000L); // one per second: under the rate of 2
    }
    assertThat(m.labelled()).isEqualTo(40);
    Scored outlier = g.predict(new double[] {1e6, 1}, new String[0]);
    assertThat(g.lastOutlier()).isNotNull();
    assertThat(g.refused(GuardRule.MAX_Z)).isEqualTo(1);
    assertThat(g.learn(g.predict(new double[] {1, 1}, new String[0]), 1, 40_000, 50_001)).as("too old").isNull();
    assertThat(g.refused(GuardRule.MAX_LABEL_AGE)).isEqualTo(1);
    // a flood at one instant: the bucket (2 tokens, refilled by the 10 s since the last learn) lets 2 through
    int learned = 0;
    for (int i = 0; i < 10; i++) {
      if (g.learn(g.predict(new double[] {1, 1}, new String[0]), 1, 50_000, 50_000) != null) {
        learned++;
      }
    }
    assertThat(learned).isEqualTo(2);
    assertThat(g.refused(GuardRule.MAX_LEARN_RATE)).isEqualTo(8);
    assertThat(m.labelled()).isEqualTo(42);
    assertThat(outlier.prediction()).isNotNull();
  }
}
