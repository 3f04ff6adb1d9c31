package dev.eddy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eddy.cli.local.LocalRunner;
import dev.eddy.core.kafka.CheckedProducer;
import dev.eddy.core.kafka.JobKafka;
import dev.eddy.core.kafka.KafkaConnection;
import dev.eddy.core.spec.JobSpec;
import dev.eddy.core.spec.JobSpecReader;
import dev.eddy.core.synthetic.SeaGenerator;
import dev.eddy.schemas.DeadLetter;
import dev.eddy.schemas.ModelSnapshot;
import dev.eddy.schemas.Prediction;
import dev.eddy.schemas.codec.Topics;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Labels that come on the labels topic, on a real broker and MiniCluster: events without labels are
 * predicted at once and learned from when their label arrives; a second label is ignored; a label
 * that is not valid for the task is dead-lettered with its bytes and reason.
 */
@Tag("slow")
@Timeout(value = 5, unit = java.util.concurrent.TimeUnit.MINUTES)
class LabelsITCase {
  static final int EVENTS = 2000;
  static final int LABELLED = 1900;
  @RegisterExtension static final KafkaTestSupport kafka = new KafkaTestSupport();

  @Test
  void eventsAreLearnedFromWhenTheirLabelsArrive() throws Exception {
    JobSpec spec = JobSpecReader.parse(String.join("\n",
        "name: labels-later",
        "kafka: {bootstrap: '" + kafka.bootstrap() + "', topics: {events: lt-events, labels: lt-labels,"
            + " predictions: lt-predictions, drift: lt-drift, models: lt-models, dead-letter: lt-dlq}}",
        "input: {format: json}",
        "features: [x1, x2, x3]",
        "learner: {type: pa-i, C: 0.1}",
        "models: {publish-every: 500}",
        "labels: {wait: 10min}",
        "checkpoint: {interval: 500ms}",
        ""));
    JobKafka.prepare(spec);
    SeaGenerator sea = new SeaGenerator(7, new long[0], 0.05);
    double[] labels = new double[EVENTS];
    double[] x = new double[3];
    try (CheckedProducer p = new CheckedProducer(KafkaConnection.of(kafka.bootstrap()))) {
      for (int i = 0; i < EVENTS; i++) {
        labels[i] = sea.next(x);
        p.send("lt-events", null, json(String.format(Locale.ROOT,
            "{\"id\":\"e-%d\",\"timestamp\":%d,\"features\":{\"x1\":%s,\"x2\":%s,\"x3\":%s}}", i, 1_700_000_000_000L + i, x[0], x[1], x[2])));
      }
      for (int i = 0; i < LABELLED; i++) {
        p.send("lt-labels", null, json("{\"id\":\"e-" + i + "\",\"label\":" + (int) labels[i] + "}"));
      }
      p.send("lt-labels", null, json("{\"id\":\"e-3\",\"label\":" + (int) labels[3] + "}")); // a second label
      p.send("lt-labels", null, json("{\"id\":\"e-1999\",\"label\":7}")); // not a binary label
    }
    LocalRunner.run(spec, true, kafka.workDir("labels-later"));

    List<Prediction> predictions = new ArrayList<>();
    for (ConsumerRecord<byte[], byte[]> r : kafka.readCommitted("lt-predictions")) {
      predictions.add(Topics.PREDICTION.decode(r.value()));
    }
    assertThat(predictions).hasSize(EVENTS).extracting(Prediction::getId).doesNotHaveDuplicates();
    assertThat(predictions).allSatisfy(p -> assertThat(p.getLabel()).as("no label rides on the events").isNull());
    long right = predictions.stream().skip(1000)
        .filter(p -> (p.getPredictedLabel() > 0) == (labels[Integer.parseInt(p.getId().substring(2))] > 0)).count();
    assertThat(right).as("predictions of the second half, from a model that learned from the labels").isGreaterThan(850);

    List<Long> learned = new ArrayList<>();
    for (ConsumerRecord<byte[], byte[]> r : kafka.readCommitted("lt-models")) {
      ModelSnapshot m = Topics.MODEL.decode(r.value());
      learned.add(m.getExamples());
    }
    assertThat(learned).as("initial, then every 500 labels").containsExactly(0L, 500L, 1000L, 1500L);

    List<DeadLetter> dead = new ArrayList<>();
    for (ConsumerRecord<byte[], byte[]> r : kafka.readCommitted("lt-dlq")) {
      dead.add(Topics.DEAD_LETTER.decode(r.value()));
    }
    assertThat(dead).hasSize(1);
    assertThat(dead.get(0).getTopic()).isEqualTo("lt-labels");
    assertThat(dead.get(0).getReason()).contains("label must be 0, 1 or -1");
    assertThat(new String(dead.get(0).getValue().array(), StandardCharsets.UTF_8)).isEqualTo("{\"id\":\"e-1999\",\"label\":7}");
  }

  private static byte[] json(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
