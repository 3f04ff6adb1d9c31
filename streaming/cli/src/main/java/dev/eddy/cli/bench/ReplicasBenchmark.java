package dev.eddy.cli.bench;

import dev.eddy.cli.kafka.KafkaBroker;
import dev.eddy.cli.local.LocalRunner;
import dev.eddy.core.kafka.CheckedProducer;
import dev.eddy.core.kafka.JobKafka;
import dev.eddy.core.kafka.KafkaClients;
import dev.eddy.core.kafka.KafkaConnection;
import dev.eddy.core.kafka.TopicAdmin;
import dev.eddy.core.replica.RoundMerge;
import dev.eddy.core.spec.JobSpec;
import dev.eddy.core.spec.JobSpecReader;
import dev.eddy.core.spec.Replicas;
import dev.eddy.learners.standardize.Standardizer;
import dev.eddy.schemas.ModelSnapshot;
import dev.eddy.schemas.Prediction;
import dev.eddy.schemas.ReplicaContribution;
import dev.eddy.schemas.codec.Topics;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.flink.core.execution.JobClient;
import org.apache.kafka.clients.consumer.KafkaConsumer;

/**
 * The data-parallel global model of issue 14 ({@code bench --replicas N}): the demo's stream (the
 * labelled hyperplane with a drift at every quarter) on 2 partitions, keyed by event id, through the
 * job at parallelism 2 with one model (the baseline), then N replicas, then both again, alternating
 * (the faster run of each is compared: the first pays the JIT's warm-up, and a shared machine's load
 * varies); exactly-once, 1 s
 * checkpoints, PA-I with HDDM-A and background retraining. The jobs run unbounded (a bounded run
 * would not read back the contributions committed after its start) until every prediction is
 * committed: the rate is of the predictions committed after the first commit, over the span from
 * it to the last (the predictions topic's last stable offset, sampled every 100 ms), so the
 * MiniCluster's start-up is not in it; {@code seconds} is the events over that rate. Also: each run's prequential accuracy (the predictions' label against their predicted
 * label), the merge rounds, and the merge cost per round (RoundMerge over each committed round's
 * contributions, timed here, median of 20).
 */
public final class ReplicasBenchmark {
  private ReplicasBenchmark() {}

  /** One job run. */
  public record Run(String name, int replicas, long events, double seconds, double perSecond, double accuracy,
      long mergeRounds, double mergeMicrosMedian) {}

  /** The runs in order; the best N-replica rate over the best one-model rate; mean accuracy of N − of 1. */
  public record Result(long events, int replicas, long mergeEvery, List<Run> runs, double ratio, double accuracyDelta) {}

  public static Result run(long events, int replicas, long mergeEvery, Path workDir, PrintStream out) throws Exception {
    List<Run> runs = new ArrayList<>();
    try (KafkaBroker broker = KafkaBroker.start(0, workDir.resolve("kafka"))) {
      String bootstrap = broker.bootstrapServers();
      TopicAdmin.ensureTopics(KafkaConnection.of(bootstrap), List.of("rep-events"), 2, Set.of());
      out.println("producing " + events + " events on 2 partitions ...");
      try (CheckedProducer p = new CheckedProducer(KafkaConnection.of(bootstrap))) {
        new KeyedStream("avro", 1, "uniform", events, 7).spreadById().produce(p, "rep-events", events);
      }
      int[] order = {1, replicas, 1, replicas};
      for (int k = 0; k < order.length; k++) {
        String name = "rep-" + k + "-x" + order[k];
        out.println("Eddy job, " + order[k] + " replica(s), parallelism 2 ...");
        runs.add(job(bootstrap, name, order[k], mergeEvery, events, workDir.resolve(name)));
        out.println("  " + runs.get(k));
      }
    }
    double one = Math.max(runs.get(0).perSecond(), runs.get(2).perSecond());
    double many = Math.max(runs.get(1).perSecond(), runs.get(3).perSecond());
    double oneAccuracy = (runs.get(0).accuracy() + runs.get(2).accuracy()) / 2;
    double manyAccuracy = (runs.get(1).accuracy() + runs.get(3).accuracy()) / 2;
    return new Result(events, replicas, mergeEvery, runs, many / one, manyAccuracy - oneAccuracy);
  }

  /** The result as the bench prints it. */
  public static void print(Result r, PrintStream out) {
    out.printf("%nevents %d on 2 partitions, parallelism 2, merge-every %d%n", r.events(), r.mergeEvery());
    for (Run run : r.runs()) {
      out.printf("%-12s %d replica(s)  %.1f s  %,.0f events/s  accuracy %.4f  merge rounds %d  merge %.0f us/round%n",
          run.name(), run.replicas(), run.seconds(), run.perSecond(), run.accuracy(), run.mergeRounds(), run.mergeMicrosMedian());
    }
    out.printf("ratio %d replicas / one model %.3f%naccuracy %d replicas - one model %+.4f%n", r.replicas(), r.ratio(),
        r.replicas(), r.accuracyDelta());
  }

  private static Run job(String bootstrap, String name, int replicas, long mergeEvery, long events, Path dir) throws Exception {
    String t = name + "-";
    JobSpec spec = JobSpecReader.parse(String.join("\n",
        "name: " + name,
        "kafka:",
        "  bootstrap: " + bootstrap,
        "  topics: {events: rep-events, labels: " + t + "labels, predictions: " + t + "predictions, drift: " + t
            + "drift, models: " + t + "models, dead-letter: " + t + "dlq}",
        "features: [x1, x2, x3, x4, x5]",
        "learner: {type: pa-i, C: 0.01}",
        "drift: {detector: hddm-a, retrain: background}",
        "models: {publish-every: 0, replicas: " + replicas + ", merge-every: " + mergeEvery + "}",
        "parallelism: 2",
        "checkpoint: {interval: 1s, guarantee: exactly-once}",
        ""));
    JobKafka.prepare(spec);
    JobClient job = LocalRunner.start(spec, false, dir);
    double perSecond;
    try {
      perSecond = untilAllCommitted(bootstrap, spec.kafka().topics().predictions(), events);
    } finally {
      job.cancel().get();
    }
    EndToEndBenchmark.requirePredictions(bootstrap, spec.kafka().topics().predictions(), events);
    long[] right = new long[2];
    KafkaClients.readAll(KafkaConnection.of(bootstrap), spec.kafka().topics().predictions(), true, 0, Duration.ofSeconds(2), r -> {
      Prediction p = decode(() -> Topics.PREDICTION.decode(r.value()));
      if (p.getLabel() != null) {
        right[0] += p.getLabel().equals(p.getPredictedLabel()) ? 1 : 0;
        right[1]++;
      }
    });
    long[] merges = new long[1];
    KafkaClients.readAll(KafkaConnection.of(bootstrap), spec.kafka().topics().models(), true, 0, Duration.ofSeconds(2), r -> {
      ModelSnapshot m = decode(() -> Topics.MODEL.decode(r.value()));
      merges[0] += m.getReason().toString().equals("merge") ? 1 : 0;
    });
    double micros = replicas > 1 ? mergeMicros(bootstrap, Replicas.syncTopic(name)) : Double.NaN;
    return new Run(name, replicas, events, events / perSecond, perSecond, (double) right[0] / right[1], merges[0], micros);
  }

  /**
   * The job's rate: the predictions committed after the first sample that saw any, over the time from
   * that sample to the last change of the topic's last stable offset (the offsets count the
   * transactions' commit markers too, two per checkpoint here: a 0.01 % overcount at these rates).
   */
  private static double untilAllCommitted(String bootstrap, String topic, long events) throws InterruptedException {
    try (KafkaConsumer<byte[], byte[]> c = KafkaClients.consumer(KafkaConnection.of(bootstrap), topic, true, false)) {
      long first = 0;
      long firstOffset = 0;
      long lastChange = 0;
      long lastOffset = 0;
      long deadline = System.nanoTime() + Duration.ofMinutes(30).toNanos();
      while (System.nanoTime() < deadline) {
        long offset = c.endOffsets(c.assignment()).values().stream().mapToLong(Long::longValue).sum();
        long now = System.nanoTime();
        if (offset != lastOffset) {
          first = lastOffset == 0 ? now : first;
          firstOffset = lastOffset == 0 ? offset : firstOffset;
          lastOffset = offset;
          lastChange = now;
        }
        // the offsets count the transactions' commit markers too: done once past the events and still
        if (offset >= events && now - lastChange > Duration.ofSeconds(5).toNanos()) {
          return (lastOffset - firstOffset) / ((lastChange - first) / 1e9);
        }
        Thread.sleep(100);
      }
      throw new IllegalStateException("the job did not commit " + events + " predictions on " + topic + " within 30 minutes");
    }
  }

  /** The median time of RoundMerge over each committed round's contributions, in µs (20 repetitions each). */
  private static double mergeMicros(String bootstrap, String syncTopic) {
    Map<Long, List<ReplicaContribution>> rounds = new TreeMap<>();
    KafkaClients.readAll(KafkaConnection.of(bootstrap), syncTopic, true, 0, Duration.ofSeconds(2), r -> {
      ReplicaContribution c = decode(() -> Topics.REPLICA_CONTRIBUTION.decode(r.value()));
      rounds.computeIfAbsent(c.getRound(), k -> new ArrayList<>()).add(c);
    });
    List<Double> times = new ArrayList<>();
    for (List<ReplicaContribution> round : rounds.values()) {
      if (round.size() != round.get(0).getReplicas()) {
        continue; // the round under way when the job was cancelled
      }
      round.sort(java.util.Comparator.comparingInt(ReplicaContribution::getReplica));
      double[] samples = new double[20];
      for (int k = 0; k < samples.length; k++) {
        long start = System.nanoTime();
        RoundMerge.merge(round, new Standardizer(5));
        samples[k] = (System.nanoTime() - start) / 1e3;
      }
      Arrays.sort(samples);
      times.add(samples[samples.length / 2]);
    }
    times.sort(Double::compare);
    return times.isEmpty() ? Double.NaN : times.get(times.size() / 2);
  }

  private interface Decoding<T> {
    T get() throws java.io.IOException;
  }

  private static <T> T decode(Decoding<T> decoding) {
    try {
      return decoding.get();
    } catch (java.io.IOException e) {
      throw new IllegalStateException("cannot decode a record of the bench's topics", e);
    }
  }
}
