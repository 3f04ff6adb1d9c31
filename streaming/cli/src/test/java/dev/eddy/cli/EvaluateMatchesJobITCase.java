package dev.eddy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.eddy.cli.local.LocalRunner;
import dev.eddy.core.kafka.CheckedProducer;
import dev.eddy.core.kafka.KafkaConnection;
import dev.eddy.core.model.OutputRecords;
import dev.eddy.core.spec.JobSpec;
import dev.eddy.core.spec.JobSpecReader;
import dev.eddy.core.synthetic.SeaGenerator;
import dev.eddy.schemas.DriftEvent;
import dev.eddy.schemas.DriftKind;
import dev.eddy.schemas.DriftLevel;
import dev.eddy.schemas.Event;
import dev.eddy.schemas.ModelSnapshot;
import dev.eddy.schemas.Prediction;
import dev.eddy.schemas.codec.Topics;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code bin/eddy evaluate} and the job run the same model step: one CSV, evaluated offline and
 * produced as events to a real broker for the job on a MiniCluster (bounded), gives identical
 * predictions (score, label, model version for every example), drift and warning positions, model
 * versions and final prequential metrics (evaluate's JSON and the models topic's last snapshot), for
 * each retraining policy on a binary task and for a multiclass (class names) and a regression task;
 * and with the poisoning guard (every rule that refuses or bounds on this stream: outliers beyond 1.7
 * sd of SEA's uniform features, 500 learns a second of the 1000 rows a second, steps of 0.05).
 */
@Tag("slow")
@Timeout(value = 5, unit = java.util.concurrent.TimeUnit.MINUTES)
class EvaluateMatchesJobITCase {
  static final int ROWS = 4000;
  @RegisterExtension static final KafkaTestSupport kafka = new KafkaTestSupport();

  @ParameterizedTest(name = "{0}, retrain {1} {3}")
  @CsvSource({"binary, reset, ddm,", "binary, background, ddm,", "binary, window, ddm,",
      "multiclass, background, ddm,", "regression, background, adwin,",
      "binary, background, ddm, guarded"})
  void evaluateAndTheJobAgreeExactly(String task, String policy, String detector, String guarded, @TempDir Path dir)
      throws Exception {
    String name = task + "-" + policy + (guarded == null ? "" : "-guarded");
    List<String> guard = guarded == null ? List.of()
        : List.of("--guard", "max-z=1.7", "--guard", "max-learn-rate=500", "--guard", "max-step=0.05");
    Path csv = dir.resolve(name + ".csv");
    List<Event> events = streamWithAFlip(task, csv);

    Path json = dir.resolve("evaluate.json");
    Path offline = dir.resolve("predictions.csv");
    var cli = EddyCli.commandLine();
    StringWriter err = new StringWriter();
    cli.setErr(new PrintWriter(err, true));
    StringWriter out = new StringWriter();
    cli.setOut(new PrintWriter(out, true));
    List<String> args = new ArrayList<>(List.of("evaluate", "--csv", csv.toString(), "--label-column", "y", "--learner", "pa-i",
        "--param", "C=0.1", "--task", task, "--drift", detector, "--retrain", policy, "--json", json.toString(),
        "--predictions", offline.toString(), "--no-progress"));
    args.addAll(guard);
    assertThat(cli.execute(args.toArray(String[]::new))).as(err.toString()).isZero();
    if (guarded != null) { // every rule acted, so the agreement below covers them
      assertThat(out.toString()).containsPattern("guard max-z refused: [1-9]")
          .containsPattern("guard max-learn-rate refused: [1-9]").containsPattern("guard max-step clipped: [1-9]");
    }

    JobSpec spec = JobSpecReader.parse(String.join("\n",
        "name: same-step-" + name,
        "kafka: {bootstrap: '" + kafka.bootstrap() + "', topics: {events: ev-" + name + ", predictions: pr-" + name
            + ", drift: dr-" + name + ", models: mo-" + name + ", dead-letter: dl-" + name + ", labels: la-" + name + "}}",
        "features: [x1, x2, x3]",
        "task: " + task,
        task.equals("multiclass") ? "classes: [" + String.join(", ", CLASSES) + "]" : "",
        "learner: {type: pa-i, C: 0.1}",
        "drift: {detector: " + detector + ", retrain: " + policy + "}",
        "models: {publish-every: " + (guarded == null ? ROWS : 1) + "}", // guarded: fewer learns than rows
        guarded == null ? "" : "guard: {max-z: 1.7, max-learn-rate: 500, max-step: 0.05}",
        "checkpoint: {interval: 500ms}",
        ""));
    var topics = spec.kafka().topics();
    kafka.createTopics(topics.all());
    try (CheckedProducer p = new CheckedProducer(KafkaConnection.of(kafka.bootstrap()))) {
      for (Event e : events) {
        p.send(topics.events(), null, Topics.EVENT.encode(e));
      }
    }
    LocalRunner.run(spec, true, kafka.workDir("same-step-" + name));

    List<String> fromJob = new ArrayList<>();
    for (ConsumerRecord<byte[], byte[]> r : kafka.readCommitted(topics.predictions())) {
      Prediction p = Topics.PREDICTION.decode(r.value());
      fromJob.add(p.getId().substring(2) + "," + p.getScore() + "," + p.getPredictedLabel() + "," + p.getModelVersion());
    }
    List<String> fromEvaluate = Files.readAllLines(offline).subList(1, ROWS + 1);
    assertThat(fromJob).hasSize(ROWS).isEqualTo(fromEvaluate);

    JsonNode report = new ObjectMapper().readTree(json.toFile());
    List<Long> drifts = new ArrayList<>();
    List<Long> warnings = new ArrayList<>();
    for (ConsumerRecord<byte[], byte[]> r : kafka.readCommitted(topics.drift())) {
      DriftEvent d = Topics.DRIFT.decode(r.value());
      assertThat(d.getKind()).isEqualTo(DriftKind.CONCEPT);
      (d.getLevel() == DriftLevel.DRIFT ? drifts : warnings).add(d.getPosition());
    }
    List<Long> versions = new ArrayList<>();
    ModelSnapshot last = null;
    for (ConsumerRecord<byte[], byte[]> r : kafka.readCommitted(topics.models())) {
      last = Topics.MODEL.decode(r.value());
      if (!last.getReason().equals(OutputRecords.UPDATE)) {
        versions.add(last.getVersion());
      }
    }
    assertThat(drifts).as("a drift is found").isNotEmpty().isEqualTo(longs(report.get("drifts")));
    assertThat(warnings).isEqualTo(longs(report.get("warnings")));
    assertThat(versions).isEqualTo(longs(report.get("modelVersions"))).hasSizeGreaterThan(1);

    assertThat(last.getReason()).as("the snapshot after the last row").isEqualTo(OutputRecords.UPDATE);
    Map<String, Double> metrics = last.getMetrics();
    assertThat(metrics).containsKeys(task.equals("regression") ? "r2" : "kappa");
    metrics.forEach((metric, value) ->
        assertThat(report.get(metric).asDouble()).as(metric).isEqualTo(value));
  }

  static final List<String> CLASSES = List.of("high", "low", "mid"); // evaluate orders class names: sorted

  /**
   * SEA features with 5% noise and a target per task — binary: SEA's label; multiclass: the band of
   * x1 + x2 (by class name); regression: x1 − 0.5·x2 + noise — its concept flipped from the middle on
   * (labels inverted, classes rotated, the target negated); written as CSV and returned as events.
   */
  private static List<Event> streamWithAFlip(String task, Path csv) throws Exception {
    SeaGenerator sea = new SeaGenerator(21, new long[0], 0.05);
    SplittableRandom noise = new SplittableRandom(8);
    List<String> lines = new ArrayList<>(List.of("x1,x2,x3,y"));
    List<Event> events = new ArrayList<>();
    double[] x = new double[3];
    for (int i = 0; i < ROWS; i++) {
      double y = sea.next(x);
      boolean flipped = i >= ROWS / 2;
      Event.Builder e = Event.newBuilder().setId("r-" + i).setTimestamp(1_700_000_000_000L + i)
          .setFeatures(Map.of("x1", x[0], "x2", x[1], "x3", x[2]));
      String cell;
      switch (task) {
        case "binary" -> {
          y = flipped ? 1 - y : y;
          e.setLabel(y);
          cell = String.valueOf((int) y);
        }
        case "multiclass" -> {
          double s = x[0] + x[1];
          int band = s < 8 ? 0 : s < 12 ? 1 : 2;
          cell = CLASSES.get(flipped ? (band + 1) % 3 : band);
          e.setLabelName(cell);
        }
        default -> {
          y = (x[0] - 0.5 * x[1] + noise.nextGaussian()) * (flipped ? -1 : 1);
          e.setLabel(y);
          cell = String.valueOf(y);
        }
      }
      lines.add(String.format(Locale.ROOT, "%s,%s,%s,%s", x[0], x[1], x[2], cell));
      events.add(e.build());
    }
    Files.write(csv, lines);
    return events;
  }

  private static List<Long> longs(JsonNode array) {
    List<Long> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asLong()));
    return out;
  }
}
