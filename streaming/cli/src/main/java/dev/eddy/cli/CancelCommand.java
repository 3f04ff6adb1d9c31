package dev.eddy.cli;

import dev.eddy.cli.cluster.FlinkRestClient;
import dev.eddy.cli.cluster.FlinkRestException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code bin/eddy cancel}: cancels a job on a Flink cluster and waits until it has ended. Exits 0 only
 * when the job ended CANCELED; a job that ended otherwise (FAILED while cancelling, FINISHED, or
 * already over) is reported with its state and exits 1.
 */
@Command(
    name = "cancel",
    mixinStandardHelpOptions = true,
    description = {
      "Cancels a running job and waits (up to a minute) until it has ended.",
      "Exits 0 when it ended CANCELED, else (FAILED, FINISHED, already over) says how it ended and exits 1.",
      "Its last checkpoint is retained (flink-conf/config.yaml); --from-savepoint can resume from it."
    })
public final class CancelCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin JobTarget target;

  @Override
  public Integer call() throws Exception {
    String jobId = target.jobId();
    FlinkRestClient rest = target.rest();
    String before = null;
    try {
      rest.cancel(jobId);
    } catch (FlinkRestException e) {
      before = rest.jobState(jobId); // Flink refuses to cancel a job that has ended: say how it ended
      if (!isTerminal(before)) {
        throw e;
      }
    }
    long deadline = System.nanoTime() + 60_000_000_000L;
    String state = rest.jobState(jobId);
    while (!isTerminal(state) && System.nanoTime() < deadline) {
      Thread.sleep(200);
      state = rest.jobState(jobId);
    }
    if (!isTerminal(state)) {
      throw new IllegalStateException("job " + jobId + " is still " + state + " a minute after cancelling");
    }
    String how = "Job " + jobId + (before == null ? " ended " : " had already ended ") + state;
    if (state.equals("CANCELED")) {
      spec.commandLine().getOut().println(before == null ? "Job " + jobId + " is CANCELED." : how + ".");
      return 0;
    }
    spec.commandLine().getErr().println("eddy cancel: " + how + ", not CANCELED; see " + rest.webUiLink(jobId));
    return 1;
  }

  private static boolean isTerminal(String state) {
    return state.equals("CANCELED") || state.equals("FINISHED") || state.equals("FAILED");
  }
}
