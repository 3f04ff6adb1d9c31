package dev.eddy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eddy.cli.KafkaTestSupport;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code produce} a CSV and {@code consume} it back, through the CLI, on a real broker. */
@org.junit.jupiter.api.Timeout(value = 5, unit = java.util.concurrent.TimeUnit.MINUTES)
public class ProduceConsumeITCase {
  @org.junit.jupiter.api.extension.RegisterExtension
  static final KafkaTestSupport kafka = new KafkaTestSupport();

  /** Runs the CLI capturing System.out and System.err (the commands print there); also used by {@code SecureKafkaITCase}. */
  public static String[] run(String... args) {
    PrintStream out = System.out;
    PrintStream err = System.err;
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    ByteArrayOutputStream e = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
      int rc = EddyCli.commandLine().execute(args);
      return new String[] {String.valueOf(rc), o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8)};
    } finally {
      System.setOut(out);
      System.setErr(err);
    }
  }

  @Test
  void producesRowsReportsMalformedOnesAndConsumesThemBackAsJson(@TempDir Path dir) throws Exception {
    Path csv = dir.resolve("data.csv");
    Files.writeString(csv, String.join("\n",
        "id,tenant,x1,x2,label",
        "a,t1,1.5,2,1",
        "b,t2,abc,2,0",
        "c,t1,3,4",
        "d,t2,-1,0.25,",
        "e,t1,5,6,0",
        ""));
    kafka.createTopics(List.of("csv-events"));
    String[] produced = run("produce", "--bootstrap", kafka.bootstrap(), "--topic", "csv-events", "--csv", csv.toString(),
        "--id-column", "id", "--key-column", "tenant", "--label-column", "label");
    assertThat(produced[0]).isEqualTo("0");
    assertThat(produced[1]).contains("Produced 3 events to 'csv-events' (avro); skipped 2 malformed rows.");
    assertThat(produced[2]).contains("skipped line 3: column 'x1' is not a number: 'abc'").contains("skipped line 4:");

    String[] consumed = run("consume", "--bootstrap", kafka.bootstrap(), "--topic", "csv-events", "--from-beginning",
        "--max", "3");
    assertThat(consumed[0]).isEqualTo("0");
    List<String> lines = consumed[1].lines().toList();
    assertThat(lines).hasSize(3);
    assertThat(lines.get(0)).startsWith("{\"id\":\"a\",\"key\":\"t1\",\"timestamp\":")
        .contains("\"features\":{\"x1\":1.5,\"x2\":2.0}").endsWith("\"label\":1.0,\"labelName\":null}");
    assertThat(lines.get(1)).startsWith("{\"id\":\"d\",\"key\":\"t2\"").endsWith("\"label\":null,\"labelName\":null}");
    assertThat(lines.get(2)).startsWith("{\"id\":\"e\"");
  }

  /** Labels sent apart, N rows after their events, and a CSV of labels alone. */
  @Test
  void producesLabelsApartAndLater(@TempDir Path dir) throws Exception {
    Path csv = dir.resolve("rows.csv");
    Files.writeString(csv, "id,x1,y\na,1,1\nb,2,0\nc,3,\nd,4,1\n");
    String[] produced = run("produce", "--bootstrap", kafka.bootstrap(), "--topic", "apart-events", "--csv", csv.toString(),
        "--id-column", "id", "--label-column", "y", "--labels-topic", "apart-labels", "--label-delay", "2", "--format", "json");
    assertThat(produced[0]).as(produced[2]).isEqualTo("0");
    assertThat(produced[1]).contains("Produced 4 events to 'apart-events' (json) and 3 labels to 'apart-labels', 2 rows later");
    List<String> events = run("consume", "--bootstrap", kafka.bootstrap(), "--topic", "apart-events", "--from-beginning",
        "--max", "4")[1].lines().toList();
    assertThat(events).hasSize(4).noneMatch(l -> l.contains("\"label\""));
    List<String> labels = run("consume", "--bootstrap", kafka.bootstrap(), "--topic", "apart-labels", "--from-beginning",
        "--max", "3")[1].lines().toList();
    assertThat(labels).hasSize(3);
    assertThat(labels.get(0)).startsWith("{\"id\":\"a\"").contains("\"label\":1.0");
    assertThat(labels.get(2)).startsWith("{\"id\":\"d\"");

    Path labelsCsv = dir.resolve("labels.csv");
    Files.writeString(labelsCsv, "id,y\nz1,1\nz2,0\n");
    String[] alone = run("produce", "--bootstrap", kafka.bootstrap(), "--topic", "alone-labels", "--csv", labelsCsv.toString(),
        "--id-column", "id", "--label-column", "y", "--labels");
    assertThat(alone[1]).contains("Produced 2 labels to 'alone-labels' (avro)");
    assertThat(run("consume", "--bootstrap", kafka.bootstrap(), "--topic", "alone-labels", "--from-beginning",
        "--max", "2")[1].lines().toList()).hasSize(2).first().asString().startsWith("{\"id\":\"z1\"");
  }

  @Test
  void jsonFormatCreatesTheTopicAndIdleTimeoutEnds(@TempDir Path dir) throws Exception {
    Path csv = dir.resolve("data.csv");
    Files.writeString(csv, "x1,x2,y\n1,2,1\n3,4,0\n");
    // no topic yet: produce creates it
    assertThat(run("produce", "--bootstrap", kafka.bootstrap(), "--topic", "json-events", "--csv", csv.toString(),
        "--label-column", "y", "--format", "json")[0]).isEqualTo("0");
    long start = System.nanoTime();
    String[] consumed = run("consume", "--bootstrap", kafka.bootstrap(), "--topic", "json-events", "--from-beginning",
        "--idle-timeout", "1s");
    assertThat((System.nanoTime() - start) / 1e9).isLessThan(20);
    assertThat(consumed[1].lines().toList()).hasSize(2)
        .first().asString().startsWith("{\"id\":\"row-2\",\"timestamp\":").contains("\"features\":{\"x1\":1.0,\"x2\":2.0}");
  }

  /** The README's hand-run session: produce a CSV, run the job bounded, consume its predictions. */
  @Test
  @org.junit.jupiter.api.Tag("slow")
  void produceRunConsumeThroughTheCli(@TempDir Path dir) throws Exception {
    StringBuilder data = new StringBuilder("id,x1,x2,y\n");
    java.util.SplittableRandom r = new java.util.SplittableRandom(5);
    for (int i = 0; i < 500; i++) {
      double a = r.nextDouble(-1, 1);
      double b = r.nextDouble(-1, 1);
      data.append("r").append(i).append(',').append(a).append(',').append(b).append(',').append(a > b ? 1 : 0).append('\n');
    }
    Path csv = Files.writeString(dir.resolve("data.csv"), data);
    Path spec = Files.writeString(dir.resolve("job.yaml"), String.join("\n",
        "name: cli-run",
        "kafka: {bootstrap: '" + kafka.bootstrap() + "', topics: {events: cli-events, predictions: cli-predictions,",
        "        labels: cli-labels, drift: cli-drift, models: cli-models, dead-letter: cli-dlq}}",
        "features: [x1, x2]",
        "learner: {type: pa}",
        "checkpoint: {interval: 500ms}",
        ""));
    kafka.createTopics(List.of("cli-events"));
    assertThat(run("produce", "--bootstrap", kafka.bootstrap(), "--topic", "cli-events", "--csv", csv.toString(),
        "--id-column", "id", "--label-column", "y")[0]).isEqualTo("0");
    String[] ran = run("run", "--spec", spec.toString(), "--bounded", "--work-dir", dir.resolve("work").toString());
    assertThat(ran[0]).as(ran[2]).isEqualTo("0");
    assertThat(ran[1]).contains("Running job 'cli-run' (pa)").contains("Stopped with a savepoint: ").contains("stopped after");
    String[] consumed = run("consume", "--bootstrap", kafka.bootstrap(), "--topic", "cli-predictions",
        "--from-beginning", "--max", "500");
    List<String> lines = consumed[1].lines().toList();
    assertThat(lines).hasSize(500);
    assertThat(lines.get(0)).startsWith("{\"id\":\"r0\",\"modelKey\":\"global\",\"modelVersion\":1,");
    long right = lines.stream().filter(l -> {
      String predicted = l.replaceAll(".*\"predictedLabel\":([0-9.]+).*", "$1");
      String label = l.replaceAll(".*\"label\":([0-9.]+).*", "$1");
      return Double.parseDouble(predicted) == Double.parseDouble(label);
    }).count();
    assertThat(right).isGreaterThan(400);
  }

  /** Excel's "CSV UTF-8" starts with a byte-order mark; the first column's name must still match. */
  @Test
  void aByteOrderMarkDoesNotHideTheFirstColumn(@TempDir Path dir) throws Exception {
    Path csv = dir.resolve("excel.csv");
    Files.writeString(csv, "\uFEFFid,x1,x2,label\nq1,1,2,1\n");
    String[] produced = run("produce", "--bootstrap", kafka.bootstrap(), "--topic", "bom-events", "--csv",
        csv.toString(), "--id-column", "id", "--label-column", "label", "--format", "json");
    assertThat(produced[0]).as(produced[2]).isEqualTo("0");
    String[] consumed = run("consume", "--bootstrap", kafka.bootstrap(), "--topic", "bom-events", "--from-beginning",
        "--max", "1");
    assertThat(consumed[1].lines().toList()).singleElement().asString()
        .startsWith("{\"id\":\"q1\",").contains("\"features\":{\"x1\":1.0,\"x2\":2.0}");
  }

  @Test
  void unknownColumnIsAUsageError(@TempDir Path dir) throws Exception {
    Path csv = dir.resolve("data.csv");
    Files.writeString(csv, "x1,x2\n1,2\n");
    String[] r = run("produce", "--bootstrap", kafka.bootstrap(), "--topic", "t", "--csv", csv.toString(), "--label-column", "y");
    assertThat(r[0]).isEqualTo("2");
    assertThat(r[2]).contains("--label-column: no column 'y' in the header [x1, x2]");
  }

  /** A CSV of id,label[,key] rows produced as labels alone: keys kept, a row without a label reported, JSON too. */
  @Test
  void producesACsvOfLabelsAloneWithTheirKeys(@TempDir Path dir) throws Exception {
    Path csv = dir.resolve("labels.csv");
    Files.writeString(csv, "id,label,key\ne-1,1,tenant-a\ne-2,,tenant-b\ne-3,setosa,\n");
    String[] r = run("produce", "--bootstrap", kafka.bootstrap(), "--topic", "keyed-labels", "--csv", csv.toString(),
        "--id-column", "id", "--label-column", "label", "--key-column", "key", "--labels", "--format", "json");
    assertThat(r[0]).as(r[2]).isEqualTo("0");
    assertThat(r[1]).contains("Produced 2 labels to 'keyed-labels' (json); skipped 1 malformed rows.");
    assertThat(r[2]).contains("skipped line 3: no label");
    List<String> labels = run("consume", "--bootstrap", kafka.bootstrap(), "--topic", "keyed-labels", "--from-beginning",
        "--max", "2")[1].lines().toList();
    assertThat(labels).hasSize(2);
    assertThat(labels.get(0)).startsWith("{\"id\":\"e-1\",\"key\":\"tenant-a\"").contains("\"label\":1.0");
    assertThat(labels.get(1)).startsWith("{\"id\":\"e-3\"").contains("\"label\":\"setosa\"")
        .doesNotContain("tenant");
  }

  /** Labels alone need their ids and hold no features; a delay needs a labels topic: usage errors before Kafka. */
  @Test
  void aCsvOfLabelsIsCheckedBeforeAnythingIsSent(@TempDir Path dir) throws Exception {
    Path csv = dir.resolve("labels.csv");
    Files.writeString(csv, "id,y,x1\ne-1,1,0.5\n");
    String[] noId = run("produce", "--bootstrap", kafka.bootstrap(), "--topic", "never", "--csv", csv.toString(),
        "--label-column", "y", "--labels");
    assertThat(noId[0]).isEqualTo("2");
    assertThat(noId[2]).contains("--labels needs --id-column");
    String[] features = run("produce", "--bootstrap", kafka.bootstrap(), "--topic", "never", "--csv", csv.toString(),
        "--id-column", "id", "--label-column", "y", "--labels");
    assertThat(features[0]).isEqualTo("2");
    assertThat(features[2]).contains("--labels: a CSV of labels holds only the id, label, key and timestamp columns,"
        + " but it also has [x1]");
    String[] delay = run("produce", "--bootstrap", kafka.bootstrap(), "--topic", "never", "--csv", csv.toString(),
        "--id-column", "id", "--label-column", "y", "--label-delay", "3");
    assertThat(delay[0]).isEqualTo("2");
    assertThat(delay[2]).contains("--label-delay needs --labels-topic");
  }
}
