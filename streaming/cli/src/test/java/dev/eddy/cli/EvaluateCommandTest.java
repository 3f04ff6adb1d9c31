package dev.eddy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.eddy.cli.csv.CsvReader;
import dev.eddy.cli.csv.CsvRow;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
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

class EvaluateCommandTest {

  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cli = new CommandLine(new EvaluateCommand());
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }

  /** 400 rows of x1, x2, a constant and a label with y = [2·x1 − x2 + 0.5 > 0], plus one bad row. */
  private Path binaryCsv() throws IOException {
    SplittableRandom random = new SplittableRandom(1);
    List<String> lines = new ArrayList<>(List.of("x1,x2,const,label"));
    for (int k = 0; k < 400; k++) {
      double x1 = random.nextGaussian();
      double x2 = random.nextGaussian() * 100 + 1000;
      lines.add(String.format(Locale.ROOT, "%.6f,%.6f,7,%d", x1, x2,
          2 * x1 - (x2 - 1000) / 100 + 0.5 > 0 ? 1 : 0));
      if (k == 10) {
        lines.add("1.0,2.0");
      }
    }
    return Files.write(dir.resolve("binary.csv"), lines);
  }

  @Test
  void writesTheDocumentedJsonForASmallCsv() throws IOException {
    Path json = dir.resolve("result.json");
    int code = run("--csv", binaryCsv().toString(), "--label-column", "label", "--learner", "pa-i",
        "--param", "C=0.5", "--window", "100", "--json", json.toString(), "--no-progress");
    assertThat(code).as(err.toString()).isZero();
    JsonNode result = new ObjectMapper().readTree(json.toFile());
    assertThat(result.get("learner").asText()).isEqualTo("pa-i");
    assertThat(result.get("hyperparameters").get("C").asText()).isEqualTo("0.5");
    assertThat(result.get("task").asText()).isEqualTo("binary");
    assertThat(result.get("instances").asLong()).isEqualTo(400);
    assertThat(result.get("skipped").asLong()).isEqualTo(1);
    assertThat(result.get("instancesPerSecond").asDouble()).isPositive();
    assertThat(result.get("accuracy").asDouble()).isBetween(0.85, 1.0);
    for (String metric : List.of("kappa", "precision", "recall", "f1", "windowAccuracy")) {
      assertThat(result.has(metric)).as(metric).isTrue();
    }
    assertThat(result.get("window").asInt()).isEqualTo(100);
    assertThat(result.get("accuracyPerWindow")).hasSize(4);
    assertThat(result.get("accuracyPerWindow").get(3).asDouble()).isGreaterThan(0.9);
    assertThat(out.toString()).contains("pa-i on 400 instances (1 skipped)").contains("accuracy");
    assertThat(err.toString()).contains("skipped line 13: has 2 cells but the header has 4 columns");
  }

  @Test
  void classNamesMakeAMulticlassTaskAndRegressionIsRequested() throws IOException {
    SplittableRandom random = new SplittableRandom(2);
    List<String> multi = new ArrayList<>(List.of("a,b,species"));
    List<String> reg = new ArrayList<>(List.of("a,b,target"));
    String[] names = {"setosa", "versicolor", "virginica"};
    for (int k = 0; k < 300; k++) {
      int c = random.nextInt(3);
      double a = random.nextGaussian() + 4 * Math.cos(2 * Math.PI * c / 3);
      double b = random.nextGaussian() + 4 * Math.sin(2 * Math.PI * c / 3);
      multi.add(String.format(Locale.ROOT, "%.5f,%.5f,%s", a, b, names[c]));
      reg.add(String.format(Locale.ROOT, "%.5f,%.5f,%.5f", a, b, 3 * a - b + 1));
    }
    Path json = dir.resolve("m.json");
    assertThat(run("--csv", Files.write(dir.resolve("m.csv"), multi).toString(), "--label-column",
        "species", "--learner", "pegasos-avg", "--json", json.toString(), "--no-progress"))
        .as(err.toString()).isZero();
    JsonNode result = new ObjectMapper().readTree(json.toFile());
    assertThat(result.get("task").asText()).isEqualTo("multiclass");
    // one model per class from the first row (as the job builds it), so early rows also train the unseen classes
    assertThat(result.get("accuracy").asDouble()).isGreaterThan(0.75);
    assertThat(result.get("hyperparameters").get("classes").asText()).isEqualTo("3");
    assertThat(result.has("macroF1")).isTrue();
    assertThat(run("--csv", Files.write(dir.resolve("r.csv"), reg).toString(), "--label-column",
        "target", "--learner", "pa-ii", "--task", "regression", "--json", json.toString(),
        "--no-standardize", "--no-progress")).as(err.toString()).isZero();
    result = new ObjectMapper().readTree(json.toFile());
    assertThat(result.get("task").asText()).isEqualTo("regression");
    assertThat(result.has("mae")).isTrue();
    assertThat(result.has("rmsePerWindow")).isTrue();
  }

  @Test
  void badArgumentsExitWith2NamingTheOption() throws IOException {
    String file = binaryCsv().toString();
    String[][] cases = {
      {"--csv", dir.resolve("missing.csv").toString(), "--label-column", "label", "--learner", "pa"},
      {"--csv", file, "--label-column", "nope", "--learner", "pa"},
      {"--csv", file, "--label-column", "label", "--learner", "svm"},
      {"--csv", file, "--label-column", "label", "--learner", "pa-i", "--param", "C=-1"},
      {"--csv", file, "--label-column", "label", "--learner", "pa", "--param", "hash-bits=99"},
      {"--csv", file, "--label-column", "label", "--learner", "pa", "--window", "0"},
      {"--csv", file, "--label-column", "label", "--learner", "pa", "--task", "ranking"},
      {"--csv", file, "--learner", "pa"},
    };
    String[] named = {"--csv", "--label-column", "--learner", "--param", "--param", "--window",
        "--task", "--label-column"};
    for (int k = 0; k < cases.length; k++) {
      err.getBuffer().setLength(0);
      assertThat(run(cases[k])).as("case %d", k).isEqualTo(2);
      assertThat(err.toString()).as("case %d", k).contains(named[k]);
    }
    assertThat(err.toString()).contains("Missing required option");
    List<String> numeric = new ArrayList<>(List.of("x,y"));
    for (int k = 0; k < 1500; k++) {
      numeric.add(k + "," + (k * 0.37));
    }
    err.getBuffer().setLength(0);
    assertThat(run("--csv", Files.write(dir.resolve("n.csv"), numeric).toString(),
        "--label-column", "y", "--learner", "pa", "--no-progress")).isEqualTo(2);
    assertThat(err.toString()).contains("1500 distinct labels").contains("--task regression");
  }

  @Test
  void theCsvReaderReportsMalformedRowsWithTheirLines() throws IOException {
    String text = "a,b\n1,2\n3\n\n\"x\"\"y\",\"two\nlines\"\n5,\"bad\"x\n6,7\n";
    try (CsvReader reader = CsvReader.of(new StringReader(text), "inline")) {
      assertThat(reader.header()).containsExactly("a", "b");
      assertThat(reader.column("b")).isEqualTo(1);
      assertThat(reader.column("c")).isEqualTo(-1);
      List<CsvRow> rows = new ArrayList<>();
      for (CsvRow row; (row = reader.next()) != null; ) {
        rows.add(row);
      }
      assertThat(rows).extracting(CsvRow::line).containsExactly(2L, 3L, 5L, 7L, 8L);
      assertThat(rows.get(0).cells()).containsExactly("1", "2");
      assertThat(rows.get(1).problem()).isEqualTo("has 1 cells but the header has 2 columns");
      assertThat(rows.get(2).cells()).containsExactly("x\"y", "two\nlines");
      assertThat(rows.get(3).isMalformed()).isTrue();
      assertThat(rows.get(3).describe()).startsWith("line 7: Unexpected character");
      assertThat(rows.get(4).cells()).containsExactly("6", "7");
    }
  }

  /** {@code evaluate --guard} and {@code --poison}: the guard's refusals, the attack's figures, and usage errors. */
  @org.junit.jupiter.api.Nested
  class Guard {
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
}
