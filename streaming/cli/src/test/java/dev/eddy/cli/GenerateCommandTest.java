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
    assertThat(err.toString()).contains("--stream must be sea, hyperplane, agrawal or rbf but was 'stagger'");
  }
}
