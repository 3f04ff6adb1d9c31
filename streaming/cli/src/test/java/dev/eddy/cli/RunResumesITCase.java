package dev.eddy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eddy.core.kafka.CheckedProducer;
import dev.eddy.core.kafka.KafkaConnection;
import dev.eddy.core.synthetic.SeaGenerator;
import dev.eddy.schemas.Event;
import dev.eddy.schemas.ModelSnapshot;
import dev.eddy.schemas.Prediction;
import dev.eddy.schemas.codec.Topics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/eddy run} remembers what it learned: a second bounded run of the same spec resumes from
 * the savepoint the first one ended with, so its model predicts as a trained one and keeps its
 * version; the models topic never goes back to "version 1, initial". {@code --fresh} starts over.
 */
@Tag("slow")
@Timeout(value = 5, unit = java.util.concurrent.TimeUnit.MINUTES)
class RunResumesITCase {
  @RegisterExtension static final KafkaTestSupport kafka = new KafkaTestSupport();
  private final SeaGenerator sea = new SeaGenerator(5, new long[0], 0.05);
  private int next;

  private void produce(String topic, int n) {
    double[] x = new double[3];
    try (CheckedProducer p = new CheckedProducer(KafkaConnection.of(kafka.bootstrap()))) {
      for (int i = 0; i < n; i++, next++) {
        double y = sea.next(x);
        p.send(topic, null, Topics.EVENT.encode(Event.newBuilder().setId("e-" + next).setTimestamp(1_700_000_000_000L + next)
            .setFeatures(Map.of("x1", x[0], "x2", x[1], "x3", x[2])).setLabel(y).build()));
      }
    }
  }

  @Test
  void aSecondRunContinuesWithTheTrainedModel(@TempDir Path dir) throws Exception {
    Path spec = dir.resolve("job.yaml");
    Files.writeString(spec, String.join("\n",
        "name: resume",
        "kafka: {bootstrap: '" + kafka.bootstrap() + "', topics: {events: r-events, predictions: r-predictions, drift: r-drift,"
            + " models: r-models, dead-letter: r-dlq, labels: r-labels}}",
        "features: [x1, x2, x3]",
        "learner: {type: pa-i, C: 0.1}",
        "models: {publish-every: 0}",
        "checkpoint: {interval: 300ms}",
        ""));
    Path work = dir.resolve("work");
    kafka.createTopics(List.of("r-events"));
    produce("r-events", 1500);
    String[] first = ProduceConsumeITCase.run("run", "--spec", spec.toString(), "--bounded", "--work-dir", work.toString());
    assertThat(first[0]).as(first[2]).isEqualTo("0");
    assertThat(first[1]).contains("Stopped with a savepoint: ");
    assertThat(predictions()).hasSize(1500);

    produce("r-events", 500);
    String[] second = ProduceConsumeITCase.run("run", "--spec", spec.toString(), "--bounded", "--work-dir", work.toString());
    assertThat(second[0]).as(second[2]).isEqualTo("0");
    assertThat(second[1]).contains("Resuming from ");
    List<Prediction> all = predictions();
    assertThat(all).hasSize(2000).extracting(Prediction::getId).doesNotHaveDuplicates();
    long rightAtStart = all.subList(1500, 1600).stream()
        .filter(p -> (p.getPredictedLabel() > 0) == (p.getLabel() > 0)).count();
    assertThat(rightAtStart).as("the first 100 predictions of the second run come from the trained model").isGreaterThan(80);
    assertThat(models()).extracting(ModelSnapshot::getReason).containsExactly("initial");

    produce("r-events", 100);
    String[] fresh = ProduceConsumeITCase.run("run", "--spec", spec.toString(), "--bounded", "--work-dir", work.toString(), "--fresh");
    assertThat(fresh[0]).as(fresh[2]).isEqualTo("0");
    assertThat(fresh[1]).contains("Starting new models (--fresh)");
    assertThat(predictions()).hasSize(2100);
    assertThat(models()).extracting(ModelSnapshot::getReason).containsExactly("initial", "initial");
  }

  private static List<Prediction> predictions() throws Exception {
    List<Prediction> out = new ArrayList<>();
    for (ConsumerRecord<byte[], byte[]> r : kafka.readCommitted("r-predictions")) {
      out.add(Topics.PREDICTION.decode(r.value()));
    }
    return out;
  }

  private static List<ModelSnapshot> models() throws Exception {
    List<ModelSnapshot> out = new ArrayList<>();
    for (ConsumerRecord<byte[], byte[]> r : kafka.readCommitted("r-models")) {
      out.add(Topics.MODEL.decode(r.value()));
    }
    return out;
  }
}
