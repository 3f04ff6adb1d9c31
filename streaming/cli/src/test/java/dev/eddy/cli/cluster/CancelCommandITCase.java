package dev.eddy.cli.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eddy.cli.EddyCli;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.flink.api.common.JobID;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.apache.flink.test.junit5.InjectMiniCluster;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code cancel} (and every command that finds a cluster through {@code --work-dir}) against a real
 * Flink REST API, a MiniCluster's, in seconds rather than a standalone cluster's minutes: the work
 * dir's state file names the MiniCluster as {@code cluster start --work-dir} would name its cluster.
 */
class CancelCommandITCase {
  @RegisterExtension
  static final MiniClusterExtension FLINK = new MiniClusterExtension(
      new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

  @TempDir Path work;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  private FlinkRestClient rest;

  @BeforeEach
  void recordTheMiniClusterInTheWorkDir(@InjectMiniCluster MiniCluster flink) throws Exception {
    URI address = flink.getRestAddress().get();
    rest = new FlinkRestClient(address);
    // this JVM stands in for the JobManager process: it is running, so the state is live
    ProcessHandle self = ProcessHandle.current();
    ClusterState.ProcessInfo jm = new ClusterState.ProcessInfo("jobmanager", self.pid(),
        self.info().startInstant().orElseThrow().toEpochMilli(), work.resolve("log/jobmanager.log").toString());
    new ClusterState(address.toString(), work.toString(), work.resolve("log").toString(), 2, jm, List.of()).save();
  }

  @Test
  void cancelsARunningJobOfTheWorkDirsClusterAndExits0() throws Exception {
    String job = submit(false);
    awaitState(job, "RUNNING");
    assertThat(eddy("cancel", "--work-dir", work.toString(), job)).as(err.toString()).isZero();
    assertThat(out.toString()).contains("Job " + job + " is CANCELED.");
  }

  @Test
  void aJobThatEndedFailedIsReportedAndExits1() throws Exception {
    String job = submit(true);
    awaitState(job, "FAILED");
    assertThat(eddy("cancel", "--work-dir", work.toString(), job)).isEqualTo(1);
    assertThat(err.toString()).contains("Job " + job).contains("ended FAILED, not CANCELED");
  }

  @Test
  void withoutAClusterInTheWorkDirTheCommandsSayWhereTheyLooked(@TempDir Path empty) {
    String job = "0123456789abcdef0123456789abcdef";
    for (String command : List.of("cancel", "savepoint")) {
      assertThat(eddy(command, "--work-dir", empty.toString(), job)).as(command).isEqualTo(2);
      assertThat(err.toString()).contains("no cluster running from " + empty.toAbsolutePath());
    }
    assertThat(eddy("submit", "--work-dir", empty.toString(), "--spec", "no-such.yaml")).isEqualTo(2);
  }

  /** A job that runs until cancelled, or one that fails at once (no restarts). */
  private static String submit(boolean failing) throws Exception {
    Configuration conf = new Configuration();
    conf.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
    env.fromSequence(0, Long.MAX_VALUE)
        .map(x -> {
          if (failing) {
            throw new IllegalStateException("failing on purpose");
          }
          Thread.sleep(10);
          return x;
        })
        .sinkTo(new DiscardingSink<>());
    JobID id = env.executeAsync(failing ? "fails" : "runs").getJobID();
    return id.toHexString();
  }

  private void awaitState(String job, String state) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (!rest.jobState(job).equals(state)) {
      assertThat(System.nanoTime()).as("job %s never %s", job, state).isLessThan(deadline);
      Thread.sleep(100);
    }
  }

  private int eddy(String... args) {
    out.getBuffer().setLength(0);
    err.getBuffer().setLength(0);
    CommandLine cli = EddyCli.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }
}
