package dev.eddy.drift.retrain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eddy.drift.Signal;
import dev.eddy.learners.FeatureVector;
import dev.eddy.learners.OnlineLearner;
import dev.eddy.learners.Prediction;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each policy's reaction to scripted signals, on the two-concept stream's examples. */
class PolicyBehaviourTest {
  private final double[][] x = TwoConcepts.features(11);
  private final double[] conceptA = TwoConcepts.labels(x, 11, false); // W1 before 3000
  private final double[] conceptB = TwoConcepts.labels(x, 11, true); // W2 throughout
  private int t;

  private Outcome step(RetrainPolicy policy, double[] labels, Signal signal) {
    FeatureVector v = FeatureVector.dense(x[t]);
    Prediction p = policy.champion().predict(v);
    return policy.update(v, labels[t++], p, signal);
  }

  private void stable(RetrainPolicy policy, double[] labels, int n) {
    for (int i = 0; i < n; i++) {
      assertThat(step(policy, labels, Signal.STABLE)).isSameAs(Outcome.NONE);
    }
  }

  /** A policy; without a gate unless {@code params} sets one (most tests here are of the ungated steps). */
  private static RetrainPolicy policy(String name, Map<String, String> params) {
    Map<String, String> p = new java.util.HashMap<>(params);
    p.putIfAbsent("gate", "0");
    return RetrainPolicies.create(name, p, TwoConcepts.learner());
  }

  @Test
  void resetReplacesTheChampionWithAFreshModelOnDrift() {
    RetrainPolicy p = policy("reset", Map.of());
    stable(p, conceptA, 50);
    assertThat(step(p, conceptA, Signal.WARNING)).isSameAs(Outcome.NONE);
    OnlineLearner old = p.champion();
    Outcome o = step(p, conceptA, Signal.DRIFT);
    assertThat(o.action()).isEqualTo(Action.RESET);
    assertThat(o.newVersion()).isTrue();
    assertThat(o.resetStandardizer()).isFalse();
    assertThat(o.reason()).contains("drift").contains("version 2");
    assertThat(p.version()).isEqualTo(2);
    assertThat(p.champion()).isNotSameAs(old);
    assertThat(p.champion().examplesSeen()).isEqualTo(1); // the fresh model learned the drifting example
    assertThat(p.champion().hyperparameters()).isEqualTo(old.hyperparameters());

    RetrainPolicy withStandardizer = policy("reset", Map.of("reset-standardizer", "true"));
    assertThat(step(withStandardizer, conceptA, Signal.DRIFT).resetStandardizer()).isTrue();
  }

  @Test
  void backgroundStartsAChallengerOnWarningAndPromotesItOnDrift() {
    RetrainPolicy p = policy("background", Map.of());
    stable(p, conceptA, 50);
    Outcome started = step(p, conceptA, Signal.WARNING);
    assertThat(started.action()).isEqualTo(Action.CHALLENGER_STARTED);
    assertThat(started.newVersion()).isFalse();
    OnlineLearner challenger = p.challenger();
    assertThat(challenger).isNotNull().isNotSameAs(p.champion());
    assertThat(challenger.examplesSeen()).isEqualTo(1);
    for (int i = 0; i < 10; i++) {
      assertThat(step(p, conceptA, Signal.WARNING)).isSameAs(Outcome.NONE); // one challenger at a time
    }
    assertThat(challenger.examplesSeen()).isEqualTo(11);
    Outcome promoted = step(p, conceptA, Signal.DRIFT);
    assertThat(promoted.action()).isEqualTo(Action.PROMOTED);
    assertThat(p.champion()).isSameAs(challenger);
    assertThat(p.challenger()).isNull();
    assertThat(p.version()).isEqualTo(2);
    assertThat(challenger.examplesSeen()).isEqualTo(12);
  }

  @Test
  void backgroundResetsOnADriftWithoutWarning() {
    RetrainPolicy p = policy("background", Map.of());
    stable(p, conceptA, 20);
    assertThat(step(p, conceptA, Signal.DRIFT).action()).isEqualTo(Action.RESET);
    assertThat(p.version()).isEqualTo(2);
    assertThat(p.champion().examplesSeen()).isEqualTo(1);
  }

  @Test
  void dropsAChallengerThatNeverBeatsTheChampionWithinTheHorizon() {
    RetrainPolicy p = policy("background", Map.of("horizon", "50"));
    stable(p, conceptA, 1000); // a good champion on concept A; the stream stays on A
    assertThat(step(p, conceptA, Signal.WARNING).action()).isEqualTo(Action.CHALLENGER_STARTED);
    stable(p, conceptA, 49);
    Outcome dropped = step(p, conceptA, Signal.STABLE);
    assertThat(dropped.action()).isEqualTo(Action.CHALLENGER_DROPPED);
    assertThat(dropped.reason()).contains("did not beat the champion within 50 examples");
    assertThat(p.challenger()).isNull();
    assertThat(p.version()).isEqualTo(1);
  }

  @Test
  void keepsAChallengerThatBeatTheChampionDuringTheHorizon() {
    RetrainPolicy p = policy("background", Map.of("horizon", "100"));
    stable(p, conceptA, 1000);
    t = TwoConcepts.CHANGE; // from here on the labels follow concept B
    assertThat(step(p, conceptA, Signal.WARNING).action()).isEqualTo(Action.CHALLENGER_STARTED);
    OnlineLearner challenger = p.challenger();
    stable(p, conceptA, 250); // two horizons pass; the challenger, right on B, stays
    assertThat(p.challenger()).isSameAs(challenger);
  }

  @Test
  void theGateDefersPromotionUntilTheChallengerMatchesTheChampion() {
    RetrainPolicy p = policy("background", Map.of("gate", "100"));
    stable(p, conceptA, 1000);
    t = TwoConcepts.CHANGE;
    assertThat(step(p, conceptA, Signal.WARNING).action()).isEqualTo(Action.CHALLENGER_STARTED);
    stable(p, conceptA, 9);
    Outcome deferred = step(p, conceptA, Signal.DRIFT); // the scores restart: only examples after it count
    assertThat(deferred.action()).isEqualTo(Action.NONE);
    assertThat(deferred.reason()).contains("deferred by the gate").contains("before the drift");
    assertThat(p.version()).isEqualTo(1);
    stable(p, conceptA, 99); // scored 99 since the drift
    Outcome promoted = step(p, conceptA, Signal.STABLE); // scored 100, and better on B
    assertThat(promoted.action()).isEqualTo(Action.PROMOTED);
    assertThat(promoted.reason()).contains("passed the promotion gate").contains("on the 100 examples since the drift");
    assertThat(p.version()).isEqualTo(2);
  }

  /**
   * The gate by default: a false alarm (the stream stays on concept A) starts a challenger that is
   * worse than the champion on every window of examples since the drift: it is never promoted.
   */
  @Test
  void byDefaultAChallengerWorseThanTheChampionSinceTheDriftIsNotPromoted() {
    RetrainPolicy p = RetrainPolicies.create("background", Map.of(), TwoConcepts.learner());
    assertThat(p.parameters()).containsEntry("gate", Integer.toString(RetrainConfig.DEFAULT_GATE));
    stable(p, conceptA, 1000);
    assertThat(step(p, conceptA, Signal.WARNING).action()).isEqualTo(Action.CHALLENGER_STARTED);
    stable(p, conceptA, 20);
    assertThat(step(p, conceptA, Signal.DRIFT).reason()).contains("deferred by the gate");
    List<Action> actions = new java.util.ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      actions.add(step(p, conceptA, Signal.STABLE).action());
    }
    assertThat(actions).doesNotContain(Action.PROMOTED).contains(Action.CHALLENGER_DROPPED);
    assertThat(p.version()).isEqualTo(1);
    assertThat(p.challenger()).isNull();
  }

  @Test
  void aGatedCandidateThatNeverPassesIsDropped() {
    RetrainPolicy p = policy("reset", Map.of("gate", "50", "horizon", "50"));
    stable(p, conceptA, 1000); // the stream stays on A: a fresh model cannot match the champion
    Outcome started = step(p, conceptA, Signal.DRIFT);
    assertThat(started.action()).isEqualTo(Action.CHALLENGER_STARTED);
    assertThat(started.reason()).contains("awaiting the promotion gate");
    assertThat(step(p, conceptA, Signal.DRIFT)).isSameAs(Outcome.NONE); // already waiting
    stable(p, conceptA, 48);
    Outcome dropped = step(p, conceptA, Signal.STABLE);
    assertThat(dropped.action()).isEqualTo(Action.CHALLENGER_DROPPED);
    assertThat(dropped.reason()).contains("did not pass the promotion gate");
    assertThat(p.version()).isEqualTo(1);
  }

  @Test
  void windowRetrainsAFreshModelOnTheWindow() {
    RetrainPolicy p = policy("window", Map.of("window-size", "20", "passes", "2"));
    stable(p, conceptA, 30);
    assertThat(((WindowPolicy) p).windowed()).isEqualTo(20);
    Outcome o = step(p, conceptA, Signal.DRIFT);
    assertThat(o.action()).isEqualTo(Action.WINDOW_RETRAINED);
    assertThat(o.reason()).contains("last 20 examples, 2 passes");
    assertThat(p.version()).isEqualTo(2);
    assertThat(p.champion().examplesSeen()).isEqualTo(20 * 2 + 1);
  }

  @Test
  void windowKeepsSparseVectors() {
    RetrainPolicy p = policy("window", Map.of("window-size", "5", "passes", "1"));
    for (int i = 0; i < 8; i++) {
      FeatureVector v = FeatureVector.sparse(5, new int[] {i % 5, 4}, new double[] {1, i}, 2);
      p.update(v, i % 2, p.champion().predict(v), Signal.STABLE);
    }
    RetrainPolicy restored = RetrainPolicyCodec.decode(RetrainPolicyCodec.encode(p));
    FeatureVector v = FeatureVector.dense(new double[] {1, 0, 0, 0, 1});
    assertThat(p.update(v, 1, p.champion().predict(v), Signal.DRIFT).action()).isEqualTo(Action.WINDOW_RETRAINED);
    restored.update(v, 1, restored.champion().predict(v), Signal.DRIFT);
    assertThat(restored.champion().predict(v)).isEqualTo(p.champion().predict(v));
    assertThat(p.champion().examplesSeen()).isEqualTo(6);
  }

  @Test
  void theCommonPathReturnsTheSharedNoneAndAllocatesNothing() {
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    for (String name : RetrainPolicies.names()) {
      RetrainPolicy p = policy(name, Map.of());
      FeatureVector[] vectors = new FeatureVector[x.length];
      Prediction[] predictions = new Prediction[x.length];
      for (int i = 0; i < x.length; i++) {
        vectors[i] = FeatureVector.dense(x[i]);
        predictions[i] = new Prediction(0, 1, Double.NaN);
      }
      for (int i = 0; i < 1000; i++) {
        p.update(vectors[i], conceptA[i], predictions[i], Signal.STABLE); // fill the window
      }
      long thread = Thread.currentThread().getId();
      long before = threads.getThreadAllocatedBytes(thread);
      for (int i = 1000; i < x.length; i++) {
        p.update(vectors[i], conceptA[i], predictions[i], Signal.STABLE);
      }
      long allocated = threads.getThreadAllocatedBytes(thread) - before;
      assertThat(allocated).as("%s: bytes allocated by 5,000 updates", name).isLessThan(4_096);
    }
  }
}
