package dev.eddy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eddy.cli.local.LocalRunner;
import dev.eddy.core.kafka.CheckedProducer;
import dev.eddy.core.kafka.JobKafka;
import dev.eddy.core.kafka.KafkaConnection;
import dev.eddy.core.kafka.TopicAdmin;
import dev.eddy.core.model.ModelConfig;
import dev.eddy.core.model.ModelState;
import dev.eddy.core.model.Scored;
import dev.eddy.core.spec.JobSpec;
import dev.eddy.core.spec.JobSpecReader;
import dev.eddy.core.spec.Replicas;
import dev.eddy.core.synthetic.SeaGenerator;
import dev.eddy.schemas.Event;
import dev.eddy.schemas.Label;
import dev.eddy.schemas.ModelSnapshot;
import dev.eddy.schemas.Prediction;
import dev.eddy.schemas.ReplicaContribution;
import dev.eddy.schemas.codec.Topics;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExternalizedCheckpointRetention;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.core.execution.JobClient;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code models.replicas: 2} on a real broker and MiniCluster (parallelism 2, 2 event partitions,
 * exactly-once): two replicas train, merge rounds complete through the replica-sync topic, the
 * models topic has the merged versions ({@code reason: merge}); the job is cancelled mid-stream, with
 * rounds under way, and restarted from its last checkpoint (a failure), and still every event has one prediction, every
 * (round, replica) one committed contribution, and every labelled example weighs in at most one
 * round (the merged counts add up); the 2-replica model predicts within a point of one model.
 */
@Tag("slow")
@Timeout(value = 6, unit = java.util.concurrent.TimeUnit.MINUTES)
class ReplicasITCase {
  static final int PHASE = 6_000;
  static final long MERGE_EVERY = 300;
  @RegisterExtension static final KafkaTestSupport kafka = new KafkaTestSupport();
  private final SeaGenerator sea = new SeaGenerator(17, new long[0], 0.05);
  private final List<double[]> rows = new ArrayList<>();

  /** Events e-from..e-(from+n-1); every fifth without its label, which comes after them on the labels topic. */
  private void produce(int from, int n) {
    try (CheckedProducer p = new CheckedProducer(KafkaConnection.of(kafka.bootstrap()))) {
      List<Integer> later = new ArrayList<>();
      for (int i = from; i < from + n; i++) {
        double[] x = new double[3];
        double y = sea.next(x);
        rows.add(new double[] {x[0], x[1], x[2], y});
        String id = "e-" + i;
        Event.Builder e = Event.newBuilder().setId(id).setTimestamp(1_700_000_000_000L + i)
            .setFeatures(Map.of("x1", x[0], "x2", x[1], "x3", x[2]));
        if (i % 5 == 0) {
          later.add(i);
        } else {
          e.setLabel(y);
        }
        p.send("rp-events", id.getBytes(StandardCharsets.UTF_8), Topics.EVENT.encode(e.build()));
      }
      for (int i : later) {
        String id = "e-" + i;
        p.send("rp-labels", id.getBytes(StandardCharsets.UTF_8), Topics.LABEL.encode(Label.newBuilder()
            .setId(id).setTimestamp(1_700_000_100_000L + i).setLabel(rows.get(i)[3]).build()));
      }
    }
  }

  @Test
  void twoReplicasMergeThroughKafkaAndAFailureMidRoundLosesAndRepeatsNothing() throws Exception {
    JobSpec spec = JobSpecReader.parse(String.join("\n",
        "name: replicas-it",
        "kafka: {bootstrap: '" + kafka.bootstrap() + "', topics: {events: rp-events, labels: rp-labels,"
            + " predictions: rp-predictions, drift: rp-drift, models: rp-models, dead-letter: rp-dlq}}",
        "features: [x1, x2, x3]",
        "learner: {type: pa-i, C: 0.1}",
        "models: {publish-every: 0, replicas: 2, merge-every: " + MERGE_EVERY + "}",
        "parallelism: 2",
        "checkpoint: {interval: 500ms}",
        ""));
    TopicAdmin.ensureTopics(KafkaConnection.of(kafka.bootstrap()), List.of("rp-events", "rp-labels"), 2, Set.of());
    JobKafka.prepare(spec);
    Path work = kafka.workDir("replicas");
    Configuration retain = new Configuration();
    retain.set(CheckpointingOptions.EXTERNALIZED_CHECKPOINT_RETENTION, ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION);

    // a steady stream, so the rounds run while events flow; the second phase only once the first job has failed,
    // so the failure comes mid-stream however fast the machine is
    CountDownLatch failed = new CountDownLatch(1);
    Thread producer = new Thread(() -> {
      try {
        for (int from = 0; from < 2 * PHASE; from += 100) {
          if (from == PHASE) {
            failed.await();
          }
          produce(from, 100);
          Thread.sleep(250);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "producer");
    JobClient first = LocalRunner.start(spec, false, work, retain);
    producer.start();
    try {
      await(() -> merges().size() >= 3, "three merged rounds before the failure");
    } finally {
      first.cancel().get(); // abrupt, mid-round: its open transactions are aborted, the restart replays from the last checkpoint
    }
    failed.countDown();
    int roundsBefore = merges().size();
    assertThat(predictions().size()).as("the failure came before the end of the stream").isLessThan(2 * PHASE);
    Path checkpoint = latestCheckpoint(work.resolve("checkpoints"));

    Configuration restore = new Configuration();
    restore.set(StateRecoveryOptions.SAVEPOINT_PATH, checkpoint.toUri().toString());
    JobClient second = LocalRunner.start(spec, false, work, restore);
    try {
      await(() -> predictions().size() >= 2 * PHASE, "a prediction of every event");
      long[] last = {-1};
      await(() -> { // the rounds settle once each replica has fewer than merge-every examples left
        long now = merges().size();
        boolean settled = now == last[0];
        last[0] = now;
        return settled;
      }, "the merge rounds to settle");
    } finally {
      second.cancel().get();
      producer.interrupt();
      producer.join();
    }

    List<Prediction> predictions = predictions();
    assertThat(predictions).as("one prediction per event, none lost or repeated by the failure").hasSize(2 * PHASE);
    assertThat(predictions.stream().map(p -> p.getId().toString()).distinct().count()).isEqualTo(2 * PHASE);
    assertThat(predictions).allSatisfy(p -> assertThat(p.getModelKey()).isEqualTo("global"));

    List<ReplicaContribution> sync = contributions();
    long rounds = sync.stream().mapToLong(ReplicaContribution::getRound).max().orElse(0);
    long merged = merges().size();
    assertThat(merged).as("every round merged but perhaps the last, which waits for a replica's next merge-every examples")
        .isBetween(rounds - 1, rounds);
    for (long r = 1; r <= rounds; r++) {
      long round = r;
      List<Integer> replicas = sync.stream().filter(c -> c.getRound() == round).map(ReplicaContribution::getReplica).toList();
      if (r <= merged) {
        assertThat(replicas).as("round %d: one committed contribution of each replica", r).containsExactlyInAnyOrder(0, 1);
      } else { // the stream ended before the other replica had merge-every examples for this round
        assertThat(replicas).as("round %d (not merged): one committed contribution of one replica", r).hasSize(1);
      }
    }
    long learned = 0;
    for (int replica = 0; replica < 2; replica++) {
      int of = replica;
      List<ReplicaContribution> mine = sync.stream().filter(c -> c.getReplica() == of)
          .sorted(Comparator.comparingLong(ReplicaContribution::getRound)).toList();
      assertThat(mine.stream().mapToLong(ReplicaContribution::getExamples).sum())
          .as("replica %d's contributions add up to what it had learned", replica).isEqualTo(mine.get(mine.size() - 1).getLearned());
      assertThat(mine.get(mine.size() - 1).getLearned()).as("replica %d trained on its share", replica).isGreaterThan(PHASE / 2);
      learned += mine.get(mine.size() - 1).getLearned();
    }
    assertThat(learned).as("no labelled example counted twice").isLessThanOrEqualTo(2 * PHASE)
        .as("at most merge-every examples per replica left unmerged, plus a round under way")
        .isGreaterThanOrEqualTo(2 * PHASE - 2 * 2 * MERGE_EVERY);

    List<ModelSnapshot> merges = merges();
    assertThat(merges.size()).isGreaterThan(roundsBefore);
    for (int k = 0; k < merges.size(); k++) {
      ModelSnapshot m = merges.get(k);
      long round = k + 1;
      assertThat(m.getVersion()).as("merged versions in order, none repeated").isEqualTo(round + 1);
      assertThat(m.getModelKey()).isEqualTo("global");
      long contributed = sync.stream().filter(c -> c.getRound() <= round).mapToLong(ReplicaContribution::getExamples).sum();
      assertThat(m.getExamples()).as("round %d merged every contribution up to it, once", round).isEqualTo(contributed);
    }

    double replicas = accuracy(predictions);
    double single = singleModel(spec);
    System.out.printf("replicas-it: prequential accuracy 2 replicas %.4f, one model %.4f, %d rounds%n", replicas, single, rounds);
    assertThat(replicas).as("2 replicas within a point of one model").isGreaterThanOrEqualTo(single - 0.01);
  }

  /** Accuracy of the predictions of events that carried their label. */
  private static double accuracy(List<Prediction> predictions) {
    long right = 0;
    long n = 0;
    for (Prediction p : predictions) {
      if (p.getLabel() != null) {
        n++;
        right += p.getLabel().equals(p.getPredictedLabel()) ? 1 : 0;
      }
    }
    return (double) right / n;
  }

  /** One model over the same events in order (test-then-train), scored on the same events. */
  private double singleModel(JobSpec spec) {
    ModelState m = ModelConfig.of(spec).freshModel();
    long right = 0;
    long n = 0;
    for (int i = 0; i < rows.size(); i++) {
      double[] row = rows.get(i);
      Scored s = m.predict(new double[] {row[0], row[1], row[2]});
      if (i % 5 != 0) {
        n++;
        right += s.prediction().label() == row[3] ? 1 : 0;
      }
      m.learn(s, row[3]);
    }
    return (double) right / n;
  }

  private static Path latestCheckpoint(Path root) throws Exception {
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(p -> p.getFileName().toString().equals("_metadata")).map(Path::getParent)
          .max(Comparator.comparingLong(p -> Long.parseLong(p.getFileName().toString().substring("chk-".length()))))
          .orElseThrow(() -> new AssertionError("no retained checkpoint under " + root));
    }
  }

  private List<Prediction> predictions() {
    List<Prediction> out = new ArrayList<>();
    for (var r : kafka.readCommitted("rp-predictions")) {
      try {
        out.add(Topics.PREDICTION.decode(r.value()));
      } catch (java.io.IOException e) {
        throw new AssertionError(e);
      }
    }
    return out;
  }

  private List<ModelSnapshot> merges() {
    List<ModelSnapshot> out = new ArrayList<>();
    for (var r : kafka.readCommitted("rp-models")) {
      try {
        ModelSnapshot m = Topics.MODEL.decode(r.value());
        if (m.getReason().toString().equals("merge")) {
          out.add(m);
        }
      } catch (java.io.IOException e) {
        throw new AssertionError(e);
      }
    }
    return out;
  }

  private List<ReplicaContribution> contributions() {
    List<ReplicaContribution> out = new ArrayList<>();
    for (var r : kafka.readCommitted(Replicas.syncTopic("replicas-it"))) {
      try {
        out.add(Topics.REPLICA_CONTRIBUTION.decode(r.value()));
      } catch (java.io.IOException e) {
        throw new AssertionError(e);
      }
    }
    return out;
  }

  private void await(BooleanSupplier done, String what) throws Exception {
    long deadline = System.currentTimeMillis() + 60_000;
    while (!done.getAsBoolean()) {
      if (System.currentTimeMillis() > deadline) {
        throw new AssertionError("no " + what + " in 2 minutes: " + predictions().size() + " predictions, "
            + contributions().size() + " contributions, " + merges().size() + " merges");
      }
      Thread.sleep(2_000);
    }
  }
}
