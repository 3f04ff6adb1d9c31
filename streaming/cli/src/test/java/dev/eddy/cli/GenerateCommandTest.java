package dev.eddy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eddy.core.synthetic.SeaGenerator;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bin/eddy generate}: the generator's rows, as CSV, and bad options named. */
class GenerateCommandTest {
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    var cli = EddyCli.commandLine();
    cli.setErr(new PrintWriter(err, true));
    cli.setOut(new PrintWriter(new StringWriter(), true));
    return cli.execute(args);
  }

  @Test
  void writesTheGeneratorsRows(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("sea.csv");
    assertThat(run("generate", "--stream", "sea", "--rows", "400", "--seed", "5", "--out", file.toString())).isZero();
    List<String> lines = Files.readAllLines(file);
    assertThat(lines).hasSize(401);
    assertThat(lines.get(0)).isEqualTo("x1,x2,x3,y");
    SeaGenerator g = new SeaGenerator(5, SeaGenerator.quarters(400), 0.1);
    double[] x = new double[3];
    for (int r = 1; r <= 400; r++) {
      double y = g.next(x);
      String[] cells = lines.get(r).split(",");
      assertThat(Double.parseDouble(cells[0])).isCloseTo(x[0], org.assertj.core.api.Assertions.within(1e-6));
      assertThat(cells[3]).isEqualTo(Integer.toString((int) y));
    }
    Path plane = dir.resolve("plane.csv");
    assertThat(run("generate", "--stream", "hyperplane", "--dimension", "4", "--rows", "10", "--out", plane.toString())).isZero();
    assertThat(Files.readAllLines(plane).get(0)).isEqualTo("x1,x2,x3,x4,y");
    Path agrawal = dir.resolve("agrawal.csv");
    assertThat(run("generate", "--stream", "agrawal", "--rows", "10", "--out", agrawal.toString())).isZero();
    assertThat(Files.readAllLines(agrawal).get(0)).isEqualTo("salary,commission,age,elevel,car,zipcode,hvalue,hyears,loan,y");
    assertThat(run("generate", "--stream", "stagger", "--out", plane.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("--stream must be sea, hyperplane, agrawal, rbf or friedman but was 'stagger'");
    assertThat(run("generate", "--stream", "rbf", "--classes", "1", "--out", plane.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("--classes must be >= 2 but was 1");
  }

  /** The multiclass RBF stream and Friedman #1 (regression: the target written as a real number). */
  @Test
  void writesAMulticlassAndARegressionStream(@TempDir Path dir) throws Exception {
    Path rbf = dir.resolve("rbf.csv");
    assertThat(run("generate", "--stream", "rbf", "--classes", "4", "--dimension", "3", "--rows", "2000", "--seed", "2",
        "--out", rbf.toString())).isZero();
    List<String> lines = Files.readAllLines(rbf);
    assertThat(lines.subList(1, lines.size()).stream().map(l -> l.substring(l.lastIndexOf(',') + 1)).distinct().sorted())
        .containsExactly("0", "1", "2", "3");
    Path friedman = dir.resolve("friedman.csv");
    assertThat(run("generate", "--stream", "friedman", "--rows", "50", "--seed", "3", "--out", friedman.toString())).isZero();
    List<String> rows = Files.readAllLines(friedman);
    assertThat(rows.get(0)).isEqualTo("x1,x2,x3,x4,x5,x6,x7,x8,x9,x10,y");
    dev.eddy.core.synthetic.FriedmanGenerator g = new dev.eddy.core.synthetic.FriedmanGenerator(3);
    double[] x = new double[10];
    for (int r = 1; r <= 50; r++) {
      double y = g.next(x);
      String[] cells = rows.get(r).split(",");
      assertThat(Double.parseDouble(cells[10])).isCloseTo(y, org.assertj.core.api.Assertions.within(1e-6));
      assertThat(Double.parseDouble(cells[0])).isCloseTo(x[0], org.assertj.core.api.Assertions.within(1e-6));
    }
  }
}
