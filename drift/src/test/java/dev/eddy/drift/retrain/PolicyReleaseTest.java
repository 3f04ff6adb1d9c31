package dev.eddy.drift.retrain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eddy.drift.Signal;
import dev.eddy.learners.FeatureVector;
import dev.eddy.learners.Learners;
import dev.eddy.learners.OnlineLearner;
import dev.eddy.learners.Prediction;
import dev.eddy.learners.Task;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Learners holding native resources (TensorFlow sessions) are closed when a policy lets go of them:
 * a replaced champion, a promoted-over or dropped challenger.
 */
class PolicyReleaseTest {
  /** A real pa-i learner that records being closed, as a TensorFlow learner would free its session. */
  static final class Closeable implements OnlineLearner, AutoCloseable {
    static final List<Closeable> CLOSED = new ArrayList<>();
    final OnlineLearner inner = Learners.create("pa-i", Map.of(), 2, Task.BINARY);

    @Override public String type() { return inner.type(); }
    @Override public Task task() { return inner.task(); }
    @Override public int dimension() { return inner.dimension(); }
    @Override public Map<String, String> hyperparameters() { return inner.hyperparameters(); }
    @Override public Prediction predict(FeatureVector x) { return inner.predict(x); }
    @Override public void learn(FeatureVector x, double label) { inner.learn(x, label); }
    @Override public long examplesSeen() { return inner.examplesSeen(); }
    @Override public OnlineLearner copy() { return inner.copy(); }
    @Override public void close() { CLOSED.add(this); }
  }

  @Test
  void resetClosesTheReplacedChampion() {
    Closeable.CLOSED.clear();
    Closeable first = new Closeable();
    RetrainPolicy policy = RetrainPolicies.create("reset", Map.of("gate", "0"), first);
    FeatureVector x = FeatureVector.dense(new double[] {1, 0});
    Prediction p = policy.champion().predict(x);
    Outcome o = policy.update(x, 1, p, Signal.DRIFT);
    assertThat(o.newVersion()).isTrue();
    assertThat(Closeable.CLOSED).containsExactly(first);
  }

  @Test
  void backgroundClosesTheDroppedChallengerAndTheOldChampionOnPromotion() {
    Closeable.CLOSED.clear();
    Closeable champion = new Closeable();
    RetrainPolicy policy = RetrainPolicies.create("background", Map.of("gate", "0"), champion);
    FeatureVector x = FeatureVector.dense(new double[] {1, 0});
    policy.update(x, 1, policy.champion().predict(x), Signal.WARNING); // challenger started (pa-i, pure)
    assertThat(policy.challenger()).isNotNull();
    Outcome promoted = policy.update(x, 1, policy.champion().predict(x), Signal.DRIFT);
    assertThat(promoted.newVersion()).isTrue();
    assertThat(Closeable.CLOSED).containsExactly(champion);
  }
}
