package dev.eddy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Bad arguments print the problem and usage and exit 2; --help explains every command. */
class CliUsageTest {
  private final StringWriter err = new StringWriter();
  private final StringWriter out = new StringWriter();

  private int run(String... args) {
    CommandLine cli = EddyCli.commandLine();
    cli.setErr(new PrintWriter(err, true));
    cli.setOut(new PrintWriter(out, true));
    return cli.execute(args);
  }

  @Test
  void noCommandOrUnknownCommandOrOptionExits2WithUsage() {
    assertThat(run()).isEqualTo(2);
    assertThat(err.toString()).contains("a command is required").contains("Usage: eddy");
    assertThat(run("frobnicate")).isEqualTo(2);
    assertThat(run("demo", "--bogus")).isEqualTo(2);
    assertThat(err.toString()).contains("Unknown option: '--bogus'");
  }

  @Test
  void missingOrBadValuesExit2NamingTheOption() {
    assertThat(run("run")).isEqualTo(2);
    assertThat(err.toString()).contains("Missing required option: '--spec=<spec>'");
    assertThat(run("consume", "--topic", "t")).isEqualTo(2);
    assertThat(err.toString()).contains("--bootstrap");
    assertThat(run("demo", "--events", "many")).isEqualTo(2);
    assertThat(err.toString()).contains("--events");
    assertThat(run("demo", "--events", "0")).isEqualTo(2);
    assertThat(err.toString()).contains("--events must be >= 1, got 0");
    assertThat(run("consume", "--bootstrap", "x:1", "--topic", "t", "--idle-timeout", "soon")).isEqualTo(2);
    assertThat(err.toString()).contains("expected a duration");
    assertThat(run("kafka", "--port", "70000", "--data-dir", "x")).isEqualTo(2);
    assertThat(err.toString()).contains("--port must be in 1..65535, got 70000");
  }

  @Test
  void aBadSpecExits2NamingTheField(@TempDir Path dir) throws Exception {
    Path spec = dir.resolve("job.yaml");
    Files.writeString(spec, "name: x\nkafka: {bootstrap: 'a:1'}\nfeatures: [a]\nlearner: {type: pa-i}\nchekpoint: {}\n");
    assertThat(run("run", "--spec", spec.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("job spec: chekpoint: unknown key");
  }

  @Test
  void clusterCommandsExit2OnBadArgumentsBeforeContactingAnything(@TempDir Path dir) throws Exception {
    assertThat(run("cluster")).isEqualTo(2);
    assertThat(err.toString()).contains("a subcommand is required: start, status or stop");
    assertThat(run("cluster", "start", "--taskmanagers", "0")).isEqualTo(2);
    assertThat(err.toString()).contains("--taskmanagers must be >= 1, got 0");
    assertThat(run("cluster", "start", "--slots", "0")).isEqualTo(2);
    assertThat(err.toString()).contains("--slots must be >= 1, got 0");
    assertThat(run("cluster", "start", "--conf-dir", dir.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("--conf-dir: no config.yaml in");

    Path bad = dir.resolve("bad.yaml");
    Files.writeString(bad, "name: x\nkafka: {bootstrap: 'a:1'}\nfeatures: [a]\nlearner: {type: pa-i}\nchekpoint: {}\n");
    Path good = dir.resolve("good.yaml");
    Files.writeString(good, "name: x\nkafka: {bootstrap: 'a:1'}\nfeatures: [a]\nlearner: {type: pa-i}\nparallelism: 2\n");
    assertThat(run("submit", "--jobmanager", "127.0.0.1:1")).isEqualTo(2);
    assertThat(err.toString()).contains("Missing required option: '--spec=<specFile>'");
    assertThat(run("submit", "--jobmanager", "127.0.0.1:1", "--spec", bad.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("job spec: chekpoint: unknown key");
    assertThat(run("submit", "--jobmanager", "127.0.0.1:1", "--spec", dir.resolve("none.yaml").toString())).isEqualTo(2);
    assertThat(err.toString()).contains("job spec: file: no such file");
    assertThat(run("submit", "--jobmanager", "127.0.0.1:1", "--spec", good.toString(), "--parallelism", "3")).isEqualTo(2);
    assertThat(err.toString()).contains("--parallelism 3 contradicts the spec's parallelism: 2");
    assertThat(run("submit", "--jobmanager", "no-port", "--spec", good.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("expected the JobManager's REST address as HOST:PORT");

    assertThat(run("cancel", "--jobmanager", "127.0.0.1:1")).isEqualTo(2);
    assertThat(err.toString()).contains("Missing required parameter: 'JOBID'");
    assertThat(run("cancel", "--jobmanager", "127.0.0.1:1", "job-1")).isEqualTo(2);
    assertThat(err.toString()).contains("JOBID must be 32 hex digits");
    assertThat(run("savepoint", "--jobmanager", "127.0.0.1:1", "0123456789abcdef0123456789abcdef", "--timeout", "soon")).isEqualTo(2);
    assertThat(err.toString()).contains("expected a duration");
    for (String c : new String[] {"cluster", "submit", "cancel", "savepoint"}) {
      out.getBuffer().setLength(0);
      assertThat(run(c, "--help")).as(c).isZero();
      assertThat(out.toString()).as(c).contains("Usage: eddy " + c);
    }
  }

  /** The command list shows the first line of each description: it must be one whole sentence. */
  @Test
  void eachCommandSummaryIsOneCompleteSentence() {
    EddyCli.commandLine().getSubcommands().forEach((name, command) -> {
      if (!name.equals("help")) {
        String first = command.getCommandSpec().usageMessage().description()[0];
        assertThat(first).as(name).matches("[A-Z].*[.]$").doesNotContain(". ");
      }
    });
  }

  @Test
  void helpExplainsEachCommand() {
    assertThat(run("--help")).isZero();
    assertThat(out.toString()).contains("demo", "kafka", "produce", "run", "consume", "evaluate", "drift", "bench");
    for (String c : new String[] {"demo", "kafka", "produce", "run", "consume", "evaluate", "drift", "bench"}) {
      out.getBuffer().setLength(0);
      assertThat(run(c, "--help")).as(c).isZero();
      assertThat(out.toString()).as(c).contains("Usage: eddy " + c);
    }
  }

  /** Picocli would resolve ${env:NAME} in a description: the help shows the reference, never a variable's value. */
  @Test
  void helpShowsSecretReferencesNotValues() {
    assertThat(run("kafka", "--help")).isZero();
    assertThat(out.toString()).contains("${env:EDDY_KAFKA_PASSWORD}", "${env:NAME}");
  }
}
