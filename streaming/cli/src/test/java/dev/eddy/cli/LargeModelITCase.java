package dev.eddy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eddy.cli.local.LocalRunner;
import dev.eddy.core.kafka.CheckedProducer;
import dev.eddy.core.kafka.JobKafka;
import dev.eddy.core.kafka.KafkaConnection;
import dev.eddy.core.spec.JobSpec;
import dev.eddy.core.spec.JobSpecReader;
import dev.eddy.schemas.Event;
import dev.eddy.schemas.ModelSnapshot;
import dev.eddy.schemas.codec.Topics;
import dev.eddy.sinks.Output;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A model larger than Kafka's default 1 MiB record limit is published: the models topic and its
 * producer take snapshots up to the limit the spec checks ({@link JobSpec.Models#MAX_SNAPSHOT_BYTES}).
 */
@Tag("slow")
@Timeout(value = 5, unit = java.util.concurrent.TimeUnit.MINUTES)
class LargeModelITCase {
  @RegisterExtension static final KafkaTestSupport kafka = new KafkaTestSupport();

  @Test
  void aSnapshotAboveOneMebibyteReachesTheModelsTopic() throws Exception {
    assertThat(Output.MODELS.maxRecordBytes()).isEqualTo(JobSpec.Models.MAX_SNAPSHOT_BYTES);
    List<String> features = List.of("f0", "f1", "f2", "f3", "f4", "f5", "f6", "f7", "f8", "f9");
    JobSpec spec = JobSpecReader.parse(String.join("\n",
        "name: large",
        "kafka: {bootstrap: '" + kafka.bootstrap() + "', topics: {events: l-events, predictions: l-predictions,"
            + " drift: l-drift, models: l-models, dead-letter: l-dlq, labels: l-labels}}",
        "features: [" + String.join(", ", features) + "]",
        "learner: {type: tf-mlp, hidden: '300,300', device: cpu}",
        "checkpoint: {interval: 500ms}",
        ""));
    JobKafka.prepare(spec);
    try (CheckedProducer p = new CheckedProducer(KafkaConnection.of(kafka.bootstrap()))) {
      for (int i = 0; i < 50; i++) {
        Map<String, Double> x = new HashMap<>();
        for (String f : features) {
          x.put(f, (double) ((i * 7 + f.hashCode()) % 11));
        }
        p.send("l-events", null, Topics.EVENT.encode(Event.newBuilder().setId("e-" + i).setTimestamp(1_700_000_000_000L + i)
            .setFeatures(x).setLabel((double) (i % 2)).build()));
      }
    }
    LocalRunner.run(spec, true, kafka.workDir("large"));
    List<ConsumerRecord<byte[], byte[]>> models = kafka.readCommitted("l-models");
    assertThat(models).isNotEmpty();
    assertThat(models.get(0).value().length).as("the initial snapshot's size").isGreaterThan(1 << 20);
    ModelSnapshot initial = Topics.MODEL.decode(models.get(0).value());
    assertThat(initial.getReason()).isEqualTo("initial");
    assertThat(kafka.readCommitted("l-predictions")).hasSize(50);
  }
}
