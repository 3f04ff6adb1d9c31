package dev.eddy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The commands that read a CSV header ({@code evaluate}, {@code produce}) read it the same way: a
 * byte-order mark is dropped, a column named twice is a usage error (exit 2) naming it, found before
 * anything is contacted.
 */
class CsvHeaderCliTest {
  @TempDir Path dir;
  private final StringWriter err = new StringWriter();
  private final StringWriter out = new StringWriter();

  private int run(String... args) {
    CommandLine cli = EddyCli.commandLine();
    cli.setErr(new PrintWriter(err, true));
    cli.setOut(new PrintWriter(out, true));
    return cli.execute(args);
  }

  @Test
  void evaluateFindsTheFirstColumnOfAFileWithAByteOrderMark() throws IOException {
    StringBuilder text = new StringBuilder("\uFEFFlabel,x1,x2\n");
    for (int i = 0; i < 50; i++) {
      double x1 = (i % 7) - 3;
      text.append(String.format(Locale.ROOT, "%d,%.1f,%d%n", x1 > 0 ? 1 : 0, x1, i % 3));
    }
    Path csv = Files.write(dir.resolve("bom.csv"), text.toString().getBytes(StandardCharsets.UTF_8));
    int code = run("evaluate", "--csv", csv.toString(), "--label-column", "label", "--learner", "pa-i",
        "--no-progress");
    assertThat(code).as(err.toString()).isZero();
    assertThat(out.toString()).contains("pa-i on 50 instances");
  }

  @Test
  void evaluateRefusesAColumnNamedTwice() throws IOException {
    Path csv = Files.writeString(dir.resolve("dup.csv"), "x1,x2,x1,label\n1,2,3,1\n");
    assertThat(run("evaluate", "--csv", csv.toString(), "--label-column", "label", "--learner", "pa-i",
        "--no-progress"))
        .isEqualTo(2);
    assertThat(err.toString()).contains("--csv: " + csv + " has more than one column named 'x1'");
  }

  @Test
  void produceRefusesAColumnNamedTwiceBeforeContactingKafka() throws IOException {
    Path csv = Files.writeString(dir.resolve("dup.csv"), "id,x1,x1,label\na,1,3,1\n");
    // nothing listens on port 1: the header is refused before the broker is asked for the topic
    assertThat(run("produce", "--bootstrap", "127.0.0.1:1", "--topic", "t", "--csv", csv.toString(),
        "--label-column", "label")).isEqualTo(2);
    assertThat(err.toString()).contains("eddy produce: --csv: " + csv + " has more than one column named 'x1'");
  }

  @Test
  void produceChecksItsColumnOptionsBeforeContactingKafka() throws IOException {
    Path csv = Files.writeString(dir.resolve("data.csv"), "\uFEFFid,x1\na,1\n");
    assertThat(run("produce", "--bootstrap", "127.0.0.1:1", "--topic", "t", "--csv", csv.toString(),
        "--label-column", "y")).isEqualTo(2);
    assertThat(err.toString()).contains("--label-column: no column 'y' in the header [id, x1]");
  }
}
