package dev.eddy.cli;

import dev.eddy.cli.local.PrometheusEndpoint;
import dev.eddy.cli.local.ResumableRun;
import dev.eddy.core.kafka.JobKafka;
import dev.eddy.core.spec.JobSpec;
import dev.eddy.core.spec.JobSpecReader;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.apache.flink.configuration.Configuration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code bin/eddy run}: the job of a spec on a local MiniCluster against the spec's Kafka. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "Runs the job described by a spec on a local Flink MiniCluster (RocksDB state, checkpoints).",
      "Missing topics are created. Without --bounded the job runs until stopped (Ctrl-C). Every run",
      "ends with a savepoint under --work-dir, and the next run of the spec resumes from it: the",
      "models keep what they learned and their versions."
    })
public final class RunCommand implements Callable<Integer> {
  @Option(names = "--spec", required = true, description = "The job spec (YAML).")
  Path spec;

  @Option(names = "--bounded", description = "Process the events topic up to the end offsets found at start, commit the outputs and exit 0.")
  boolean bounded;

  @Option(names = "--work-dir", defaultValue = ".eddy/run",
      description = "The job's checkpoints and savepoints go to WORKDIR/<name> unless the spec names a checkpoint directory (default: ${DEFAULT-VALUE}).")
  Path workDir;

  @Option(names = "--fresh", description = "Start new models instead of resuming from the previous run's savepoint; the events source still resumes from the consumer group's committed offsets.")
  boolean fresh;

  @Option(names = "--metrics-port", paramLabel = "PORT",
      description = "Serve the job's metrics for Prometheus on http://127.0.0.1:PORT/metrics while it runs (Flink's Prometheus reporter).")
  Integer metricsPort;

  @Override
  public Integer call() throws Exception {
    Configuration metrics = metricsPort == null ? new Configuration() : PrometheusEndpoint.on(metricsPort);
    JobSpec job = JobSpecReader.read(spec);
    var topics = job.kafka().topics();
    JobKafka.prepare(job);
    System.out.println("Running job '" + job.name() + "' (" + job.learner().type() + ") on a local MiniCluster, reading "
        + topics.events() + " from " + job.kafka().bootstrap() + (bounded ? " up to its current end" : "") + " ...");
    long start = System.nanoTime();
    ResumableRun run = new ResumableRun(job, workDir.resolve(job.name()), System.out);
    run.with(metrics);
    if (metricsPort != null) {
      System.out.println("Metrics for Prometheus on http://127.0.0.1:" + metricsPort + "/metrics");
    }
    run.run(bounded, fresh);
    System.out.printf("Job '%s' stopped after %.1f s; predictions on '%s', dead letters on '%s'.%n",
        job.name(), (System.nanoTime() - start) / 1e9, topics.predictions(), topics.deadLetter());
    return 0;
  }
}
