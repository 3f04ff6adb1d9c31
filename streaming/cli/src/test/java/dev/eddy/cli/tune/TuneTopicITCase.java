package dev.eddy.cli.tune;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.eddy.cli.CliRun;
import dev.eddy.cli.KafkaTestSupport;
import dev.eddy.core.kafka.CheckedProducer;
import dev.eddy.core.kafka.KafkaConnection;
import dev.eddy.schemas.Event;
import dev.eddy.schemas.codec.Topics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/eddy tune --bootstrap B --topic T} on a real broker: the CSV of {@link TuneCommandTest}
 * produced as Avro events (a few without a label, one that does not decode) is tuned into the same
 * trials, scores and best configuration as the CSV itself; {@code --max-events} takes a prefix.
 */
@Tag("slow")
class TuneTopicITCase {
  @RegisterExtension static final KafkaTestSupport kafka = new KafkaTestSupport();
  private final CliRun cli = new CliRun();

  private int run(String... args) {
    return cli.run(args);
  }

  @Test
  void aTopicTunesAsItsCsvDoes(@TempDir Path dir) throws Exception {
    Path data = TuneCommandTest.csv(dir);
    List<String> lines = Files.readAllLines(data);
    kafka.createTopics(List.of("tune-events"));
    try (CheckedProducer p = new CheckedProducer(KafkaConnection.of(kafka.bootstrap()))) {
      for (int i = 1; i < lines.size(); i++) {
        String[] c = lines.get(i).split(",");
        Event e = Event.newBuilder().setId("e-" + i).setTimestamp(i)
            .setFeatures(Map.of("x1", Double.parseDouble(c[0]), "x2", Double.parseDouble(c[1]), "x3", Double.parseDouble(c[2])))
            .setLabel(Double.parseDouble(c[3])).build();
        p.send("tune-events", null, Topics.EVENT.encode(e));
        if (i % 1000 == 0) {
          p.send("tune-events", null, Topics.EVENT.encode(Event.newBuilder(e).setId("u-" + i).setLabel(null).build()));
        }
      }
      p.send("tune-events", null, new byte[] {1, 2, 3});
    }
    String[] common = {"--learners", "pa-i,logistic", "--budget", "6", "--seed", "2", "--no-progress"};
    assertThat(run(concat(new String[] {"tune", "--csv", data.toString(), "--label-column", "y",
        "--json", dir.resolve("csv.json").toString()}, common))).as(cli.err()).isZero();
    assertThat(run(concat(new String[] {"tune", "--bootstrap", kafka.bootstrap(), "--topic", "tune-events",
        "--json", dir.resolve("topic.json").toString()}, common))).as(cli.err()).isZero();
    assertThat(cli.err()).contains("read 4005 records of tune-events: 4000 labelled events replayed, 4 without a label, 1 that did not decode");
    JsonNode fromCsv = new ObjectMapper().readTree(dir.resolve("csv.json").toFile());
    JsonNode fromTopic = new ObjectMapper().readTree(dir.resolve("topic.json").toFile());
    assertThat(fromTopic.get("trials")).isEqualTo(fromCsv.get("trials"));
    assertThat(fromTopic.get("best")).isEqualTo(fromCsv.get("best"));

    assertThat(run(concat(new String[] {"tune", "--bootstrap", kafka.bootstrap(), "--topic", "tune-events",
        "--max-events", "1000", "--json", dir.resolve("prefix.json").toString()}, common))).as(cli.err()).isZero();
    assertThat(cli.err()).contains("1000 labelled events replayed");
    assertThat(run("tune", "--bootstrap", kafka.bootstrap(), "--topic", "no-such-topic", "--no-progress")).isEqualTo(2);
    assertThat(cli.err()).contains("--topic: ").contains("no-such-topic");
  }

  private static String[] concat(String[] a, String[] b) {
    String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
