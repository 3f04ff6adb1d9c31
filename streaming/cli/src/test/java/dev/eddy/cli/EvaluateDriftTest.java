package dev.eddy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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

/** {@code evaluate --drift ... --retrain ...} on a CSV whose concept flips half-way. */
class EvaluateDriftTest {
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    var cli = EddyCli.commandLine();
    cli.setErr(new PrintWriter(err, true));
    cli.setOut(new PrintWriter(new StringWriter(), true));
    return cli.execute(args);
  }

  /** label = a > b (5% noise), inverted from row 3000 of 6000. */
  static Path csv(Path dir) throws Exception {
    SplittableRandom r = new SplittableRandom(3);
    List<String> lines = new ArrayList<>(List.of("a,b,y"));
    for (int i = 0; i < 6000; i++) {
      double a = r.nextDouble(-1, 1);
      double b = r.nextDouble(-1, 1);
      int y = (a > b) ^ (r.nextDouble() < 0.05) ^ (i >= 3000) ? 1 : 0;
      lines.add(String.format(Locale.ROOT, "%.5f,%.5f,%d", a, b, y));
    }
    Path file = dir.resolve("flip.csv");
    Files.write(file, lines);
    return file;
  }

  @Test
  void detectsTheFlipRetrainsAndBeatsNoRetraining(@TempDir Path dir) throws Exception {
    Path data = csv(dir);
    Path withDrift = dir.resolve("drift.json");
    Path without = dir.resolve("plain.json");
    // a slowly adapting learner (PA-I, small C) keeps the old concept for long: retraining pays
    assertThat(run("evaluate", "--csv", data.toString(), "--label-column", "y", "--learner", "pa-i", "--param", "C=0.01",
        "--drift", "adwin", "--retrain", "reset", "--json", withDrift.toString(), "--no-progress")).isZero();
    assertThat(run("evaluate", "--csv", data.toString(), "--label-column", "y", "--learner", "pa-i", "--param", "C=0.01",
        "--json", without.toString(), "--no-progress")).isZero();
    JsonNode d = new ObjectMapper().readTree(withDrift.toFile());
    JsonNode p = new ObjectMapper().readTree(without.toFile());
    assertThat(d.get("drifts")).isNotEmpty();
    assertThat(d.get("drifts").get(0).asLong()).isBetween(3000L, 3200L);
    assertThat(d.get("modelVersions").get(0).asLong()).isEqualTo(1);
    assertThat(d.get("modelVersions").size()).isGreaterThanOrEqualTo(2);
    assertThat(d.get("accuracy").asDouble()).isGreaterThan(p.get("accuracy").asDouble() + 0.03);
    assertThat(p.has("drifts")).isFalse();
  }

  @Test
  void badDriftArgumentsExit2NamingTheOption(@TempDir Path dir) throws Exception {
    Path data = csv(dir);
    assertThat(run("evaluate", "--csv", data.toString(), "--label-column", "y", "--learner", "pa", "--retrain", "reset",
        "--no-progress")).isEqualTo(2);
    assertThat(err.toString()).contains("--retrain, --drift-param and --retrain-param need --drift");
    assertThat(run("evaluate", "--csv", data.toString(), "--label-column", "y", "--learner", "pa", "--drift", "magic",
        "--no-progress")).isEqualTo(2);
    assertThat(err.toString()).contains("--drift: ");
    assertThat(run("evaluate", "--csv", data.toString(), "--label-column", "y", "--learner", "pa", "--drift", "adwin",
        "--retrain", "pray", "--no-progress")).isEqualTo(2);
    assertThat(err.toString()).contains("--retrain: ");
  }
}
