package dev.eddy.cli;

import dev.eddy.cli.cluster.FlinkRestClient;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code bin/eddy cancel}: cancels a job on a Flink cluster and waits until it is cancelled. */
@Command(
    name = "cancel",
    mixinStandardHelpOptions = true,
    description = {
      "Cancels a running job and waits (up to a minute) until it is CANCELED.",
      "Its last checkpoint is retained (flink-conf/config.yaml); --from-savepoint can resume from it."
    })
public final class CancelCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin JobTarget target;

  @Override
  public Integer call() throws Exception {
    String jobId = target.jobId();
    FlinkRestClient rest = target.rest();
    PrintWriter out = spec.commandLine().getOut();
    rest.cancel(jobId);
    long deadline = System.nanoTime() + 60_000_000_000L;
    String state = rest.jobState(jobId);
    while (!isTerminal(state) && System.nanoTime() < deadline) {
      Thread.sleep(200);
      state = rest.jobState(jobId);
    }
    if (!isTerminal(state)) {
      throw new IllegalStateException("job " + jobId + " is still " + state + " a minute after cancelling");
    }
    out.println("Job " + jobId + " is " + state + ".");
    return 0;
  }

  private static boolean isTerminal(String state) {
    return state.equals("CANCELED") || state.equals("FINISHED") || state.equals("FAILED");
  }
}
