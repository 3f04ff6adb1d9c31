package dev.eddy.cli;

import dev.eddy.cli.cluster.FlinkRestClient;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** The running job that {@code cancel} and {@code savepoint} act on: its cluster and its id. */
public final class JobTarget {
  @Mixin JobManagerOption jobManager;

  @Parameters(paramLabel = "JOBID", description = "The job's id (32 hex digits).")
  String jobId;

  /** The job id, checked. */
  String jobId() {
    if (!jobId.matches("[0-9a-fA-F]{32}")) {
      throw new IllegalArgumentException("JOBID must be 32 hex digits (as printed by bin/eddy submit), got '" + jobId + "'");
    }
    return jobId;
  }

  FlinkRestClient rest() {
    return jobManager.rest();
  }
}
