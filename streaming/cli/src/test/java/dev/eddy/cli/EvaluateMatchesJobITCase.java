package dev.eddy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.eddy.cli.local.LocalRunner;
import dev.eddy.core.kafka.CheckedProducer;
import dev.eddy.core.kafka.KafkaConnection;
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
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code bin/eddy evaluate} and the job run the same model step: one CSV, evaluated offline and
 * produced as events to a real broker for the job on a MiniCluster (bounded), gives identical
 * predictions (score, label, model version for every example), drift and warning positions and model
 * versions, for each retraining policy.
 */
@Tag("slow")
@Timeout(value = 5, unit = java.util.concurrent.TimeUnit.MINUTES)
class EvaluateMatchesJobITCase {
  static final int ROWS = 4000;
  @RegisterExtension static final KafkaTestSupport kafka = new KafkaTestSupport();

  @ParameterizedTest(name = "retrain {0}")
  @ValueSource(strings = {"reset", "background", "window"})
  void evaluateAndTheJobAgreeExactly(String policy, @TempDir Path dir) throws Exception {
    Path csv = dir.resolve("sea.csv");
    List<Event> events = seaWithAFlip(csv);

    Path json = dir.resolve("evaluate.json");
    Path offline = dir.resolve("predictions.csv");
    var cli = EddyCli.commandLine();
    StringWriter err = new StringWriter();
    cli.setErr(new PrintWriter(err, true));
    cli.setOut(new PrintWriter(new StringWriter(), true));
    assertThat(cli.execute("evaluate", "--csv", csv.toString(), "--label-column", "y", "--learner", "pa-i",
        "--param", "C=0.1", "--drift", "ddm", "--retrain", policy, "--json", json.toString(),
        "--predictions", offline.toString(), "--no-progress")).as(err.toString()).isZero();

    JobSpec spec = JobSpecReader.parse(String.join("\n",
        "name: same-step-" + policy,
        "kafka: {bootstrap: '" + kafka.bootstrap() + "', topics: {events: ev-" + policy + ", predictions: pr-" + policy
            + ", drift: dr-" + policy + ", models: mo-" + policy + ", dead-letter: dl-" + policy + ", labels: la-" + policy + "}}",
        "features: [x1, x2, x3]",
        "learner: {type: pa-i, C: 0.1}",
        "drift: {detector: ddm, retrain: " + policy + "}",
        "checkpoint: {interval: 500ms}",
        ""));
    var topics = spec.kafka().topics();
    kafka.createTopics(topics.all());
    try (CheckedProducer p = new CheckedProducer(KafkaConnection.of(kafka.bootstrap()))) {
      for (Event e : events) {
        p.send(topics.events(), null, Topics.EVENT.encode(e));
      }
    }
    LocalRunner.run(spec, true, kafka.workDir("same-step-" + policy));

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
    for (ConsumerRecord<byte[], byte[]> r : kafka.readCommitted(topics.models())) {
      ModelSnapshot m = Topics.MODEL.decode(r.value());
      versions.add(m.getVersion());
    }
    assertThat(drifts).as("a drift is found").isNotEmpty().isEqualTo(longs(report.get("drifts")));
    assertThat(warnings).isEqualTo(longs(report.get("warnings")));
    assertThat(versions).isEqualTo(longs(report.get("modelVersions"))).hasSizeGreaterThan(1);
  }

  /** SEA, 5% noise, the label inverted from the middle on; written as CSV and returned as events. */
  private static List<Event> seaWithAFlip(Path csv) throws Exception {
    SeaGenerator sea = new SeaGenerator(21, new long[0], 0.05);
    List<String> lines = new ArrayList<>(List.of("x1,x2,x3,y"));
    List<Event> events = new ArrayList<>();
    double[] x = new double[3];
    for (int i = 0; i < ROWS; i++) {
      double y = sea.next(x);
      if (i >= ROWS / 2) {
        y = 1 - y;
      }
      lines.add(String.format(Locale.ROOT, "%s,%s,%s,%d", x[0], x[1], x[2], (int) y));
      events.add(Event.newBuilder().setId("r-" + i).setTimestamp(1_700_000_000_000L + i)
          .setFeatures(Map.of("x1", x[0], "x2", x[1], "x3", x[2])).setLabel(y).build());
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
