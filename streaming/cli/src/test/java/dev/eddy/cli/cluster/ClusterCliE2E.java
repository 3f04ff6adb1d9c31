package dev.eddy.cli.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eddy.cli.EddyCli;
import dev.eddy.cli.kafka.KafkaBroker;
import dev.eddy.cli.workload.PredictionTally;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The command line against real processes, as a user runs it: {@code cluster start}, {@code status},
 * {@code submit}, {@code savepoint}, {@code cancel}, {@code submit --from-savepoint}, {@code cluster
 * stop}. The broker runs in this JVM; the cluster (1 TaskManager, 2 slots) in its own processes.
 */
class ClusterCliE2E {
  static final long EVENTS = 3000;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @Test
  void startSubmitSavepointCancelResumeAndStopFromTheCommandLine() throws Exception {
    Path dir = Files.createDirectories(Path.of(System.getProperty("eddy.e2e.dir", "target/e2e"))
        .resolve("cli-" + System.currentTimeMillis()));
    Path work = dir.resolve("cluster");
    Thread cleanup = new Thread(() -> ClusterState.load(work).ifPresent(s -> s.stop(Duration.ofSeconds(20))));
    Runtime.getRuntime().addShutdownHook(cleanup);
    try (KafkaBroker kafka = KafkaBroker.start(0, dir.resolve("kafka"))) {
      assertThat(eddy("cluster", "--work-dir", work.toString(), "start", "--taskmanagers", "1", "--slots", "2")).isZero();
      String jobManager = URI.create(find("Web UI and REST API: (http://\\S+)")).getAuthority();
      assertThat(eddy("cluster", "--work-dir", work.toString(), "status")).isZero();
      assertThat(out.toString()).contains("1 TaskManager(s), 2 of 2 slots free, 0 job(s) running");

      FlinkRestClient rest = FlinkRestClient.of(jobManager);
      try (JobRun run = new JobRun("e2e-cli", kafka.bootstrapServers(), rest, EVENTS)) {
        Path spec = Files.writeString(dir.resolve("job.yaml"), run.spec());
        run.feed(20_000);
        assertThat(eddy("submit", "--jobmanager", jobManager, "--spec", spec.toString(), "--parallelism", "2")).isZero();
        String first = find("Job id: (\\p{XDigit}{32})");
        run.track(first);
        assertThat(out.toString()).contains("Web UI: http://" + jobManager + "/#/job/running/" + first);
        run.awaitPredictions(EVENTS, Duration.ofMinutes(2));
        assertThat(scrapedPredictions(work)).as("eddyPredictions on the cluster's Prometheus endpoints").isEqualTo(EVENTS);

        assertThat(eddy("savepoint", "--jobmanager", jobManager, first, "--dir", dir.resolve("savepoints").toString())).isZero();
        String savepoint = find("Savepoint: (\\S+)");
        assertThat(eddy("cancel", "--jobmanager", jobManager, first)).isZero();
        assertThat(out.toString()).contains("Job " + first + " is CANCELED.");

        // every event was predicted before the savepoint: the resumed job must not predict any again
        assertThat(eddy("submit", "--jobmanager", jobManager, "--spec", spec.toString(), "--parallelism", "2",
            "--from-savepoint", savepoint)).isZero();
        String second = find("Job id: (\\p{XDigit}{32})");
        run.track(second);
        run.awaitRunning(second, Duration.ofMinutes(2));
        CheckpointStats stats = rest.checkpoints(second);
        assertThat(stats.restored()).isNotNull();
        assertThat(stats.restored().externalPath()).isEqualTo(savepoint);
        // without --jobmanager: the cluster of --work-dir, as `cluster start --work-dir` left it
        assertThat(eddy("cancel", "--work-dir", work.toString(), second)).isZero();
        assertThat(out.toString()).contains("Job " + second + " is CANCELED.");
        TimeUnit.SECONDS.sleep(2);
        PredictionTally tally = run.log().tally();
        assertThat(tally.records()).isEqualTo(EVENTS);
        assertThat(tally.distinctIds()).isEqualTo(EVENTS);
      }

      assertThat(eddy("cluster", "--work-dir", work.toString(), "stop")).isZero();
      assertThat(out.toString()).contains("Stopped the Flink cluster at http://" + jobManager + " (2 process(es)).");
      assertThat(eddy("cluster", "--work-dir", work.toString(), "status")).isEqualTo(1);
      assertThat(out.toString()).contains("No cluster running");
    } finally {
      cleanup.run();
      Runtime.getRuntime().removeShutdownHook(cleanup);
    }
  }

  /**
   * The predictions Eddy's metric counts, summed over the Prometheus endpoints of the cluster's processes
   * (the ports the launcher gave the reporter); an endpoint that does not answer counts nothing.
   */
  private static double scrapedPredictions(Path work) throws InterruptedException {
    String ports = org.apache.flink.configuration.GlobalConfiguration.loadConfiguration(work.resolve("conf").toString())
        .getString("metrics.reporter." + dev.eddy.cli.local.PrometheusEndpoint.REPORTER + ".port", "");
    double sum = 0;
    for (String port : ports.split(",")) {
      try {
        sum += dev.eddy.cli.metrics.PrometheusScrape.get("http://127.0.0.1:" + port + "/metrics")
            .sum(dev.eddy.core.metrics.EddyMetric.PREDICTIONS.prometheusName());
      } catch (java.io.IOException e) {
        // a port of the list that no process took
      }
    }
    return sum;
  }

  /** Runs {@code bin/eddy ARGS} in this JVM; its output replaces the previous command's. */
  private int eddy(String... args) {
    out.getBuffer().setLength(0);
    err.getBuffer().setLength(0);
    CommandLine cli = EddyCli.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int rc = cli.execute(args);
    System.out.println("$ eddy " + String.join(" ", args) + "  -> " + rc + "\n" + out + err);
    return rc;
  }

  private String find(String regex) {
    Matcher m = Pattern.compile(regex).matcher(out.toString());
    assertThat(m.find()).as(regex + " in:\n" + out + err).isTrue();
    return m.group(1);
  }
}
