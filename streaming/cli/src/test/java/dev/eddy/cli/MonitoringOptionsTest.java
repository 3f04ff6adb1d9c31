package dev.eddy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad monitoring options fail at once (exit 2), naming the option, before any broker or job is touched. */
class MonitoringOptionsTest {
  private static String run(int expectedExit, String... args) {
    StringWriter err = new StringWriter();
    var cli = EddyCli.commandLine();
    cli.setErr(new PrintWriter(err, true));
    assertThat(cli.execute(args)).as(String.join(" ", args)).isEqualTo(expectedExit);
    return err.toString();
  }

  @Test
  void aMetricsPortOutOfRangeIsRefused(@TempDir Path dir) {
    assertThat(run(2, "run", "--spec", dir.resolve("missing.yaml").toString(), "--metrics-port", "0"))
        .contains("--metrics-port must be in 1-65535, got 0");
    assertThat(run(2, "demo", "--metrics-port", "70000", "--work-dir", dir.toString()))
        .contains("--metrics-port must be in 1-65535, got 70000");
  }

  @Test
  void reportTimesAndCountsAreChecked(@TempDir Path dir) {
    String out = dir.resolve("r.html").toString();
    assertThat(run(2, "report", "--bootstrap", "127.0.0.1:1", "--out", out, "--from", "yesterday"))
        .contains("--from: 'yesterday' is neither an ISO-8601 instant");
    assertThat(run(2, "report", "--bootstrap", "127.0.0.1:1", "--out", out, "--true-drift", "12,x"))
        .contains("--true-drift: 'x'");
    assertThat(run(2, "report", "--bootstrap", "127.0.0.1:1", "--out", out, "--worst", "0"))
        .contains("--worst must be >= 1, got 0");
    assertThat(ReportCommand.time("--to", "2026-11-30T10:00:00Z")).isEqualTo(1_796_032_800_000L); // python: datetime(2026, 11, 30, 10, tzinfo=utc).timestamp()
    assertThat(ReportCommand.time("--to", "1700000000000")).isEqualTo(1_700_000_000_000L);
  }
}
