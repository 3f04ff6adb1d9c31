package dev.eddy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.eddy.drift.Detectors;
import dev.eddy.drift.DriftDetector;
import dev.eddy.drift.Signal;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class DriftCommandTest {

  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cli = new CommandLine(new DriftCommand());
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }

  /** 0/1 errors: rate 0.1 for values 0-999, then 0.7 (the known change at position 1000). */
  private static double[] errors() {
    SplittableRandom random = new SplittableRandom(3);
    double[] v = new double[2000];
    for (int t = 0; t < v.length; t++) {
      v[t] = random.nextDouble() < (t < 1000 ? 0.1 : 0.7) ? 1 : 0;
    }
    return v;
  }

  private Path write(String name, List<String> lines) throws IOException {
    return Files.write(dir.resolve(name), lines);
  }

  private Path errorsFile() throws IOException {
    List<String> lines = new ArrayList<>();
    for (double v : errors()) {
      lines.add(v == 1 ? "1" : "0");
    }
    return write("errors.txt", lines);
  }

  /** Positions of a signal computed by calling the detector directly. */
  private static List<Integer> positions(String type, Signal wanted) {
    DriftDetector d = Detectors.create(type, Map.of());
    List<Integer> out = new ArrayList<>();
    double[] v = errors();
    for (int t = 0; t < v.length; t++) {
      if (d.update(v[t]) == wanted) {
        out.add(t);
      }
    }
    return out;
  }

  private static List<Integer> ints(JsonNode array) {
    List<Integer> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asInt()));
    return out;
  }

  @Test
  void findsTheKnownChangeAndWritesJsonAndPlot() throws IOException {
    Path json = dir.resolve("out/signals.json");
    Files.createDirectories(json.getParent());
    Path png = dir.resolve("out/signals.png");
    int code = run("--detector", "ddm", "--input", errorsFile().toString(), "--json", json.toString(),
        "--plot", png.toString());
    assertThat(code).as(err.toString()).isZero();

    JsonNode result = new ObjectMapper().readTree(json.toFile());
    List<Integer> drifts = ints(result.get("drifts"));
    assertThat(drifts).isEqualTo(positions("ddm", Signal.DRIFT));
    assertThat(drifts).anySatisfy(p -> assertThat(p).isBetween(1000, 1150));
    assertThat(ints(result.get("warnings"))).isEqualTo(positions("ddm", Signal.WARNING)).isNotEmpty();
    assertThat(result.get("detector").asText()).isEqualTo("ddm");
    assertThat(result.get("values").asInt()).isEqualTo(2000);
    assertThat(out.toString()).contains("ddm {min-instances=30, warning-level=2.0, drift-level=3.0, min-examples=100} over 2000 values")
        .contains("drifts (" + drifts.size() + "): " + DriftCommand.ranges(drifts));

    BufferedImage image = ImageIO.read(png.toFile());
    assertThat(image).as("a readable PNG").isNotNull();
    assertThat(image.getWidth()).isEqualTo(1200);
    assertThat(image.getHeight()).isEqualTo(500);
  }

  @Test
  void passesParametersAndSkipsBlankLines() throws IOException {
    List<String> lines = new ArrayList<>();
    for (int t = 0; t < 400; t++) {
      lines.add(t < 200 ? "0.0" : "5.0");
      if (t == 10) {
        lines.add("   ");
      }
    }
    Path json = dir.resolve("ph.json");
    int code = run("--detector", "page-hinkley", "--param", "lambda=20", "--param", "min-instances=5",
        "--input", write("steps.txt", lines).toString(), "--json", json.toString());
    assertThat(code).as(err.toString()).isZero();
    // The blank line is skipped: 200 zeros then fives from position 200. With k fives the mean is
    // 5k / (200 + k) and U = 0.9999 U + 5 - mean - 0.005: 4.970 (200), 9.915 (201), 14.835 (202),
    // 19.731 (203, still below lambda = 20), 24.602 (204): the drift.
    assertThat(ints(new ObjectMapper().readTree(json.toFile()).get("drifts"))).containsExactly(204);
  }

  @Test
  void badArgumentsExitWithTwoNamingTheOption() throws IOException {
    Path file = errorsFile();
    assertThat(run("--detector", "adwin3", "--input", file.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("--detector: unknown drift detector 'adwin3'; known: adwin, ddm");

    assertThat(run("--detector", "adwin", "--param", "delta=2", "--input", file.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("--param: adwin: parameter delta must be in (0, 1) but was 2.0");

    assertThat(run("--detector", "adwin", "--param", "speed=1", "--input", file.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("--param: adwin: unknown parameter 'speed'; allowed: delta, clock");

    assertThat(run("--detector", "adwin", "--input", dir.resolve("missing.txt").toString())).isEqualTo(2);
    assertThat(err.toString()).contains("--input: no such file");

    assertThat(run("--input", file.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("--detector");
  }

  @Test
  void aNonNumericLineIsAnErrorNamingItsNumber() throws IOException {
    Path file = write("bad.txt", List.of("0", "1", "", "0.5x", "1"));
    assertThat(run("--detector", "adwin", "--input", file.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("--input: line 4 is not a number: '0.5x'");
  }

  @Test
  void aValueOutsideTheDetectorsDomainIsAnErrorNamingItsLine() throws IOException {
    Path file = write("real.txt", List.of("0", "1", "0.25"));
    assertThat(run("--detector", "hddm-a", "--input", file.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("--input: line 3: hddm-a accepts only 0 or 1");
  }

  @Test
  void printsPositionsAsRuns() {
    assertThat(DriftCommand.ranges(List.of())).isEqualTo("none");
    assertThat(DriftCommand.ranges(List.of(3, 4, 5, 9, 11, 12))).isEqualTo("3-5, 9, 11-12");
  }
}
