package dev.eddy.cli.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eddy.cli.workload.PredictionTally;
import dev.eddy.core.kafka.KafkaClients;
import dev.eddy.core.kafka.KafkaConnection;
import dev.eddy.core.kafka.TopicAdmin;
import dev.eddy.schemas.ModelSnapshot;
import dev.eddy.schemas.codec.Topics;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * One end-to-end scenario on a cluster: its own topics, the Eddy job submitted over REST at
 * parallelism 2 (exactly-once, checkpoints every second), a paced stream of labelled events, and a
 * read_committed view of the predictions. Closing it cancels its jobs and stops its threads.
 */
final class JobRun implements AutoCloseable {
  static final int PARALLELISM = 2;
  private final String name;
  private final String bootstrap;
  private final FlinkRestClient rest;
  private final long events;
  private final String specExtra;
  private final List<String> jobs = new ArrayList<>();
  private PacedFeeder feeder;
  private PredictionLog log;
  private int badRecords;

  JobRun(String name, String bootstrap, FlinkRestClient rest, long events) {
    this(name, bootstrap, rest, events, "");
  }

  /** @param specExtra YAML appended to the spec (e.g. a {@code models:} section) */
  JobRun(String name, String bootstrap, FlinkRestClient rest, long events, String specExtra) {
    this.name = name;
    this.bootstrap = bootstrap;
    this.rest = rest;
    this.events = events;
    this.specExtra = specExtra;
    // one events partition per source subtask; the job's other topics as bin/eddy submit creates them
    TopicAdmin.ensureTopics(KafkaConnection.of(bootstrap), List.of(topic("events")), PARALLELISM, Set.of());
    TopicAdmin.ensureTopics(KafkaConnection.of(bootstrap), List.of(topic("predictions"), topic("dlq"), topic("labels"), topic("drift"),
        topic("models")), 1, Set.of(topic("models")));
  }

  String topic(String role) {
    return name + "-" + role;
  }

  /** The spec: {@link ClusterBenchmark#spec}, outputs on {@code <name>-<role>} topics, and the extra YAML. */
  String spec() {
    return ClusterBenchmark.spec(name, bootstrap, topic("events")) + specExtra;
  }

  String name() {
    return name;
  }

  /** Submits the job (from a savepoint when not null) and waits until all its tasks run. */
  String submit(String fromSavepoint) throws InterruptedException {
    String jobId = new JobSubmitter(rest).submit(FlinkDistribution.locate().requireJobJar(),
        new JobSubmitter.Submission(spec(), PARALLELISM, fromSavepoint, false));
    jobs.add(jobId);
    awaitRunning(jobId, Duration.ofMinutes(2));
    return jobId;
  }

  /** Cancels {@code jobId} too when this run closes (a job submitted some other way, e.g. by the CLI). */
  void track(String jobId) {
    jobs.add(jobId);
  }

  /** Starts producing the stream at {@code perSecond} and tailing the predictions. */
  void feed(int perSecond) {
    feed(perSecond, -1);
  }

  /** The same, with the labels on the labels topic {@code labelDelay} events later ({@code < 0}: on the events). */
  void feed(int perSecond, int labelDelay) {
    log = new PredictionLog(bootstrap, topic("predictions"));
    feeder = new PacedFeeder(bootstrap, topic("events"), labelDelay < 0 ? null : topic("labels"), Math.max(0, labelDelay),
        events, perSecond, name.hashCode());
  }

  /** Starts producing the stream with {@code badRecords} malformed records mixed in, and tailing the predictions. */
  void feedWithBadRecords(int perSecond, int badRecords) {
    this.badRecords = badRecords;
    log = new PredictionLog(bootstrap, topic("predictions"));
    feeder = new PacedFeeder(bootstrap, topic("events"), null, 0, events, badRecords, perSecond, name.hashCode());
  }

  /**
   * After {@link #assertExactlyOncePredictions}: every malformed record fed is on the dead-letter topic
   * exactly once (read_committed), whatever failed in between.
   */
  void assertExactlyOnceDeadLetters() {
    List<ByteBuffer> values = new ArrayList<>();
    KafkaClients.readAll(KafkaConnection.of(bootstrap), topic("dlq"), true, 0, Duration.ofSeconds(2), r -> {
      try {
        values.add(Topics.DEAD_LETTER.decode(r.value()).getValue());
      } catch (IOException e) {
        throw new AssertionError("the dead-letter topic holds a record that is not a DeadLetter", e);
      }
    });
    assertThat(values).as("dead letters").hasSize(badRecords);
    assertThat(new HashSet<>(values)).as("distinct dead-lettered records").hasSize(badRecords);
  }

  PredictionLog log() {
    return log;
  }

  long events() {
    return events;
  }

  /**
   * Waits until {@code n} predictions are visible; fails early if the feeder failed, and names the
   * dead letters' first reason if the job rejected the events.
   */
  void awaitPredictions(long n, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (log.count() < n) {
      feeder.check();
      if (System.nanoTime() > deadline) {
        List<String> reasons = new ArrayList<>();
        KafkaClients.readAll(KafkaConnection.of(bootstrap), topic("dlq"), false, 1, Duration.ofSeconds(2), r -> reasons.add(deadLetterReason(r.value())));
        throw new AssertionError("only " + log.count() + " of " + n + " predictions visible after " + timeout
            + (reasons.isEmpty() ? "" : "; dead letters, e.g.: " + reasons.get(0)));
      }
      TimeUnit.MILLISECONDS.sleep(100);
    }
  }

  private static String deadLetterReason(byte[] value) {
    try {
      return Topics.DEAD_LETTER.decode(value).getReason();
    } catch (IOException e) {
      return "(not a DeadLetter: " + e.getMessage() + ")";
    }
  }

  void awaitRunning(String jobId, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!rest.allTasksRunning(jobId)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("job " + jobId + " not running after " + timeout + ": " + rest.jobState(jobId));
      }
      TimeUnit.MILLISECONDS.sleep(100);
    }
  }

  /**
   * Waits for the whole stream and its predictions, then checks, reading with read_committed, that
   * every event id has exactly one prediction: none lost, none doubled.
   */
  PredictionTally assertExactlyOncePredictions() throws Exception {
    feeder.await(600);
    awaitPredictions(events, Duration.ofMinutes(3));
    TimeUnit.SECONDS.sleep(3); // more checkpoints commit: a duplicate would show up now
    PredictionTally tally = log.tally();
    List<String> missing = new ArrayList<>();
    for (long i = 0; i < events && missing.size() < 10; i++) {
      if (!tally.contains("e-" + i)) {
        missing.add("e-" + i);
      }
    }
    assertThat(missing).as("event ids without a prediction").isEmpty();
    assertThat(tally.duplicatedIds()).as("event ids with more than one prediction").isZero();
    assertThat(tally.records()).as("predictions").isEqualTo(events);
    assertThat(tally.distinctIds()).isEqualTo(events);
    return tally;
  }

  /** How many times a model was born from scratch: "initial" versions on the models topic (read_committed). */
  long modelBirths() {
    return models().stream().filter(m -> m.getReason().equals("initial")).count();
  }

  /** The committed records of the models topic, in order. */
  List<ModelSnapshot> models() {
    return committed(topic("models"), Topics.MODEL);
  }

  /** The committed records of {@code topic} (read_committed, from the beginning), in order, decoded. */
  <T extends org.apache.avro.specific.SpecificRecordBase> List<T> committed(String topic, dev.eddy.schemas.codec.AvroCodec<T> codec) {
    List<T> out = new ArrayList<>();
    KafkaClients.readAll(KafkaConnection.of(bootstrap), topic, true, 0, Duration.ofSeconds(2), r -> {
      try {
        out.add(codec.decode(r.value()));
      } catch (IOException e) {
        throw new AssertionError("topic " + topic + " holds a record that does not decode", e);
      }
    });
    return out;
  }

  @Override
  public void close() throws Exception {
    if (feeder != null) {
      feeder.close();
    }
    if (log != null) {
      log.close();
    }
    for (String job : jobs) {
      String state = rest.jobState(job);
      if (!state.equals("FINISHED") && !state.equals("CANCELED") && !state.equals("FAILED")) {
        rest.cancel(job);
      }
    }
    for (String job : jobs) {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (!Set.of("FINISHED", "CANCELED", "FAILED").contains(rest.jobState(job)) && System.nanoTime() < deadline) {
        TimeUnit.MILLISECONDS.sleep(200);
      }
    }
  }
}
