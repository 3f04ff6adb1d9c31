package dev.eddy.core.replica;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eddy.learners.FeatureVector;
import dev.eddy.learners.Learners;
import dev.eddy.learners.OnlineLearner;
import dev.eddy.learners.PlainWeights;
import dev.eddy.learners.Task;
import dev.eddy.learners.codec.LearnerCodec;
import dev.eddy.learners.standardize.Standardizer;
import dev.eddy.schemas.ReplicaContribution;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** A round's merge against independent computations: a weighted average of weights, pooled statistics. */
class RoundMergeTest {
  static final int D = 4;

  static OnlineLearner trained(long seed, int n) {
    OnlineLearner l = Learners.create("pa-i", Map.of("C", "0.1"), D, Task.BINARY);
    Random rnd = new Random(seed);
    for (int i = 0; i < n; i++) {
      double[] x = new double[D];
      for (int j = 0; j < D; j++) {
        x[j] = rnd.nextGaussian();
      }
      l.learn(FeatureVector.dense(x), x[0] + 0.5 * x[1] > 0.2 ? 1 : 0);
    }
    return l;
  }

  static ReplicaContribution contribution(int replica, OnlineLearner l, long examples, boolean retrained, Standardizer delta) {
    return ReplicaContribution.newBuilder().setModelKey("global").setRound(1).setReplica(replica).setReplicas(3)
        .setExamples(examples).setLearned(examples).setRetrained(retrained)
        .setParameters(ByteBuffer.wrap(LearnerCodec.encode(l)))
        .setStandardizer(delta == null ? null : ByteBuffer.wrap(delta.toBytes())).setTimestamp(0).build();
  }

  @Test
  void theLearnersAreAveragedWeightedByTheirExamplesSinceTheLastMerge() {
    List<OnlineLearner> learners = List.of(trained(1, 40), trained(2, 70), trained(3, 300));
    long[] examples = {10, 30, 60};
    List<ReplicaContribution> round = new ArrayList<>();
    for (int r = 0; r < 3; r++) {
      round.add(contribution(r, learners.get(r), examples[r], false, null));
    }
    PlainWeights merged = (PlainWeights) RoundMerge.merge(round, null).learner();
    for (int i = 0; i <= D; i++) {
      double expected = 0; // sum_r w_r theta_r / sum_r w_r, by hand
      for (int r = 0; r < 3; r++) {
        expected += examples[r] * ((PlainWeights) learners.get(r)).weight(0, i);
      }
      expected /= 100.0;
      assertThat(merged.weight(0, i)).as("weight " + i).isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-12));
    }
    assertThat(RoundMerge.merge(round, null).examples()).isEqualTo(100);
  }

  @Test
  void whenAReplicaRetrainedOnlyTheRetrainedOnesAreMerged() {
    List<OnlineLearner> learners = List.of(trained(1, 40), trained(2, 70), trained(3, 300));
    List<ReplicaContribution> round = List.of(contribution(0, learners.get(0), 10, false, null),
        contribution(1, learners.get(1), 30, true, null), contribution(2, learners.get(2), 60, false, null));
    RoundMerge.Merged merged = RoundMerge.merge(round, null);
    for (int i = 0; i <= D; i++) {
      assertThat(((PlainWeights) merged.learner()).weight(0, i)).isEqualTo(((PlainWeights) learners.get(1)).weight(0, i));
    }
    assertThat(merged.examples()).as("every replica's examples are counted, merged or not").isEqualTo(100);
  }

  @Test
  void thePooledStatisticsEqualOneStandardizerFedEveryValue() {
    Random rnd = new Random(7);
    Standardizer previous = new Standardizer(D);
    List<double[]> all = new ArrayList<>();
    feed(previous, rnd, 500, 3.0, all);
    List<ReplicaContribution> round = new ArrayList<>();
    int[] sizes = {120, 1, 800};
    for (int r = 0; r < 3; r++) {
      Standardizer delta = new Standardizer(D);
      feed(delta, rnd, sizes[r], r * 10.0, all);
      round.add(contribution(r, trained(r, 5), sizes[r], false, delta));
    }
    Standardizer pooled = RoundMerge.merge(round, previous).standardizer();
    for (int j = 0; j < D; j++) { // two-pass mean and population variance over every value
      double mean = 0;
      for (double[] x : all) {
        mean += x[j];
      }
      mean /= all.size();
      double ss = 0;
      for (double[] x : all) {
        ss += (x[j] - mean) * (x[j] - mean);
      }
      assertThat(pooled.mean(j)).as("mean " + j).isCloseTo(mean, org.assertj.core.data.Offset.offset(1e-9));
      assertThat(pooled.variance(j)).as("variance " + j).isCloseTo(ss / all.size(), org.assertj.core.data.Percentage.withPercentage(1e-9));
    }
    assertThat(pooled.weight()).isEqualTo(all.size());
  }

  private static void feed(Standardizer s, Random rnd, int n, double shift, List<double[]> all) {
    for (int i = 0; i < n; i++) {
      double[] x = new double[D];
      for (int j = 0; j < D; j++) {
        x[j] = shift + (j + 1) * rnd.nextGaussian();
      }
      s.update(x);
      all.add(x);
    }
  }
}
