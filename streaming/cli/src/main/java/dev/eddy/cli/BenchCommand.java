package dev.eddy.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.eddy.cli.bench.EndToEndBenchmark;
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

  @Option(names = "--rounds", defaultValue = "3", description = "Rounds of --metrics-cost or --guard-cost (default: ${DEFAULT-VALUE}).")
  int rounds;

  @Option(names = "--guard-cost", description = "Instead: the job without and with the poisoning guard (every rule on, none refusing), over the same clean events, alternating for --rounds rounds.")
  boolean guardCost;

  @Override
  public Integer call() throws Exception {
    if (events < 1) {
      throw new IllegalArgumentException("--events must be >= 1, got " + events);
    }
    if (badPercent < 0 || badPercent > 100) {
      throw new IllegalArgumentException("--bad-percent must be in 0..100, got " + badPercent);
    }
    Path dir = Files.createDirectories(Path.of(".eddy", "bench")).resolve("run-" + System.currentTimeMillis());
    if (guardCost) {
      GuardCost.Result g = GuardCost.run(events, rounds, dir, System.out);
      System.out.printf("%nevents %d, rounds %d%nguard off  median %,.0f events/s  %s%nguard on   median %,.0f events/s  %s"
          + "%nratio on/off %.3f%n", g.events(), g.rounds(), g.offMedian(), java.util.Arrays.toString(g.offPerSecond()),
          g.onMedian(), java.util.Arrays.toString(g.onPerSecond()), g.ratio());
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
