package dev.eddy.cli.tune;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.eddy.cli.EddyCli;
import dev.eddy.core.spec.JobSpec;
import dev.eddy.core.spec.JobSpecReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bin/eddy tune} end to end on a small CSV: result files, determinism, and evaluate agrees. */
public class TuneCommandTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    var cli = EddyCli.commandLine();
    cli.setErr(new PrintWriter(err, true));
    cli.setOut(new PrintWriter(out, true));
    return cli.execute(args);
  }

  /** SEA-like: y = x1 + x2 <= 8 on [0, 10]², 10% noise, 4,000 rows. */
  public static Path csv(Path dir) throws Exception {
    SplittableRandom r = new SplittableRandom(11);
    List<String> lines = new ArrayList<>(List.of("x1,x2,x3,y"));
    for (int i = 0; i < 4000; i++) {
      double a = r.nextDouble(0, 10);
      double b = r.nextDouble(0, 10);
      double c = r.nextDouble(0, 10);
      int y = (a + b <= 8) ^ (r.nextDouble() < 0.1) ? 1 : 0;
      lines.add(String.format(Locale.ROOT, "%.4f,%.4f,%.4f,%d", a, b, c, y));
    }
    Path file = dir.resolve("sea.csv");
    Files.write(file, lines);
    return file;
  }

  private String[] tune(Path data, Path dir, String tag) {
    return new String[] {"tune", "--csv", data.toString(), "--label-column", "y", "--learners", "pa-i,perceptron,alma",
        "--drift", "none,adwin", "--budget", "8", "--seed", "3", "--no-progress",
        "--json", dir.resolve(tag + ".json").toString(), "--spec-out", dir.resolve(tag + ".yaml").toString(),
        "--plot", dir.resolve(tag + ".png").toString()};
  }

  @Test
  void writesTheResultsDeterministicallyAndTheTunedSpecScoresTheSameInEvaluate(@TempDir Path dir) throws Exception {
    Path data = csv(dir);
    assertThat(run(tune(data, dir, "a"))).as(err.toString()).isZero();
    assertThat(run(tune(data, dir, "b"))).as(err.toString()).isZero();
    assertThat(Files.readString(dir.resolve("a.json"))).isEqualTo(Files.readString(dir.resolve("b.json")));
    assertThat(Files.size(dir.resolve("a.png"))).isPositive();

    JsonNode result = new ObjectMapper().readTree(dir.resolve("a.json").toFile());
    assertThat(result.get("trials")).hasSize(8);
    assertThat(result.get("searched").get("pa-i").toString()).contains("C");
    JsonNode best = result.get("best");
    double tuned = best.get("score").asDouble();
    assertThat(out.toString()).contains("best: #" + best.get("trial").asInt());

    // the spec is one bin/eddy run accepts, with the best configuration
    JobSpec spec = JobSpecReader.read(dir.resolve("a.yaml"));
    assertThat(spec.learner().type()).isEqualTo(best.get("learner").asText());
    assertThat(spec.features()).containsExactly("x1", "x2", "x3");

    // evaluate, given that configuration, reports the tuner's score
    List<String> args = new ArrayList<>(List.of("evaluate", "--csv", data.toString(), "--label-column", "y",
        "--learner", spec.learner().type(), "--no-progress", "--json", dir.resolve("eval.json").toString()));
    for (Map.Entry<String, String> p : spec.learner().params().entrySet()) {
      args.add("--param");
      args.add(p.getKey() + "=" + p.getValue());
    }
    if (spec.drift().detector() != null) {
      args.addAll(List.of("--drift", spec.drift().detector(), "--retrain", spec.drift().retrain()));
    }
    assertThat(run(args.toArray(String[]::new))).as(err.toString()).isZero();
    double evaluated = new ObjectMapper().readTree(dir.resolve("eval.json").toFile()).get("accuracy").asDouble();
    assertThat(evaluated).isEqualTo(tuned);
  }

  @Test
  void badOptionsAreNamed(@TempDir Path dir) throws Exception {
    Path data = csv(dir);
    assertThat(run("tune", "--csv", data.toString(), "--label-column", "y", "--learners", "nope")).isEqualTo(2);
    assertThat(err.toString()).contains("--learners: unknown learner type 'nope'");
    assertThat(run("tune", "--csv", data.toString(), "--label-column", "y", "--objective", "speed")).isEqualTo(2);
    assertThat(err.toString()).contains("--objective must be one of accuracy, kappa, log-loss, mae, rmse");
    assertThat(run("tune", "--csv", data.toString(), "--label-column", "y", "--retrain", "reset")).isEqualTo(2);
    assertThat(err.toString()).contains("--retrain needs --drift");
    assertThat(run("tune", "--csv", data.toString(), "--label-column", "nope")).isEqualTo(2);
    assertThat(err.toString()).contains("--csv: 'nope' is not a column");
    assertThat(run("tune", "--csv", data.toString(), "--label-column", "y", "--parallel", "0")).isEqualTo(2);
    assertThat(err.toString()).contains("--parallel must be >= 1 but was 0");
    assertThat(run("tune", "--learners", "pa-i")).isEqualTo(2);
    assertThat(err.toString()).contains("give --csv FILE --label-column NAME, or --topic TOPIC");
    assertThat(run("tune", "--topic", "events", "--csv", data.toString(), "--label-column", "y")).isEqualTo(2);
    assertThat(err.toString()).contains("not both");
    assertThat(run("tune", "--topic", "events", "--format", "xml")).isEqualTo(2);
    assertThat(err.toString()).contains("--format must be avro or json but was 'xml'");
  }

  /** --parallel 3: twice the same result, on the job's model step over real rows. */
  @Test
  void parallelTuningIsDeterministic(@TempDir Path dir) throws Exception {
    Path data = csv(dir);
    for (String tag : List.of("p1", "p2")) {
      assertThat(run("tune", "--csv", data.toString(), "--label-column", "y", "--learners", "pa-i,logistic,alma",
          "--budget", "9", "--parallel", "3", "--seed", "4", "--no-progress", "--json", dir.resolve(tag + ".json").toString()))
          .as(err.toString()).isZero();
    }
    assertThat(Files.readString(dir.resolve("p1.json"))).isEqualTo(Files.readString(dir.resolve("p2.json")));
    assertThat(new ObjectMapper().readTree(dir.resolve("p1.json").toFile()).get("trials")).hasSize(9);
  }
}
