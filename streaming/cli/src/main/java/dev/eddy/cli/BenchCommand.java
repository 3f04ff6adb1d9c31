package dev.eddy.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.eddy.cli.bench.EndToEndBenchmark;
import dev.eddy.cli.bench.LabelsLaterBenchmark;
import dev.eddy.cli.bench.LabelsLaterReport;
import dev.eddy.cli.bench.GuardCost;
import dev.eddy.cli.bench.MetricsCost;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code bin/eddy bench}: end-to-end throughput of the job next to a plain Kafka passthrough. */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = {
      "Measures the job's end-to-end events/s next to a plain Kafka passthrough of the same records.",
      "The job runs bounded over pre-produced events on an embedded Kafka and a MiniCluster; the",
      "passthrough consumes and produces the same records."
    })
public final class BenchCommand implements Callable<Integer> {
  @Option(names = "--events", defaultValue = "1000000", description = "Events to pre-produce (default: ${DEFAULT-VALUE}).")
  long events;

  @Option(names = "--json", description = "Also write the result as JSON to this file.")
  Path json;

  @Option(names = "--label-delay", defaultValue = "-1", paramLabel = "N",
      description = "Also run the job over the same stream with every label on the labels topic N events after its event, and compare (default: not run).")
  int labelDelay;

  @Option(names = "--bad-percent", defaultValue = "0", paramLabel = "P",
      description = "Also run the job over the same events with P bad records per 100 events mixed in (dead-lettered), and compare (default: not run).")
  int badPercent;

  @Option(names = "--metrics-cost", description = "Instead: the job with its metrics off, and on with the Prometheus reporter scraped every second, over the same events, alternating for --rounds rounds.")
  boolean metricsCost;

  @Option(names = "--rounds", defaultValue = "3", description = "Rounds of --metrics-cost, --guard-cost or --transactional (default: ${DEFAULT-VALUE}).")
  int rounds;

  @Option(names = "--labels-later", description = "Instead: what labels that come later cost (issue 10): the state and"
      + " checkpoint with --events events waiting for their labels vs none, and evaluate's accuracy on the demo's stream"
      + " with each label --delays rows later.")
  boolean labelsLater;

  @Option(names = "--delays", defaultValue = "0,100,1000", split = ",", paramLabel = "D,...",
      description = "With --labels-later: the delays of evaluate --delay (default: ${DEFAULT-VALUE}).")
  int[] delays;

  @Option(names = "--accuracy-events", defaultValue = "100000", paramLabel = "N",
      description = "With --labels-later: rows of the demo's stream for the accuracy (default: ${DEFAULT-VALUE}, the demo's).")
  long accuracyEvents;

  @Option(names = "--transactional", description = "Instead: per --format, a plain and a transactional passthrough (1 s commits, read_committed) and the job (exactly-once, 1 s checkpoints) over the same records (issue 14).")
  boolean transactional;

  @Option(names = "--format", split = ",", defaultValue = "avro,json", paramLabel = "avro|json[,...]",
      description = "Input formats of --transactional (default: ${DEFAULT-VALUE}).")
  java.util.List<String> formats;

  @Option(names = "--parallelism", defaultValue = "1", paramLabel = "P",
      description = "With --transactional and P >= 2: instead, the job keyed by 64 keys on a P-partition topic at parallelism 1, P and 1 again, and the scaling (default: ${DEFAULT-VALUE}).")
  int parallelism;

  @Option(names = "--keys", defaultValue = "0", paramLabel = "N",
      description = "Instead: the job over the stream with N model keys next to the same stream of one key (default: not run).")
  int keys;

  @Option(names = "--key-skew", defaultValue = "zipf", paramLabel = "zipf|uniform",
      description = "How --keys are drawn: Zipf (exponent 1) or uniform (default: ${DEFAULT-VALUE}).")
  String keySkew;

  @Option(names = "--latency", description = "Instead: the job's maximum rate, then latency percentiles at half of it, at-least-once and exactly-once (1 s and 10 s checkpoints).")
  boolean latency;

  @Option(names = "--latency-seconds", defaultValue = "30", description = "Seconds measured per --latency setting (default: ${DEFAULT-VALUE}).")
  int latencySeconds;

  @Option(names = "--latency-rate", defaultValue = "0", paramLabel = "EV/S",
      description = "Events/s of the --latency runs (default 0: half the measured maximum; on a shared machine a fixed rate compares runs).")
  double latencyRate;

  @Option(names = "--guard-cost", description = "Instead: the job without and with the poisoning guard (every rule on, none refusing), over the same clean events, alternating for --rounds rounds.")
  boolean guardCost;

  @Option(names = "--replicas", defaultValue = "0", paramLabel = "N",
      description = "Instead: one global model trained on N replicas (models.replicas) against one model, on 2 partitions at parallelism 2: rates, accuracy, merge cost (issue 14).")
  int replicas;

  @Option(names = "--merge-every", defaultValue = "1000", paramLabel = "N",
      description = "With --replicas: models.merge-every (default: ${DEFAULT-VALUE}).")
  long mergeEvery;

  @Override
  public Integer call() throws Exception {
    if (transactional || keys > 0 || latency) {
      return ScaleBench.run(this);
    }
    if (events < 1) {
      throw new IllegalArgumentException("--events must be >= 1, got " + events);
    }
    if (badPercent < 0 || badPercent > 100) {
      throw new IllegalArgumentException("--bad-percent must be in 0..100, got " + badPercent);
    }
    Path dir = Files.createDirectories(Path.of(".eddy", "bench")).resolve("run-" + System.currentTimeMillis());
    if (replicas > 0) {
      dev.eddy.cli.bench.ReplicasBenchmark.print(
          dev.eddy.cli.bench.ReplicasBenchmark.run(events, replicas, mergeEvery, dir, System.out), System.out);
      return 0;
    }
    if (guardCost) {
      GuardCost.Result g = GuardCost.run(events, rounds, dir, System.out);
      System.out.printf("%nevents %d, rounds %d%nguard off  median %,.0f events/s  %s%nguard on   median %,.0f events/s  %s"
          + "%nratio on/off %.3f%n", g.events(), g.rounds(), g.offMedian(), java.util.Arrays.toString(g.offPerSecond()),
          g.onMedian(), java.util.Arrays.toString(g.onPerSecond()), g.ratio());
      return 0;
    }
    if (labelsLater) {
      LabelsLaterReport.print(LabelsLaterBenchmark.run(events, accuracyEvents, delays, dir, System.out), System.out, json);
      return 0;
    }
    if (metricsCost) {
      MetricsCost.Result c = MetricsCost.run(events, rounds, dir, System.out);
      System.out.printf("%nevents %d, rounds %d%nmetrics off  median %,.0f events/s  %s%nmetrics on   median %,.0f events/s  %s"
          + "%nratio on/off %.3f (%d scrapes with Eddy's metrics)%n", c.events(), c.rounds(), c.offMedian(),
          java.util.Arrays.toString(c.offPerSecond()), c.onMedian(), java.util.Arrays.toString(c.onPerSecond()), c.ratio(),
          c.scrapes());
      if (json != null) {
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(json.toFile(), c);
      }
      return 0;
    }
    EndToEndBenchmark.Result r = EndToEndBenchmark.run(events, labelDelay, badPercent, dir, System.out);
    System.out.printf("%nevents %d%npassthrough  %.1f s  %,.0f records/s%njob (net)    %.1f s  %,.0f events/s%n"
        + "job (wall)   %.1f s  %,.0f events/s (MiniCluster start-up included)%nratio job/passthrough %.3f%n",
        r.events(), r.passthroughSeconds(), r.passthroughPerSecond(), r.jobSeconds(), r.jobPerSecond(),
        r.jobWallSeconds(), r.jobWallPerSecond(), r.ratio());
    if (labelDelay >= 0) {
      System.out.printf("job, labels %d events later (net)  %.1f s  %,.0f events/s%nratio delayed/immediate %.3f%n",
          labelDelay, r.delayedSeconds(), r.delayedPerSecond(), r.delayedRatio());
    }
    if (badPercent > 0) {
      System.out.printf("job, %d%% bad records mixed in (net)  %.1f s  %,.0f valid events/s%n"
          + "job, clean stream again (net)  %.1f s  %,.0f events/s%nratio with bad/clean again %.3f%n",
          badPercent, r.badSeconds(), r.badPerSecond(), r.cleanAgainSeconds(), r.cleanAgainPerSecond(), r.badRatio());
    }
    if (json != null) {
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(json.toFile(), r);
    }
    return 0;
  }
}
