package dev.eddy.cli;

import dev.eddy.cli.cluster.FlinkRestClient;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bin/eddy savepoint}: takes a savepoint of a running job, or stops the job with one
 * ({@code --stop}), and prints where it is: {@code bin/eddy submit --from-savepoint} resumes from it.
 */
@Command(
    name = "savepoint",
    mixinStandardHelpOptions = true,
    description = {
      "Takes a savepoint of a running job, waits for it and prints its location.",
      "The location is what `bin/eddy submit --from-savepoint` takes. --stop stops the job with a final",
      "savepoint, committing its Kafka outputs."
    })
public final class SavepointCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin JobTarget target;

  @Option(names = "--dir", paramLabel = "DIR",
      description = "Target directory, a path or URI the cluster can write (default: the cluster's execution.checkpointing.savepoint-dir).")
  String dir;

  @Option(names = "--stop", description = "Stop the job with the savepoint.")
  boolean stop;

  @Option(names = "--timeout", defaultValue = "5min", converter = DurationConverter.class,
      description = "How long to wait for the savepoint (default: ${DEFAULT-VALUE}).")
  Duration timeout;

  @Override
  public Integer call() throws Exception {
    String jobId = target.jobId();
    FlinkRestClient rest = target.rest();
    String target = dir == null ? null : ClusterCommand.location(dir);
    PrintWriter out = spec.commandLine().getOut();
    out.printf("%s job %s ...%n", stop ? "Stopping with a savepoint" : "Taking a savepoint of", jobId);
    out.flush();
    String trigger = stop ? rest.stopWithSavepoint(jobId, target) : rest.triggerSavepoint(jobId, target);
    String location = rest.awaitSavepoint(jobId, trigger, timeout);
    out.println("Savepoint: " + location);
    out.println("Resume with: bin/eddy submit --spec job.yaml --from-savepoint " + location);
    return 0;
  }

  /** Rejects what cannot be a Flink job id (exit 2) before contacting the cluster. */
}
