package dev.eddy.cli.gpu;

import dev.eddy.cli.cluster.FlinkDistribution;
import dev.eddy.cli.cluster.StandaloneCluster;
import dev.eddy.core.spec.JobSpec;
import dev.eddy.job.EddyJob;
import java.net.URI;
import java.util.concurrent.TimeUnit;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Submits the Eddy job the way {@code flink run eddy-job.jar} does: the job graph is built here, in
 * the client (where {@link GpuPlacement} decides on the GPU from the client's configuration), and
 * sent to the cluster with the job jar.
 */
final class RemoteSubmission {
  private RemoteSubmission() {}

  /**
   * Builds and submits the job of {@code spec}, then waits until all its tasks run.
   *
   * @param client the client's Flink configuration (a cluster's, for {@code device: auto})
   * @param savepoint a savepoint to start from, or null
   */
  static JobClient submit(StandaloneCluster cluster, FlinkDistribution dist, JobSpec spec, Configuration client,
      String savepoint) throws Exception {
    Configuration conf = new Configuration(client);
    conf.addAll(EddyJob.configuration(spec));
    if (savepoint != null) {
      conf.set(StateRecoveryOptions.SAVEPOINT_PATH, savepoint);
    }
    URI rest = URI.create(cluster.restAddress());
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createRemoteEnvironment(
        rest.getHost(), rest.getPort(), conf, dist.requireJobJar().toString());
    EddyJob.build(env, spec, false);
    JobClient job = env.executeAsync(spec.name());
    String id = job.getJobID().toHexString();
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
    while (!cluster.rest().allTasksRunning(id)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("job " + id + " not running after 2 min: " + cluster.rest().jobState(id));
      }
      TimeUnit.MILLISECONDS.sleep(200);
    }
    return job;
  }
}
