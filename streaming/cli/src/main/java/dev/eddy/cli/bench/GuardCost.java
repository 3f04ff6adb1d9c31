package dev.eddy.cli.bench;

import dev.eddy.cli.kafka.KafkaBroker;
import dev.eddy.cli.local.LocalRunner;
import dev.eddy.cli.workload.SeededWorkload;
import dev.eddy.core.kafka.CheckedProducer;
import dev.eddy.core.kafka.JobKafka;
import dev.eddy.core.kafka.KafkaConnection;
import dev.eddy.core.spec.JobSpec;
import dev.eddy.core.spec.JobSpecReader;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * The throughput cost of the poisoning guard ({@code bench --guard-cost}): the demo's job over the same
 * pre-produced clean events without a guard and with {@link #GUARD} (every rule on, none refusing on the
 * demo's stream of 1000 events per second of record time), alternating the order in each round after a
 * warm-up run that counts for neither; each run must commit one prediction per event.
 */
public final class GuardCost {
  /** The guard of the guarded runs: every rule, with the bounds BENCHMARKS.md measures accuracy with. */
  public static final String GUARD = "guard: {max-z: 6, max-learn-rate: 1100, max-step: 1, max-label-age: 1d}\n";

  /**
   * @param offPerSecond events/s (net runtime) of each run without the guard, in run order
   * @param onPerSecond events/s of each run with it
   * @param ratio median with / median without
   */
  public record Result(long events, int rounds, double[] offPerSecond, double[] onPerSecond, double offMedian,
      double onMedian, double ratio) {}

  private GuardCost() {}

  public static Result run(long events, int rounds, Path workDir, PrintStream out) throws Exception {
    if (rounds < 1) {
      throw new IllegalArgumentException("--rounds must be >= 1, got " + rounds);
    }
    try (KafkaBroker broker = KafkaBroker.start(0, workDir.resolve("kafka"))) {
      String bootstrap = broker.bootstrapServers();
      JobKafka.prepare(MetricsCost.spec(bootstrap, "guard-producer"));
      out.println("producing " + events + " events ...");
      try (CheckedProducer p = new CheckedProducer(KafkaConnection.of(bootstrap))) {
        SeededWorkload.produce(p, "events", events, 0, 7, n -> {});
      }
      out.printf("warm-up run: %,.0f events/s (not counted)%n", events / job(bootstrap, "guard-warm-up", false, events, workDir));
      double[] off = new double[rounds];
      double[] on = new double[rounds];
      for (int r = 0; r < rounds; r++) {
        for (boolean guarded : r % 2 == 0 ? new boolean[] {false, true} : new boolean[] {true, false}) {
          double rate = events / job(bootstrap, "guard-" + (guarded ? "on" : "off") + "-" + r, guarded, events, workDir);
          out.printf("round %d, guard %s: %,.0f events/s%n", r + 1, guarded ? "on " : "off", rate);
          (guarded ? on : off)[r] = rate;
        }
      }
      double offMedian = MetricsCost.median(off);
      double onMedian = MetricsCost.median(on);
      return new Result(events, rounds, off, on, offMedian, onMedian, onMedian / offMedian);
    }
  }

  /** Runs the demo's job as {@code name}, with or without the guard; checks its predictions; returns the net seconds. */
  private static double job(String bootstrap, String name, boolean guarded, long events, Path workDir) throws Exception {
    JobSpec spec = JobSpecReader.parse(MetricsCost.specText(bootstrap, name) + (guarded ? GUARD : ""));
    JobKafka.prepare(spec);
    double seconds = LocalRunner.run(spec, true, workDir.resolve(name)).getNetRuntime() / 1000.0;
    EndToEndBenchmark.requirePredictions(bootstrap, name + "-predictions", events);
    return seconds;
  }
}
