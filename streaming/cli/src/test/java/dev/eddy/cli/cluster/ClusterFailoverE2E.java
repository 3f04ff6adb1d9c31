package dev.eddy.cli.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eddy.core.spec.Replicas;
import dev.eddy.schemas.ModelSnapshot;
import dev.eddy.schemas.ReplicaContribution;
import dev.eddy.schemas.codec.Topics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The Eddy job on real processes: a Kafka broker in its own JVM, a standalone Flink cluster of a
 * JobManager and 2 TaskManager JVMs (1 slot each), the job submitted over REST at parallelism 2 with
 * exactly-once outputs and a checkpoint every second, a labelled SEA stream produced over time. Each
 * scenario disrupts the job mid-stream and then checks, reading with read_committed, that every event
 * has exactly one prediction and that the model carried on rather than starting again; one runs a
 * global model trained by 2 replicas and checks that their merge rounds neither lose nor double count
 * an example.
 *
 * <p>Size: {@code -Deddy.e2e.events} (default 150,000 per scenario) at {@code -Deddy.e2e.rate}
 * events/s (default 5,000), so each scenario streams for about 30 s. Measurements (recovery times)
 * are appended to {@code target/e2e/measurements.txt}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterFailoverE2E {
  static final long EVENTS = Long.getLong("eddy.e2e.events", 150_000);
  static final int RATE = Integer.getInteger("eddy.e2e.rate", 5_000);
  static Path dir;
  static KafkaProcess kafka;
  static StandaloneCluster cluster;

  @BeforeAll
  static void start() throws Exception {
    Path root = Path.of(System.getProperty("eddy.e2e.dir", "target/e2e"));
    dir = Files.createDirectories(root.resolve("failover-" + System.currentTimeMillis()));
    kafka = KafkaProcess.start(dir.resolve("kafka"));
    Map<String, String> testSettings = Map.of(
        // a dead TaskManager is noticed after 2 failed heartbeat RPCs, i.e. in ~2 s instead of ~20 s
        "heartbeat.interval", "1s", "heartbeat.timeout", "20s",
        // smaller than the config's 1728m, so that 3 JVMs, Kafka and this one fit a CI runner
        "taskmanager.memory.process.size", "1280m");
    cluster = StandaloneCluster.start(new ClusterOptions(2, 1, FlinkDistribution.locate().confDir().resolve("config.yaml"),
        dir.resolve("cluster"), testSettings, List.of(), null)).stopOnJvmExit();
  }

  @AfterAll
  static void stop() throws Exception {
    if (cluster != null) {
      cluster.close();
    }
    if (kafka != null) {
      kafka.close();
    }
  }

  @Test
  @Order(1)
  void aKilledTaskManagerIsReplacedAndTheJobResumesFromItsLastCheckpoint() throws Exception {
    try (JobRun run = new JobRun("e2e-kill", kafka.bootstrap(), cluster.rest(), EVENTS)) {
      String job = run.submit(null);
      run.feedWithBadRecords(RATE, (int) (EVENTS / 100)); // dead letters are exactly-once too
      run.awaitPredictions(EVENTS / 3, Duration.ofMinutes(3));
      Kill kill = killATaskManagerAndAwaitRestore(run, job);
      long killedAt = kill.at();
      CheckpointStats stats = kill.stats();

      run.assertExactlyOncePredictions();
      run.assertExactlyOnceDeadLetters();
      assertThat(cluster.rest().jobState(job)).isEqualTo("RUNNING");
      assertThat(cluster.taskManagerCount()).isEqualTo(2);
      assertThat(stats.restores()).isGreaterThanOrEqualTo(1);
      assertThat(stats.restored().savepoint()).isFalse();
      Continuity c = Continuity.of(run.log().byProcessingTime(), killedAt, stats.restored().restoreTimestamp());
      assertModelCarriedOn(run, c);
      measured("taskmanager-kill", String.format(Locale.ROOT,
          "events=%d rate=%d/s checkpoint-interval=1s kill->restore=%d ms kill->first-new-prediction(processedAt)=%d ms"
              + " kill->first-new-prediction-visible(read_committed)=%d ms restored-checkpoint=%d; %s",
          EVENTS, RATE, stats.restored().restoreTimestamp() - killedAt, c.firstAfter().processedAt() - killedAt,
          c.firstAfter().visibleAt() - killedAt, stats.restored().checkpointId(), c));
    }
  }

  @Test
  @Order(2)
  void stopWithSavepointAndResumeFromItLosesNothingAndKeepsTheModel() throws Exception {
    try (JobRun run = new JobRun("e2e-savepoint", kafka.bootstrap(), cluster.rest(), EVENTS)) {
      FlinkRestClient rest = cluster.rest();
      String first = run.submit(null);
      run.feed(RATE);
      run.awaitPredictions(EVENTS / 3, Duration.ofMinutes(3));

      long stoppedAt = System.currentTimeMillis();
      String target = dir.resolve("savepoints").toUri().toString();
      String savepoint = rest.awaitSavepoint(first, rest.stopWithSavepoint(first, target), Duration.ofMinutes(2));
      assertThat(rest.jobState(first)).isEqualTo("FINISHED");
      TimeUnit.SECONDS.sleep(2); // events keep arriving while no job runs
      String second = run.submit(savepoint);
      CheckpointStats stats = rest.checkpoints(second);

      run.assertExactlyOncePredictions();
      assertThat(rest.jobState(second)).isEqualTo("RUNNING");
      assertThat(stats.restored()).as("restore of the second job").isNotNull();
      assertThat(stats.restored().savepoint()).isTrue();
      assertThat(stats.restored().externalPath()).isEqualTo(savepoint);
      Continuity c = Continuity.of(run.log().byProcessingTime(), stoppedAt, stats.restored().restoreTimestamp());
      assertModelCarriedOn(run, c);
      measured("stop-with-savepoint", String.format(Locale.ROOT, "events=%d savepoint=%s; %s", EVENTS, savepoint, c));
    }
  }

  @Test
  @Order(3)
  void aBrokerRestartMidStreamLosesAndDoublesNothing() throws Exception {
    try (JobRun run = new JobRun("e2e-broker", kafka.bootstrap(), cluster.rest(), EVENTS)) {
      String job = run.submit(null);
      run.feed(RATE);
      run.awaitPredictions(EVENTS / 3, Duration.ofMinutes(3));

      long stoppedAt = System.currentTimeMillis();
      kafka.stop();
      TimeUnit.SECONDS.sleep(5);
      kafka.start();
      long back = System.currentTimeMillis();

      run.assertExactlyOncePredictions();
      run.awaitRunning(job, Duration.ofMinutes(1));
      CheckpointStats stats = cluster.rest().checkpoints(job);
      measured("broker-restart", String.format(Locale.ROOT,
          "events=%d broker down %d ms; job restores=%d, checkpoints completed=%d failed=%d",
          EVENTS, back - stoppedAt, stats.restores(), stats.completed(), stats.failed()));
    }
  }

  /**
   * Labels that come later, on the labels topic: events wait for them in keyed state. A TaskManager
   * killed while events wait loses none of them and learns from each label exactly once: with the
   * model published every 10,000 labelled examples, the committed models topic holds exactly the
   * updates at 10,000, 20,000, ... up to every event of the stream, each once.
   */
  @Test
  @Order(4)
  void aKilledTaskManagerLosesNoWaitingEventAndLearnsEachLabelOnce() throws Exception {
    try (JobRun run = new JobRun("e2e-labels", kafka.bootstrap(), cluster.rest(), EVENTS)) {
      String job = run.submit(null);
      run.feed(RATE, RATE); // every label a second (RATE events) after its event
      run.awaitPredictions(EVENTS / 3, Duration.ofMinutes(3));
      Kill kill = killATaskManagerAndAwaitRestore(run, job);
      long killedAt = kill.at();
      CheckpointStats stats = kill.stats();
      run.assertExactlyOncePredictions();

      long publishEvery = dev.eddy.core.spec.JobSpec.Models.DEFAULT_PUBLISH_EVERY;
      List<Long> expected = new java.util.ArrayList<>();
      for (long n = publishEvery; n <= EVENTS; n += publishEvery) {
        expected.add(n);
      }
      long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
      List<Long> updates;
      do {
        TimeUnit.SECONDS.sleep(2);
        updates = run.models().stream().filter(m -> m.getReason().equals("update")).map(m -> m.getExamples()).toList();
      } while (!updates.contains(expected.get(expected.size() - 1)) && System.nanoTime() < deadline);
      assertThat(updates).as("labelled examples at each published update").isEqualTo(expected);
      assertThat(run.modelBirths()).isEqualTo(1);
      measured("taskmanager-kill-labels-later", String.format(Locale.ROOT,
          "events=%d rate=%d/s label-delay=%d events kill->restore=%d ms restored-checkpoint=%d",
          EVENTS, RATE, RATE, stats.restored().restoreTimestamp() - killedAt, stats.restored().checkpointId()));
    }
  }

  /**
   * One global model trained by 2 replicas ({@code models.replicas: 2}, one per TaskManager, rounds
   * every 5,000 labelled examples per replica or every 2 s, whichever comes first), on twice the
   * usual stream, so that the rounds, which take at least a checkpoint each, are still going when a
   * TaskManager is killed, a quarter into the stream, while rounds merge through the replica-sync topic. Read with read_committed: every event
   * has one prediction; the merged versions on the models topic are 2, 3, 4, ... (none twice, none
   * skipped); every merged round has one contribution of each replica; each merged version's example
   * count is the sum of the contributions merged up to it, and the last one, once the stream ended
   * and the time-based rounds merged what was left, is the number of labelled examples: none lost,
   * none counted twice. Each replica's model was born once (restored, not started again).
   */
  @Test
  @Order(5)
  void aKilledTaskManagerWhileReplicasMergeLosesAndDoubleCountsNoExample() throws Exception {
    String models = "models: {publish-every: 0, replicas: 2, merge-every: 5000, merge-interval: 2s}\n";
    long events = 2 * EVENTS;
    try (JobRun run = new JobRun("e2e-replicas", kafka.bootstrap(), cluster.rest(), events, models)) {
      String job = run.submit(null);
      run.feed(RATE);
      run.awaitPredictions(events / 4, Duration.ofMinutes(3));
      awaitMerges(run, 2, Duration.ofMinutes(1));
      int mergedBefore = merges(run).size();
      Kill kill = killATaskManagerAndAwaitRestore(run, job);
      run.assertExactlyOncePredictions();

      long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
      List<ModelSnapshot> merges = merges(run);
      while (merges.get(merges.size() - 1).getExamples() < events && System.nanoTime() < deadline) {
        TimeUnit.SECONDS.sleep(2); // the last rounds merge by time after the stream's end
        merges = merges(run);
      }
      List<ReplicaContribution> sync = run.committed(Replicas.syncTopic(run.name()), Topics.REPLICA_CONTRIBUTION);
      assertThat(merges.size()).as("rounds merged after the restore").isGreaterThan(mergedBefore);
      for (int k = 0; k < merges.size(); k++) {
        long round = k + 1;
        assertThat(merges.get(k).getVersion()).as("merged versions in order, none twice or skipped").isEqualTo(round + 1);
        assertThat(sync.stream().filter(c -> c.getRound() == round).map(ReplicaContribution::getReplica).toList())
            .as("round %d: one committed contribution of each replica", round).containsExactlyInAnyOrder(0, 1);
        long contributed = sync.stream().filter(c -> c.getRound() <= round).mapToLong(ReplicaContribution::getExamples).sum();
        assertThat(merges.get(k).getExamples()).as("round %d merged every contribution up to it, once", round).isEqualTo(contributed);
      }
      assertThat(merges.get(merges.size() - 1).getExamples()).as("every labelled example merged, once").isEqualTo(events);
      assertThat(sync.stream().mapToLong(ReplicaContribution::getRound).max().orElse(0)).as("no round left open")
          .isEqualTo(merges.size());
      assertThat(run.modelBirths()).as("'initial' versions: one per replica, none after the restore").isEqualTo(2);
      assertThat(run.models()).filteredOn(m -> m.getReason().equals("merge"))
          .allSatisfy(m -> assertThat(m.getModelKey()).isEqualTo("global"));
      measured("taskmanager-kill-replicas", String.format(Locale.ROOT,
          "events=%d rate=%d/s replicas=2 merge-every=5000 merge-interval=2s kill->restore=%d ms restored-checkpoint=%d"
              + " rounds=%d (%d before the kill)",
          events, RATE, kill.stats().restored().restoreTimestamp() - kill.at(), kill.stats().restored().checkpointId(),
          merges.size(), mergedBefore));
    }
  }

  /** The committed merged versions of the global model ({@code reason: merge}), in order. */
  private static List<ModelSnapshot> merges(JobRun run) {
    return run.models().stream().filter(m -> m.getReason().equals("merge")).toList();
  }

  private static void awaitMerges(JobRun run, int n, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (merges(run).size() < n) {
      assertThat(System.nanoTime()).as(n + " merged rounds").isLessThan(deadline);
      TimeUnit.MILLISECONDS.sleep(500);
    }
  }

  /**
   * The model came back from state rather than starting again: a fresh model (zero weights) scores
   * its first event exactly 0, the first prediction after resuming does not; the model was born once
   * (one "initial" version on the models topic, none after the restore); its accuracy right after
   * resuming is at the level it had before, and above a fresh model's over its first 100 events.
   */
  private static void assertModelCarriedOn(JobRun run, Continuity c) {
    assertThat(c.firstScore()).as("a fresh model's first score (zero weights); " + c).isZero();
    assertThat(c.firstScoreAfter()).as("first score after resuming; " + c).isNotZero();
    assertThat(run.modelBirths()).as("'initial' versions of the model on the models topic").isEqualTo(1);
    assertThat(c.after()).as("accuracy right after resuming vs before; " + c).isGreaterThan(c.before() - 0.05);
    assertThat(c.after()).as("accuracy right after resuming vs a fresh model's; " + c).isGreaterThan(c.fresh());
  }

  /**
   * After a completed checkpoint, SIGKILLs a TaskManager that runs the job, starts a replacement and
   * waits until the job has restored and runs again.
   */
  private static Kill killATaskManagerAndAwaitRestore(JobRun run, String job) throws InterruptedException {
    awaitCheckpoint(job);
    long killedAt = System.currentTimeMillis();
    cluster.killLiveTaskManager();
    cluster.startTaskManager();
    CheckpointStats stats = awaitRestoreAfter(job, killedAt);
    run.awaitRunning(job, Duration.ofMinutes(2));
    return new Kill(killedAt, stats);
  }

  /** When a TaskManager was killed, and the job's checkpoint statistics after it restored. */
  private record Kill(long at, CheckpointStats stats) {}

  private static void awaitCheckpoint(String job) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
    while (cluster.rest().checkpoints(job).completed() == 0) {
      assertThat(System.nanoTime()).as("a completed checkpoint").isLessThan(deadline);
      TimeUnit.MILLISECONDS.sleep(200);
    }
  }

  private static CheckpointStats awaitRestoreAfter(String job, long since) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
    while (true) {
      CheckpointStats s = cluster.rest().checkpoints(job);
      if (s.restored() != null && s.restored().restoreTimestamp() >= since) {
        return s;
      }
      assertThat(System.nanoTime()).as("a restore of job " + job + " after the kill").isLessThan(deadline);
      TimeUnit.MILLISECONDS.sleep(100);
    }
  }

  private static void measured(String what, String line) throws IOException {
    System.out.println(what + ": " + line);
    Files.writeString(dir.getParent().resolve("measurements.txt"), what + ": " + line + System.lineSeparator(),
        StandardOpenOption.CREATE, StandardOpenOption.APPEND);
  }
}
