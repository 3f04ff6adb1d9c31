package dev.eddy.cli;

import dev.eddy.cli.cluster.ClusterState;
import dev.eddy.cli.cluster.FlinkRestClient;
import java.net.URI;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --jobmanager} option of the commands that talk to a Flink cluster's REST API. */
public final class JobManagerOption {
  @Option(names = "--jobmanager", paramLabel = "HOST:PORT",
      description = "The JobManager's REST address (default: the cluster started by `bin/eddy cluster start` here).")
  String address;

  /** A client of the named JobManager, or of the cluster started from this directory. */
  FlinkRestClient rest() {
    if (address != null) {
      return FlinkRestClient.of(address);
    }
    ClusterState state = ClusterState.load(Path.of(".eddy/cluster")).filter(s -> !s.running().isEmpty())
        .orElseThrow(() -> new IllegalArgumentException(
            "--jobmanager HOST:PORT is required: no cluster started from this directory (bin/eddy cluster start)"));
    return new FlinkRestClient(URI.create(state.restAddress()));
  }
}
