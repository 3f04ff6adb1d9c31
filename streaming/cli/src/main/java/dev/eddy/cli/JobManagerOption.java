package dev.eddy.cli;

import dev.eddy.cli.cluster.ClusterState;
import dev.eddy.cli.cluster.FlinkRestClient;
import java.net.URI;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * How the commands that talk to a Flink cluster's REST API ({@code submit}, {@code cancel},
 * {@code savepoint}) find it: {@code --jobmanager HOST:PORT}, or else the cluster that {@code
 * bin/eddy cluster start} started with the same {@code --work-dir}.
 */
public final class JobManagerOption {
  @Option(names = "--jobmanager", paramLabel = "HOST:PORT",
      description = "The JobManager's REST address (default: the cluster started by `bin/eddy cluster start` in --work-dir).")
  String address;

  @Option(names = "--work-dir", paramLabel = "DIR", defaultValue = ClusterCommand.DEFAULT_WORK_DIR,
      description = "Without --jobmanager: the work dir of `bin/eddy cluster start --work-dir DIR` (default: ${DEFAULT-VALUE}).")
  Path workDir;

  /** A client of the named JobManager, or of the cluster started in the work dir. */
  FlinkRestClient rest() {
    if (address != null) {
      return FlinkRestClient.of(address);
    }
    ClusterState state = ClusterState.load(workDir).filter(s -> !s.running().isEmpty())
        .orElseThrow(() -> new IllegalArgumentException(
            "--jobmanager HOST:PORT is required: no cluster running from " + workDir.toAbsolutePath()
                + " (bin/eddy cluster start --work-dir DIR, then the same --work-dir here)"));
    return new FlinkRestClient(URI.create(state.restAddress()));
  }
}
