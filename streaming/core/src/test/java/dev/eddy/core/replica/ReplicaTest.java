package dev.eddy.core.replica;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eddy.core.model.ModelConfig;
import dev.eddy.core.model.ModelState;
import dev.eddy.core.model.Scored;
import dev.eddy.core.spec.JobSpec;
import dev.eddy.core.synthetic.SeaGenerator;
import dev.eddy.learners.PlainWeights;
import dev.eddy.learners.Task;
import dev.eddy.learners.codec.LearnerCodec;
import dev.eddy.schemas.ReplicaContribution;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The merge rounds of replicas on real model states, the contributions carried as the job carries
 * them (every replica receives every contribution, its own included, in one order) with a lag of
 * some events, as the sync topic's commit at a checkpoint adds.
 */
class ReplicaTest {
  static final ModelConfig CONFIG =
      new ModelConfig("pa-i", Map.of("C", "0.1"), List.of("x1", "x2", "x3"), Task.BINARY, true, JobSpec.Drift.NONE, 500);

  /**
   * N replicas over a stream; contributions reach every replica {@code lag} events after they were
   * sent. The clock (processing time, ms) is the event's number; by time, every replica's timer is
   * checked after each event.
   */
  static final class Run {
    final ModelState[] models;
    final Replica[] replicas;
    final List<ReplicaContribution> topic = new ArrayList<>();
    final ArrayDeque<long[]> inFlight = new ArrayDeque<>(); // (due at event, index in topic)
    final List<Replica.Adopted> adopted = new ArrayList<>();
    final int lag;
    long correct;
    long seen;
    long event;

    Run(int n, long mergeEvery, int lag) {
      this(CONFIG, n, mergeEvery, lag);
    }

    Run(ModelConfig config, int n, long mergeEvery, int lag) {
      this(config, n, mergeEvery, 0, lag);
    }

    Run(ModelConfig config, int n, long mergeEvery, long mergeInterval, int lag) {
      models = new ModelState[n];
      replicas = new Replica[n];
      for (int r = 0; r < n; r++) {
        models[r] = config.freshModel();
        replicas[r] = new Replica(r, n, mergeEvery, mergeInterval, 0);
      }
      this.lag = lag;
    }

    void step(double[] x, double y) {
      int r = (int) (event % models.length);
      Scored s = models[r].predict(x);
      replicas[r].observe(models[r], x);
      models[r].learn(s, y);
      correct += s.prediction().label() == y ? 1 : 0;
      seen++;
      send(replicas[r].learned(models[r], "global", event, event));
      for (int k = 0; k < models.length; k++) { // the replicas' timers
        send(replicas[k].tick(models[k], "global", event));
      }
      event++;
      while (!inFlight.isEmpty() && inFlight.peek()[0] <= event) {
        deliver(topic.get((int) inFlight.poll()[1]));
      }
    }

    void send(ReplicaContribution c) {
      if (c != null) {
        topic.add(c);
        inFlight.add(new long[] {event + lag, topic.size() - 1});
      }
    }

    void deliver(ReplicaContribution c) {
      for (int r = 0; r < models.length; r++) {
        Replica.Adopted a = replicas[r].receive(c, models[r], "global", event);
        if (a != null) {
          if (r == 0) {
            adopted.add(a);
          }
          send(a.next());
        } else { // as the job does: a replica whose interval passed joins a round another opened
          send(replicas[r].tick(models[r], "global", event));
        }
      }
    }

    double accuracy() {
      return (double) correct / seen;
    }
  }

  static double[][] sea(long seed, int n) {
    SeaGenerator sea = new SeaGenerator(seed, new long[0], 0.05);
    double[][] rows = new double[n][];
    for (int i = 0; i < n; i++) {
      double[] x = new double[3];
      double y = sea.next(x);
      rows[i] = new double[] {x[0], x[1], x[2], y};
    }
    return rows;
  }

  @Test
  void everyLabelledExampleWeighsInExactlyOneRoundAndEveryReplicaMergesTheSame() {
    Run run = new Run(2, 50, 37);
    for (double[] row : sea(3, 5_000)) {
      run.step(new double[] {row[0], row[1], row[2]}, row[3]);
    }
    assertThat(run.adopted).hasSizeGreaterThan(20);
    long contributed = 0;
    for (int k = 0; k < run.adopted.size(); k++) {
      long round = k + 1;
      List<ReplicaContribution> of = run.topic.stream().filter(c -> c.getRound() == round).toList();
      assertThat(of).extracting(ReplicaContribution::getReplica).containsExactlyInAnyOrder(0, 1);
      contributed += of.stream().mapToLong(ReplicaContribution::getExamples).sum();
      assertThat(run.adopted.get(k).mergedExamples()).as("merged examples after round " + round).isEqualTo(contributed);
    }
    for (int r = 0; r < 2; r++) { // a replica's contributions add up to what it learned when it sent the last one
      int replica = r;
      List<ReplicaContribution> mine = run.topic.stream().filter(c -> c.getReplica() == replica).toList();
      assertThat(mine.stream().mapToLong(ReplicaContribution::getExamples).sum()).isEqualTo(mine.get(mine.size() - 1).getLearned());
      assertThat(run.replicas[r].learned).isEqualTo(2_500);
      assertThat(mine.get(mine.size() - 1).getLearned() + run.replicas[r].since).as("contributed + not yet = learned").isEqualTo(2_500);
    }
  }

  @Test
  void aReplicaAdoptsTheMergePlusWhatItLearnedSinceItPublished() {
    Run run = new Run(2, 40, 25);
    double[][] rows = sea(5, 2_000);
    int i = 0;
    while (run.adopted.isEmpty()) { // up to the first round's completion, watching replica 1 (it sends last)
      double[] row = rows[i++];
      int r = (int) (run.event % 2);
      if (r == 1 && run.inFlight.size() == 1 && run.inFlight.peek()[0] == run.event + 1) {
        break;
      }
      run.step(new double[] {row[0], row[1], row[2]}, row[3]);
    }
    assertThat(run.adopted).as("stopped just before the first round completes").isEmpty();
    // deliver the first round by hand and check replica 1's weights against merged + (now - at publish)
    List<ReplicaContribution> round = run.topic.stream().filter(c -> c.getRound() == 1).toList();
    assertThat(round).hasSize(2);
    double[][] now = Replica.weights((PlainWeights) run.models[1].champion(), 3);
    PlainWeights atPublish = (PlainWeights) LearnerCodec.decode(RoundMerge.bytes(round.get(1).getParameters()));
    PlainWeights merged = (PlainWeights) RoundMerge.merge(round, run.replicas[1].global).learner();
    for (ReplicaContribution c : round) {
      run.replicas[1].receive(c, run.models[1], "global", 0);
    }
    PlainWeights adopted = (PlainWeights) run.models[1].champion();
    for (int j = 0; j <= 3; j++) {
      assertThat(adopted.weight(0, j)).as("weight " + j)
          .isCloseTo(merged.weight(0, j) + now[0][j] - atPublish.weight(0, j), org.assertj.core.data.Offset.offset(1e-12));
    }
    assertThat(run.models[1].standardizer().weight()).as("the statistics of every value either replica saw up to its"
        + " contribution, plus replica 1's since").isEqualTo(round.get(0).getExamples() + round.get(1).getExamples()
            + run.replicas[1].delta.weight());
  }

  @Test
  void aReplicaRestoredMidRoundContinuesAsIfUninterrupted() {
    double[][] rows = sea(11, 3_000);
    Run straight = new Run(2, 60, 30);
    Run restored = new Run(2, 60, 30);
    for (int i = 0; i < rows.length; i++) {
      double[] x = {rows[i][0], rows[i][1], rows[i][2]};
      straight.step(x, rows[i][3]);
      restored.step(x, rows[i][3]);
      if (i == 1_517) { // mid-round: replace both replicas by their decoded persisted form
        for (int r = 0; r < 2; r++) {
          assertThat(restored.replicas[r].awaiting || !restored.replicas[r].received.isEmpty() || restored.replicas[r].since > 0).isTrue();
          restored.replicas[r] = ReplicaCodec.decode(ReplicaCodec.encode(restored.replicas[r]));
        }
      }
    }
    assertThat(restored.adopted).hasSameSizeAs(straight.adopted);
    assertThat(restored.accuracy()).isEqualTo(straight.accuracy());
    for (int r = 0; r < 2; r++) {
      assertThat(LearnerCodec.encode(restored.models[r].champion())).isEqualTo(LearnerCodec.encode(straight.models[r].champion()));
    }
  }

  @Test
  void twoReplicasLearnAsWellAsOneModelOnSea() {
    double[][] rows = sea(21, 40_000);
    Run one = new Run(1, 1_000, 0);
    Run two = new Run(2, 1_000, 500);
    for (double[] row : rows) {
      double[] x = {row[0], row[1], row[2]};
      one.step(x, row[3]);
      two.step(x, row[3]);
    }
    System.out.printf("SEA 40,000: prequential accuracy 1 model %.4f, 2 replicas %.4f (%d rounds)%n",
        one.accuracy(), two.accuracy(), two.adopted.size());
    assertThat(two.adopted).hasSizeGreaterThan(15);
    assertThat(two.accuracy()).isCloseTo(one.accuracy(), org.assertj.core.data.Offset.offset(0.01));
  }

  @Test
  void afterAConceptFlipTheReplicasRecoverAsOneModelDoes() {
    ModelConfig drifting = new ModelConfig("pa-i", Map.of("C", "0.1"), List.of("x1", "x2", "x3"), Task.BINARY, true,
        new JobSpec.Drift("ddm", Map.of(), "reset", Map.of(), null, Map.of(), false), 500);
    double[][] rows = sea(29, 40_000);
    for (int i = 20_000; i < rows.length; i++) {
      rows[i][3] = 1 - rows[i][3]; // the hardest change: every label inverted
    }
    Run one = new Run(drifting, 1, 1_000, 0);
    Run two = new Run(drifting, 2, 1_000, 500);
    long oneAfter = 0;
    long twoAfter = 0;
    for (int i = 0; i < rows.length; i++) {
      double[] x = {rows[i][0], rows[i][1], rows[i][2]};
      long oneBefore = one.correct;
      long twoBefore = two.correct;
      one.step(x, rows[i][3]);
      two.step(x, rows[i][3]);
      if (i >= 30_000) { // the last quarter: long after the flip
        oneAfter += one.correct - oneBefore;
        twoAfter += two.correct - twoBefore;
      }
    }
    System.out.printf("SEA 40,000, labels inverted at 20,000: accuracy 1 model %.4f, 2 replicas %.4f; last quarter %.4f, %.4f%n",
        one.accuracy(), two.accuracy(), oneAfter / 10_000.0, twoAfter / 10_000.0);
    assertThat(twoAfter / 10_000.0).as("recovered from the flip as one model does").isCloseTo(oneAfter / 10_000.0,
        org.assertj.core.data.Offset.offset(0.01));
    assertThat(two.accuracy()).isCloseTo(one.accuracy(), org.assertj.core.data.Offset.offset(0.01));
  }

  /**
   * By time ({@code merge-interval} alone): a replica that learned nothing joins a round another
   * opened with 0 examples (weight 0), so the round completes and it adopts the other's model; an
   * idle stream makes no round.
   */
  @Test
  void byTimeAReplicaWithoutExamplesJoinsARoundAnotherOpenedWithWeightZero() {
    ModelState[] models = {CONFIG.freshModel(), CONFIG.freshModel()};
    Replica[] replicas = {new Replica(0, 2, 0, 100, 0), new Replica(1, 2, 0, 100, 0)};
    double[][] rows = sea(7, 10);
    for (int i = 0; i < rows.length; i++) { // every example to replica 0, before its interval passes
      Scored s = models[0].predict(new double[] {rows[i][0], rows[i][1], rows[i][2]});
      replicas[0].observe(models[0], new double[] {rows[i][0], rows[i][1], rows[i][2]});
      models[0].learn(s, rows[i][3]);
      assertThat(replicas[0].learned(models[0], "global", 10 + i, 10 + i)).as("no contribution before the interval").isNull();
    }
    assertThat(replicas[0].nextTick()).isEqualTo(100);
    assertThat(replicas[1].tick(models[1], "global", 100)).as("nothing learned, no round open: no contribution").isNull();
    ReplicaContribution first = replicas[0].tick(models[0], "global", 100);
    assertThat(first.getExamples()).isEqualTo(10);
    assertThat(first.getRound()).isEqualTo(1);
    assertThat(replicas[0].nextTick()).isEqualTo(200);

    assertThat(replicas[0].receive(first, models[0], "global", 101)).isNull();
    assertThat(replicas[1].receive(first, models[1], "global", 101)).isNull();
    ReplicaContribution joined = replicas[1].tick(models[1], "global", 101);
    assertThat(joined.getExamples()).as("joins the open round with weight 0").isZero();
    assertThat(joined.getRound()).isEqualTo(1);
    assertThat(replicas[1].tick(models[1], "global", 500)).as("one contribution per round").isNull();

    Replica.Adopted a0 = replicas[0].receive(joined, models[0], "global", 102);
    Replica.Adopted a1 = replicas[1].receive(joined, models[1], "global", 102);
    assertThat(a0.mergedExamples()).isEqualTo(10);
    assertThat(a1.mergedExamples()).isEqualTo(10);
    assertThat(a0.next()).isNull();
    assertThat(Replica.weights((PlainWeights) models[1].champion(), 3)).as("replica 1 adopted replica 0's weights (10 : 0)")
        .isEqualTo(Replica.weights((PlainWeights) models[0].champion(), 3));
    assertThat(models[1].standardizer().weight()).as("and the statistics of the values replica 0 saw").isEqualTo(10);

    for (long now = 200; now <= 1_000; now += 100) { // idle: no more rounds
      assertThat(replicas[0].tick(models[0], "global", now)).isNull();
      assertThat(replicas[1].tick(models[1], "global", now)).isNull();
    }
  }

  /** Both cadences: a replica contributes at merge-every examples or at its interval, whichever comes first. */
  @Test
  void byCountAndTimeWhicheverComesFirst() {
    ModelState model = CONFIG.freshModel();
    Replica replica = new Replica(0, 2, 5, 1_000, 0);
    double[][] rows = sea(9, 8);
    ReplicaContribution byCount = null;
    for (int i = 0; i < 5; i++) {
      Scored s = model.predict(new double[] {rows[i][0], rows[i][1], rows[i][2]});
      model.learn(s, rows[i][3]);
      byCount = replica.learned(model, "global", i, i);
    }
    assertThat(byCount).as("the fifth example, long before the interval").isNotNull();
    assertThat(byCount.getExamples()).isEqualTo(5);
    ReplicaContribution other = ReplicaContribution.newBuilder(byCount).setReplica(1).build();
    replica.receive(byCount, model, "global", 10);
    assertThat(replica.receive(other, model, "global", 10)).isNotNull();
    Scored s = model.predict(new double[] {rows[5][0], rows[5][1], rows[5][2]});
    model.learn(s, rows[5][3]);
    assertThat(replica.learned(model, "global", 20, 20)).as("one example, interval not passed").isNull();
    assertThat(replica.tick(model, "global", 1_003)).as("interval not passed since the previous contribution (at 4)").isNull();
    assertThat(replica.tick(model, "global", 1_004)).as("interval passed since the previous contribution (at 4)").isNotNull()
        .extracting(ReplicaContribution::getExamples).isEqualTo(1L);
  }
}
