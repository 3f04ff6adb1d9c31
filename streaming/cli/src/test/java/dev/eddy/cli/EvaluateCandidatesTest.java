package dev.eddy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.eddy.cli.tune.TuneCommandTest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code evaluate --candidate}: the race serves the better candidate (plain PA loses to logistic
 * regression on noisy SEA-like rows, so the race scores above PA alone and within the first window's
 * cost of logistic alone), and bad candidates are named.
 */
class EvaluateCandidatesTest {
  private final CliRun cli = new CliRun();

  private double accuracy(Path data, Path json, String... more) throws Exception {
    String[] args = {"evaluate", "--csv", data.toString(), "--label-column", "y", "--no-progress", "--json", json.toString()};
    String[] all = java.util.Arrays.copyOf(args, args.length + more.length);
    System.arraycopy(more, 0, all, args.length, more.length);
    assertThat(cli.run(all)).as(cli.err()).isZero();
    return new ObjectMapper().readTree(json.toFile()).get("accuracy").asDouble();
  }

  @Test
  void theRaceServesTheBetterCandidate(@TempDir Path dir) throws Exception {
    Path data = TuneCommandTest.csv(dir);
    double pa = accuracy(data, dir.resolve("pa.json"), "--learner", "pa");
    double logistic = accuracy(data, dir.resolve("lr.json"), "--learner", "logistic");
    Path predictions = dir.resolve("race.csv");
    double race = accuracy(data, dir.resolve("race.json"), "--learner", "pa", "--candidate", "logistic,learning-rate=0.1",
        "--selection-window", "200", "--predictions", predictions.toString());
    assertThat(logistic).isGreaterThan(pa + 0.05);
    assertThat(race).as("pa %s, logistic %s", pa, logistic).isGreaterThan(pa + 0.04).isGreaterThan(logistic - 0.02);
    java.util.List<String> rows = Files.readAllLines(predictions);
    assertThat(rows.get(1)).endsWith(",1"); // version 1: pa serves first
    assertThat(Long.parseLong(rows.get(rows.size() - 1).substring(rows.get(rows.size() - 1).lastIndexOf(',') + 1)))
        .as("a switch to logistic is a new version").isGreaterThan(1);
  }

  @Test
  void badCandidatesAreNamed(@TempDir Path dir) throws Exception {
    Path data = TuneCommandTest.csv(dir);
    String[] base = {"evaluate", "--csv", data.toString(), "--label-column", "y", "--learner", "pa", "--no-progress"};
    assertThat(cli.run(concat(base, "--candidate", "nope"))).isEqualTo(2);
    assertThat(cli.err()).contains("--candidate: unknown learner type 'nope'");
    assertThat(cli.run(concat(base, "--candidate", "pa-i,C"))).isEqualTo(2);
    assertThat(cli.err()).contains("--candidate pa-i,C: expected TYPE[,NAME=VALUE...], got 'C'");
    assertThat(cli.run(concat(base, "--candidate", "pa-i", "--selection-window", "3"))).isEqualTo(2);
    assertThat(cli.err()).contains("--selection-window must be >= 10 but was 3");
    assertThat(cli.run(concat(base, "--candidate", "pa-i,C=-1"))).isEqualTo(2);
    assertThat(cli.err()).contains("--param or --candidate: ");
  }

  private static String[] concat(String[] a, String... b) {
    String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
