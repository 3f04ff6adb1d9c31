package dev.eddy.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.eddy.cli.demo.Demo;
import dev.eddy.cli.demo.DemoSummary;
import dev.eddy.cli.local.PrometheusEndpoint;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.apache.flink.configuration.Configuration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code bin/eddy demo}: the whole system embedded in one process. */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Runs Eddy end to end with everything embedded, and prints a summary.",
      "A real Kafka broker (KRaft) in this process, a seeded hyperplane stream with concept drift at",
      "known points, the Eddy job on a local Flink MiniCluster (RocksDB, checkpoints, exactly-once",
      "outputs) and live progress."
    })
public final class DemoCommand implements Callable<Integer> {
  @Option(names = "--events", defaultValue = "100000", description = "Stream length (default: ${DEFAULT-VALUE}).")
  long events;

  @Option(names = "--bad-records", defaultValue = "6", description = "Malformed records mixed into the stream, to show the dead-letter topic (default: ${DEFAULT-VALUE}).")
  int badRecords;

  @Option(names = "--seed", defaultValue = "42", description = "Seed of the stream (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--summary", description = "Also write the summary as JSON to this file.")
  Path summaryFile;

  @Option(names = "--report", description = "Also draw a report: FILE.html, the report of bin/eddy report (with the true change points); any other name, prequential accuracy over time with the detected drifts and the true change points (PNG).")
  Path report;

  @Option(names = "--work-dir", description = "Kafka data and checkpoints (default: a new directory under .eddy/demo).")
  Path workDir;

  @Option(names = "--label-delay", paramLabel = "N",
      description = "Labels that come later: the events go unlabelled and each label follows on the labels topic N events"
          + " after its event (as produce --labels-topic sends them); the summary adds the labels matched, expired and"
          + " early (default: each label rides on its event).")
  Integer labelDelay;

  @Option(names = "--metrics-port", paramLabel = "PORT",
      description = "Serve the job's metrics for Prometheus on http://127.0.0.1:PORT/metrics while it runs.")
  Integer metricsPort;

  @Override
  public Integer call() throws Exception {
    if (events < 1) {
      throw new IllegalArgumentException("--events must be >= 1, got " + events);
    }
    if (badRecords < 0) {
      throw new IllegalArgumentException("--bad-records must be >= 0, got " + badRecords);
    }
    if (labelDelay != null && labelDelay < 0) {
      throw new IllegalArgumentException("--label-delay must be >= 0, got " + labelDelay);
    }
    Configuration metrics = metricsPort == null ? new Configuration() : PrometheusEndpoint.on(metricsPort);
    Path dir = workDir != null ? workDir : Files.createDirectories(Path.of(".eddy", "demo"))
        .resolve("run-" + System.currentTimeMillis());
    Demo demo = new Demo(new Demo.Options(events, badRecords, seed, dir, report,
        labelDelay == null ? -1 : labelDelay), System.out);
    demo.with(metrics);
    if (metricsPort != null) {
      System.out.println("Metrics for Prometheus on http://127.0.0.1:" + metricsPort + "/metrics while the job runs");
    }
    DemoSummary s = demo.run();
    System.out.printf("%nDone: %d events, %d predictions committed, prequential accuracy %.3f, %d dead letters,"
        + " %.0f events/s (%.1f s).%n", s.events(), s.predictions(), s.accuracy(), s.deadLetters(),
        s.eventsPerSecond(), s.wallSeconds());
    for (long truth : s.driftPoints()) {
      Long found = s.drifts().stream().filter(d -> d >= truth).findFirst().orElse(null);
      System.out.println("  concept change at " + truth + ": " + (found == null || found >= truth + s.events() / 4
          ? "not detected" : "drift detected at " + found + " (delay " + (found - truth) + ")"));
    }
    System.out.println("  model versions: " + s.modelVersions() + "; all detected drifts: " + s.drifts());
    if (s.labelDelay() != null) {
      System.out.printf("  labels %d events later: %d matched (%d of them early, before their event), %d expired;"
          + " the accuracy above scores each prediction, made before its label came, against that label%n", s.labelDelay(), s.labelsMatched(),
          s.labelsEarly(), s.labelsExpired());
    }
    if (report != null) {
      System.out.println("Report drawn to " + report);
    }
    if (summaryFile != null) {
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(summaryFile.toFile(), s);
      System.out.println("Summary written to " + summaryFile);
    }
    return 0;
  }
}
