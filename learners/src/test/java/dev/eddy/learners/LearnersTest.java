package dev.eddy.learners;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LearnersTest {

  @Test
  void everyPureLearnerIsRegisteredThroughServiceLoader() {
    assertThat(Learners.types()).contains("pa", "pa-i", "pa-ii", "pegasos", "pegasos-avg",
        "logistic", "adagrad", "ftrl");
  }

  @Test
  void unknownTypesAndBadArgumentsAreRejectedNamingThem() {
    assertThatThrownBy(() -> Learners.create("svm", Map.of(), 3, Task.BINARY))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'svm'")
        .hasMessageContaining("pegasos-avg");
    assertThatThrownBy(() -> Learners.create("pa", Map.of(), 0, Task.BINARY))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("dimension")
        .hasMessageContaining("0");
    assertThatThrownBy(() -> Learners.create("pa", Map.of(), 3, null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("task");
    assertThatThrownBy(() -> Learners.create("pa", Map.of("hash-bits", "40"), 3, Task.BINARY))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("hash-bits")
        .hasMessageContaining("40");
  }

  @Test
  void hashBitsSetTheDimensionForAnyLearner() {
    OnlineLearner learner = Learners.create("ftrl", Map.of("hash-bits", "12"), 7, Task.BINARY);
    assertThat(learner.dimension()).isEqualTo(4096);
    FeatureHasher hasher = new FeatureHasher(12, 4);
    hasher.clear();
    hasher.add("country", "fr");
    hasher.add("age", 0.4);
    learner.learn(hasher.vector(), 1);
    assertThat(learner.predict(hasher.vector()).probability()).isGreaterThan(0.5);
  }

  @Test
  void mergeNeedsReplicasAndValidWeights() {
    OnlineLearner a = Learners.create("pa", Map.of(), 3, Task.BINARY);
    OnlineLearner other = Learners.create("pa-i", Map.of(), 3, Task.BINARY);
    assertThatThrownBy(() -> Learners.merge(List.of(), new double[0]))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one");
    assertThatThrownBy(() -> Learners.merge(List.of(a, a), new double[] {0, 0}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("all be 0");
    assertThatThrownBy(() -> Learners.merge(List.of(a, a), new double[] {1, -1}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-1.0");
    assertThatThrownBy(() -> Learners.merge(List.of(a, other), new double[] {1, 1}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(a.layout())
        .hasMessageContaining(other.layout());
    OnlineLearner grown = Learners.create("pa", Map.of(), 3, Task.MULTICLASS);
    OnlineLearner small = grown.copy();
    grown.learn(FeatureVector.dense(new double[] {1, 2, 3}), 4);
    assertThatThrownBy(() -> Learners.merge(List.of(grown, small), new double[] {1, 1}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("5 class models")
        .hasMessageContaining("2 class models");
  }
}
