package dev.eddy.cli.bench;

import dev.eddy.cli.kafka.KafkaBroker;
import dev.eddy.core.kafka.CheckedProducer;
import dev.eddy.core.kafka.JobKafka;
import dev.eddy.core.kafka.KafkaConnection;
import dev.eddy.core.kafka.TopicAdmin;
import dev.eddy.core.spec.JobSpec;
import dev.eddy.core.spec.JobSpecReader;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The scale benchmarks of issue 14, each next to its baseline in the same run, on an embedded broker
 * and a MiniCluster at parallelism 1, the demo's job (PA-I, HDDM-A with background retraining,
 * exactly-once, 2 s checkpoints unless said):
 * <ul>
 *   <li>{@link #transactional}: per input format and round, the plain passthrough, the transactional
 *       passthrough ({@link TransactionalPassthrough}) and the job over the same records, after one job run
 *       not counted (the JIT's warm-up);
 *   <li>{@link #scaling}: the job at parallelism 1 and at P over the same P-partition topic of a keyed
 *       stream, and the rate at P over the rate at 1;
 *   <li>{@link #keys}: the job over a stream of one model key, then over the same stream with N keys
 *       (uniform or Zipf), then the one-key stream again (the faster one-key run is the baseline: the
 *       first run pays the JIT's warm-up); live heap, checkpoint duration and sizes of each.
 * </ul>
 */
public final class ScaleBenchmark {
  private ScaleBenchmark() {}

  /**
   * One round of one format: the rates of the plain and the transactional passthrough and of the job, over
   * the whole of each run ({@code whole}: records ÷ the run's time, the job's net runtime) and in the steady
   * state ({@code steady}: the output topic's rate from 20 % to 90 % of the records, {@link OutputRate}),
   * with the CPU each used.
   */
  public record Throughput(String format, int round, long events, Rates whole, Rates steady, JobProbe job,
      double plainCpuSeconds, double transactionalCpuSeconds) {}

  /** Records per second of the plain passthrough, the transactional passthrough and the job; the job's ratios to each. */
  public record Rates(double plainPerSecond, double transactionalPerSecond, double jobPerSecond) {
    public double ratioToPlain() {
      return jobPerSecond / plainPerSecond;
    }

    public double ratioToTransactional() {
      return jobPerSecond / transactionalPerSecond;
    }
  }

  /** CPU time of this whole JVM so far (the embedded broker included). */
  static double processCpuSeconds() {
    return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime() / 1e9;
  }

  /**
   * One format's scaling: the keyed job over the same {@code partitions}-partition topic at parallelism 1
   * (the faster of two runs) and at {@code parallelism}; {@code scaling} = the rate at {@code parallelism} / the rate at 1.
   */
  public record Scaling(String format, long events, int keys, int partitions, int parallelism, double onePerSecond,
      double parallelPerSecond, double scaling) {}

  /** Model keys of the scaling runs' stream: enough that both subtasks get about half of the events. */
  static final int SCALING_KEYS = 64;

  /** One job run of the keys benchmark. */
  public record KeysRun(String stream, long distinctKeys, double perSecond, JobProbe probe, double stateBytesPerModel) {}

  /** The keys benchmark: its runs in order, and the many-keys rate over the best one-key rate. */
  public record Keys(long events, int keys, String skew, List<KeysRun> runs, double ratio) {}

  /** The spec of a bench job {@code name} over {@code events}. */
  static JobSpec spec(String bootstrap, String name, String events, String format, boolean keyed, String guarantee,
      String interval) {
    return spec(bootstrap, name, events, format, keyed, guarantee, interval, 1);
  }

  /** The spec of a bench job {@code name} over {@code events}, at {@code parallelism}. */
  static JobSpec spec(String bootstrap, String name, String events, String format, boolean keyed, String guarantee,
      String interval, int parallelism) {
    String t = name + "-";
    return JobSpecReader.parse(String.join("\n",
        "name: " + name,
        "kafka:",
        "  bootstrap: " + bootstrap,
        "  topics: {events: " + events + ", labels: " + t + "labels, predictions: " + t + "predictions, drift: " + t
            + "drift, models: " + t + "models, dead-letter: " + t + "dlq}",
        "input: {format: " + format + (keyed ? ", model-key: key" : "") + "}",
        "features: [x1, x2, x3, x4, x5]",
        "learner: {type: pa-i, C: 0.01}",
        "drift: {detector: hddm-a, retrain: background}",
        "checkpoint: {interval: " + interval + ", guarantee: " + guarantee + "}",
        parallelism == 1 ? "" : "parallelism: " + parallelism,
        ""));
  }

  /**
   * Per format, {@code rounds} rounds of the plain passthrough, the transactional passthrough and the job over
   * the same records, after one job run not counted. Rounds, because on two cores the JIT is still compiling
   * the broker's, the clients' and Flink's code a minute into the process (its compiler thread took a third
   * of the CPU during a measured job of 500,000 events, BENCHMARKS.md): later rounds measure the steady state
   * a long-running job has.
   */
  public static List<Throughput> transactional(long events, List<String> formats, int rounds, Path workDir,
      PrintStream out) throws Exception {
    List<Throughput> results = new ArrayList<>();
    try (KafkaBroker broker = KafkaBroker.start(0, workDir.resolve("kafka"))) {
      String bootstrap = broker.bootstrapServers();
      for (String format : formats) {
        String topic = format + "-events";
        TopicAdmin.ensureTopics(KafkaConnection.of(bootstrap), List.of(topic), 1, Set.of());
        out.println("producing " + events + " " + format + " events ...");
        try (CheckedProducer p = new CheckedProducer(KafkaConnection.of(bootstrap))) {
          new KeyedStream(format, 1, "uniform", events, 7).produce(p, topic, events);
        }
      }
      // the first job in the JVM pays the JIT's warm-up and the MiniCluster's class loading: run one, not counted
      String first = formats.get(0);
      out.println("warm-up: Eddy job over the " + first + " events (not counted) ...");
      JobSpec warmUp = spec(bootstrap, "warmup-" + first, first + "-events", first, false, "exactly-once", "1s");
      JobKafka.prepare(warmUp);
      JobProbe.run(warmUp, workDir.resolve("warmup-" + first), false);
      for (int round = 1; round <= rounds; round++) {
        for (String format : formats) {
          results.add(transactionalRound(bootstrap, format, events, round, workDir, out));
        }
      }
    }
    return results;
  }

  /** One round of one format: the plain passthrough, the transactional one and the job, each over the same records. */
  private static Throughput transactionalRound(String bootstrap, String format, long events, int round, Path workDir,
      PrintStream out) throws Exception {
    String topic = format + "-events";
    String run = format + "-" + round;
    TopicAdmin.ensureTopics(KafkaConnection.of(bootstrap), List.of(run + "-plain", run + "-tx"), 1, Set.of());
    out.println("round " + round + ", " + format + ": plain passthrough ...");
    double cpu0 = processCpuSeconds();
    OutputRate.Measured plain = OutputRate.measure(bootstrap, run + "-plain", events,
        () -> EndToEndBenchmark.passthrough(bootstrap, topic, run + "-plain", events));
    double cpu1 = processCpuSeconds();
    out.println("round " + round + ", " + format + ": transactional passthrough (1 s commits, read_committed) ...");
    OutputRate.Measured tx = OutputRate.measure(bootstrap, run + "-tx", events,
        () -> TransactionalPassthrough.run(bootstrap, topic, run + "-tx", events));
    double cpu2 = processCpuSeconds();
    out.println("round " + round + ", " + format + ": Eddy job, exactly-once, bounded ...");
    JobSpec spec = spec(bootstrap, "tx-" + run, topic, format, false, "exactly-once", "1s");
    JobKafka.prepare(spec);
    JobProbe[] probe = new JobProbe[1];
    OutputRate.Measured job = OutputRate.measure(bootstrap, "tx-" + run + "-predictions", events, () -> {
      probe[0] = JobProbe.run(spec, workDir.resolve("tx-" + run), false);
      return probe[0].seconds();
    });
    out.println("round " + round + ", " + format + ": checking that the job committed one prediction per event ...");
    EndToEndBenchmark.requirePredictions(bootstrap, "tx-" + run + "-predictions", events);
    return new Throughput(format, round, events, new Rates(plain.perSecond(), tx.perSecond(), job.perSecond()),
        new Rates(plain.steadyPerSecond(), tx.steadyPerSecond(), job.steadyPerSecond()), probe[0], cpu1 - cpu0,
        cpu2 - cpu1);
  }

  /**
   * Per format: {@link #SCALING_KEYS} keys (uniform) on a topic of {@code parallelism} partitions, the job
   * keyed by them (exactly-once, 1 s checkpoints) at parallelism 1, at {@code parallelism}, and at 1 again (the
   * faster run at 1 is the baseline).
   */
  public static List<Scaling> scaling(long events, List<String> formats, int parallelism, Path workDir, PrintStream out)
      throws Exception {
    if (parallelism < 2) {
      throw new IllegalArgumentException("--parallelism must be >= 2 to measure scaling, got " + parallelism);
    }
    List<Scaling> results = new ArrayList<>();
    try (KafkaBroker broker = KafkaBroker.start(0, workDir.resolve("kafka"))) {
      String bootstrap = broker.bootstrapServers();
      for (String format : formats) {
        String topic = format + "-keyed-events";
        TopicAdmin.ensureTopics(KafkaConnection.of(bootstrap), List.of(topic), parallelism, Set.of());
        out.println("producing " + events + " " + format + " events of " + SCALING_KEYS + " keys on " + parallelism
            + " partitions ...");
        try (CheckedProducer p = new CheckedProducer(KafkaConnection.of(bootstrap))) {
          new KeyedStream(format, SCALING_KEYS, "uniform", events, 7).produce(p, topic, events);
        }
        // 1, P, then 1 again: the first job in the JVM pays the JIT's warm-up, so the faster run at 1 is the baseline
        int[] levels = {1, parallelism, 1};
        double[] rates = new double[levels.length];
        for (int i = 0; i < levels.length; i++) {
          String name = "p" + levels[i] + "-" + i + "-" + format;
          out.println(format + ": Eddy job keyed, exactly-once, bounded, parallelism " + levels[i] + " ...");
          JobSpec spec = spec(bootstrap, name, topic, format, true, "exactly-once", "1s", levels[i]);
          JobKafka.prepare(spec);
          rates[i] = events / JobProbe.run(spec, workDir.resolve(name), false).seconds();
          EndToEndBenchmark.requirePredictions(bootstrap, name + "-predictions", events);
        }
        double one = Math.max(rates[0], rates[2]);
        results.add(new Scaling(format, events, SCALING_KEYS, parallelism, parallelism, one, rates[1], rates[1] / one));
      }
    }
    return results;
  }

  public static Keys keys(long events, int keys, String skew, Path workDir, PrintStream out) throws Exception {
    List<KeysRun> runs = new ArrayList<>();
    try (KafkaBroker broker = KafkaBroker.start(0, workDir.resolve("kafka"))) {
      String bootstrap = broker.bootstrapServers();
      TopicAdmin.ensureTopics(KafkaConnection.of(bootstrap), List.of("one-events", "many-events"), 1, Set.of());
      long oneKeys;
      long manyKeys;
      try (CheckedProducer p = new CheckedProducer(KafkaConnection.of(bootstrap))) {
        out.println("producing " + events + " events of one key ...");
        oneKeys = new KeyedStream("avro", 1, "uniform", events, 7).produce(p, "one-events", events);
        out.println("producing the same " + events + " events over " + keys + " keys (" + skew + ") ...");
        manyKeys = new KeyedStream("avro", keys, skew, events, 7).produce(p, "many-events", events);
      }
      String[][] order = {{"one", "one-events"}, {"many", "many-events"}, {"one-again", "one-events"}};
      for (String[] run : order) {
        out.println("Eddy job over " + run[1] + " (" + run[0] + ") ...");
        JobSpec spec = spec(bootstrap, "keys-" + run[0], run[1], "avro", true, "exactly-once", "2s");
        JobKafka.prepare(spec);
        JobProbe probe = JobProbe.run(spec, workDir.resolve(run[0]));
        EndToEndBenchmark.requirePredictions(bootstrap, "keys-" + run[0] + "-predictions", events);
        long distinct = run[1].equals("one-events") ? oneKeys : manyKeys;
        runs.add(new KeysRun(run[0], distinct, events / probe.seconds(), probe, (double) probe.stateBytes() / distinct));
      }
    }
    double one = Math.max(runs.get(0).perSecond(), runs.get(2).perSecond());
    return new Keys(events, keys, skew, runs, runs.get(1).perSecond() / one);
  }
}
