package dev.eddy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eddy.core.kafka.CheckedProducer;
import dev.eddy.core.kafka.KafkaConnection;
import dev.eddy.core.kafka.TopicAdmin;
import dev.eddy.core.synthetic.SeaGenerator;
import dev.eddy.schemas.Event;
import dev.eddy.schemas.Prediction;
import dev.eddy.schemas.codec.Topics;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rescaling keeps every key's model: a job on a real broker and MiniCluster (RocksDB) runs at
 * parallelism 1, stops with a savepoint, resumes from it at parallelism 2 (its keys' models move to
 * the subtasks that now own their key groups), stops again and resumes at 1. Every prediction, score
 * and model version, is the same as an uninterrupted run's over the same events.
 */
@Tag("slow")
@Timeout(value = 8, unit = java.util.concurrent.TimeUnit.MINUTES)
class RescaleITCase {
  static final int KEYS = 6;
  static final int PER_PHASE = 600;
  static final int FLIP = 700;
  @RegisterExtension static final KafkaTestSupport kafka = new KafkaTestSupport();
  private final SeaGenerator sea = new SeaGenerator(11, new long[0], 0.05);
  private int next;

  /** Events keyed by model key (the Kafka key too, so a key's events keep their order in one partition). */
  private void produce(int n) {
    double[] x = new double[3];
    try (CheckedProducer p = new CheckedProducer(KafkaConnection.of(kafka.bootstrap()))) {
      for (int i = 0; i < n; i++, next++) {
        double y = sea.next(x);
        y = next >= FLIP ? 1 - y : y; // an abrupt concept change in phase 2: drift and new versions are part of what moves
        String key = "k" + (next * 7 % KEYS);
        p.send("rs-events", key.getBytes(StandardCharsets.UTF_8), Topics.EVENT.encode(Event.newBuilder().setId("e-" + next)
            .setKey(key).setTimestamp(1_700_000_000_000L + next).setFeatures(Map.of("x1", x[0], "x2", x[1], "x3", x[2]))
            .setLabel(y).build()));
      }
    }
  }

  private static Path spec(Path dir, String name, int parallelism) throws Exception {
    Path file = dir.resolve(name + "-" + parallelism + ".yaml");
    Files.writeString(file, String.join("\n",
        "name: " + name,
        "kafka: {bootstrap: '" + kafka.bootstrap() + "', topics: {events: rs-events, labels: " + name + "-labels, predictions: "
            + name + "-predictions, drift: " + name + "-drift, models: " + name + "-models, dead-letter: " + name + "-dlq}}",
        "input: {model-key: key}",
        "features: [x1, x2, x3]",
        "learner: {type: pa-i, C: 0.1}",
        "drift: {detector: ddm}",
        "models: {publish-every: 0}",
        "checkpoint: {interval: 300ms}",
        "parallelism: " + parallelism,
        ""));
    return file;
  }

  private static void run(Path spec, Path work, String expected) {
    String[] out = ProduceConsumeITCase.run("run", "--spec", spec.toString(), "--bounded", "--work-dir", work.toString());
    assertThat(out[0]).as(out[2]).isEqualTo("0");
    assertThat(out[1]).contains(expected);
  }

  @Test
  void aSavepointAtParallelismOneRestoresAtTwoAndBackWithEveryModelIntact(@TempDir Path dir) throws Exception {
    TopicAdmin.ensureTopics(KafkaConnection.of(kafka.bootstrap()), List.of("rs-events"), 2, Set.of());
    Path work = dir.resolve("work");
    produce(PER_PHASE);
    run(spec(dir, "rescaled", 1), work, "Stopped with a savepoint: ");
    produce(PER_PHASE);
    run(spec(dir, "rescaled", 2), work, "Resuming from ");
    produce(PER_PHASE);
    run(spec(dir, "rescaled", 1), work, "Resuming from ");
    run(spec(dir, "whole", 1), dir.resolve("whole"), "Stopped with a savepoint: ");

    Set<Integer> owners = new java.util.HashSet<>();
    for (int k = 0; k < KEYS; k++) {
      owners.add(org.apache.flink.runtime.state.KeyGroupRangeAssignment.assignKeyToParallelOperator("k" + k, 128, 2));
    }
    assertThat(owners).as("at parallelism 2 both subtasks own keys (max parallelism 128)").containsExactlyInAnyOrder(0, 1);

    Map<String, String> rescaled = predictions("rescaled-predictions");
    Map<String, String> whole = predictions("whole-predictions");
    assertThat(rescaled).hasSize(3 * PER_PHASE);
    assertThat(rescaled).isEqualTo(whole);
    assertThat(whole.values()).as("drift made new versions, which moved with their keys")
        .anyMatch(p -> !p.startsWith("v1 "));
  }

  /** Each event's prediction: the model version and the score, bit for bit. */
  private static Map<String, String> predictions(String topic) throws Exception {
    Map<String, String> out = new TreeMap<>();
    for (ConsumerRecord<byte[], byte[]> r : kafka.readCommitted(topic)) {
      Prediction p = Topics.PREDICTION.decode(r.value());
      String was = out.put(p.getId().toString(), "v" + p.getModelVersion() + " " + Double.doubleToLongBits(p.getScore()));
      assertThat(was).as("one prediction per event").isNull();
    }
    return out;
  }
}
