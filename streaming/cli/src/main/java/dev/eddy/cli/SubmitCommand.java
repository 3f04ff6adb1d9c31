package dev.eddy.cli;

import dev.eddy.cli.cluster.FlinkDistribution;
import dev.eddy.cli.cluster.FlinkRestClient;
import dev.eddy.cli.cluster.JobSubmitter;
import dev.eddy.core.spec.JobSpec;
import dev.eddy.core.spec.JobSpecException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bin/eddy submit}: deploys the Eddy job to a Flink 2.2 session cluster through its REST API.
 * The spec is validated here first (a bad spec exits 2 naming the field, before any upload) and its
 * text travels with the job, so the file need not exist on the cluster.
 */
@Command(
    name = "submit",
    mixinStandardHelpOptions = true,
    description = {
      "Uploads eddy-job.jar to a Flink session cluster through its REST API and starts the job of a spec.",
      "The spec is checked locally first; its content (not its path) is sent, so it works with remote clusters.",
      "Missing topics are created. Prints the job id and its web UI link."
    })
public final class SubmitCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin JobManagerOption jobManager;

  @Option(names = "--spec", required = true, description = "The job spec (YAML).")
  Path specFile;

  @Option(names = "--parallelism", defaultValue = "0",
      description = "Job parallelism (default: the spec's `parallelism`, else the cluster's default).")
  int parallelism;

  @Option(names = "--from-savepoint", paramLabel = "PATH",
      description = "Resume from this savepoint or retained checkpoint (a path or URI on the cluster's storage).")
  String fromSavepoint;

  @Option(names = "--bounded", description = "Read the events topic up to the end offsets found at start, then finish.")
  boolean bounded;

  @Option(names = "--jar", description = "The job jar (default: streaming/job/target/eddy-job.jar of this build).")
  Path jar;

  @Override
  public Integer call() throws Exception {
    if (!Files.isRegularFile(specFile)) {
      throw new JobSpecException("file", "no such file: " + specFile);
    }
    JobSubmitter.Submission submission = new JobSubmitter.Submission(Files.readString(specFile), parallelism,
        fromSavepoint == null ? null : ClusterCommand.location(fromSavepoint), bounded);
    JobSpec job = JobSubmitter.validate(submission);
    FlinkRestClient rest = jobManager.rest();
    if (jar != null && !Files.isRegularFile(jar)) {
      throw new IllegalArgumentException("--jar: no such file: " + jar);
    }
    Path jobJar = jar != null ? jar : FlinkDistribution.locate().requireJobJar();
    PrintWriter out = spec.commandLine().getOut();
    out.printf("Submitting job '%s' (%s) to %s%s ...%n", job.name(), job.learner().type(), rest.address(),
        fromSavepoint == null ? "" : " from " + submission.fromSavepoint());
    out.flush();
    String jobId = new JobSubmitter(rest).submit(jobJar, submission);
    out.println("Job id: " + jobId);
    out.println("Web UI: " + rest.webUiLink(jobId));
    return 0;
  }
}
