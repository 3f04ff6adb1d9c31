package dev.eddy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code evaluate --guard} and {@code --poison}: the guard's refusals, the attack's figures, and usage errors. */
class EvaluateGuardTest {
  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cli = new CommandLine(new EvaluateCommand());
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }

  /** 2,000 rows of y = [x1 + 0.5 x2 > 0]; every 100th row from row 100 has x1 = 10^6. */
  private Path csv() throws IOException {
    SplittableRandom random = new SplittableRandom(4);
    List<String> lines = new ArrayList<>(List.of("x1,x2,y"));
    for (int k = 0; k < 2000; k++) {
      double x1 = random.nextDouble(-1, 1);
      double x2 = random.nextDouble(-1, 1);
      int y = x1 + 0.5 * x2 > 0 ? 1 : 0;
      lines.add(String.format(Locale.ROOT, "%.6f,%.6f,%d", k >= 100 && k % 100 == 0 ? 1e6 : x1, x2, y));
    }
    return Files.write(dir.resolve("rows.csv"), lines);
  }

  @Test
  void countsEachRefusalAndLearnsTheRest() throws IOException {
    int code = run("--csv", csv().toString(), "--label-column", "y", "--learner", "pa-i", "--no-progress",
        "--guard", "max-z=6", "--guard", "max-learn-rate=500", "--rows-per-second", "1000");
    assertThat(code).as(err.toString()).isZero();
    // 19 outliers, not learned; row k at k ms against 500/s: the full bucket (500) drains by 0.5 a row over the
    // first ~1000 rows, then every other row is refused: 482, as an independent simulation of the bucket counts
    assertThat(out.toString()).contains("guard max-z refused: 19", "guard max-learn-rate refused: 482",
        "guard max-label-age refused: 0", "guard max-step clipped: 0");
  }

  @Test
  void thePoisonCostsAccuracyWithoutTheGuardAndLittleWithIt() throws IOException {
    Path rows = csv();
    String poison = "flips=0.05,outliers=0.01,burst-at=0.5,burst-seconds=0.2";
    assertThat(run("--csv", rows.toString(), "--label-column", "y", "--learner", "pa-i", "--no-progress", "--poison", poison))
        .as(err.toString()).isZero();
    double without = accuracy();
    assertThat(out.toString()).contains("100 label flips injected, 20 extreme records injected");
    out.getBuffer().setLength(0);
    assertThat(run("--csv", rows.toString(), "--label-column", "y", "--learner", "pa-i", "--no-progress", "--poison", poison,
        "--guard", "max-z=6", "--guard", "max-learn-rate=1100")).as(err.toString()).isZero();
    double with = accuracy();
    assertThat(with).isGreaterThan(without + 0.05);
  }

  @Test
  void refusesBadOptionsNamingThem() throws IOException {
    Path rows = csv();
    assertThat(run("--csv", rows.toString(), "--label-column", "y", "--learner", "pa-i", "--guard", "max-z=-1")).isEqualTo(2);
    assertThat(err.toString()).contains("--guard: job spec: guard.max-z: must be a finite number > 0");
    assertThat(run("--csv", rows.toString(), "--label-column", "y", "--learner", "pegasos", "--guard", "max-step=1")).isEqualTo(2);
    assertThat(err.toString()).contains("guard.max-step: learner pegasos has no plain weight vector");
    assertThat(run("--csv", rows.toString(), "--label-column", "y", "--learner", "pa-i", "--poison", "flips=2")).isEqualTo(2);
    assertThat(err.toString()).contains("--poison: flips must be in [0, 1]");
    assertThat(run("--csv", rows.toString(), "--label-column", "y", "--learner", "pa-i", "--poison", "lots")).isEqualTo(2);
    assertThat(err.toString()).contains("--poison: 'lots' is not one of");
  }

  private double accuracy() {
    String line = out.toString().lines().filter(l -> l.startsWith("accuracy of the stream's rows")).findFirst().orElseThrow();
    return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
  }
}
