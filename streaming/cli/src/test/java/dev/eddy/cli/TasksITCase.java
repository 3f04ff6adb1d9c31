package dev.eddy.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.eddy.cli.local.LocalRunner;
import dev.eddy.core.kafka.CheckedProducer;
import dev.eddy.core.kafka.JobKafka;
import dev.eddy.core.kafka.KafkaConnection;
import dev.eddy.core.spec.JobSpec;
import dev.eddy.core.spec.JobSpecReader;
import dev.eddy.schemas.DeadLetter;
import dev.eddy.schemas.Event;
import dev.eddy.schemas.Label;
import dev.eddy.schemas.ModelSnapshot;
import dev.eddy.schemas.Prediction;
import dev.eddy.schemas.codec.Topics;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A multiclass and a regression job end to end, on a real broker and MiniCluster (bounded): the
 * predictions carry what their task predicts, labels come as class names (on the events and on the
 * labels topic) or numbers, an unknown class is dead-lettered naming it, and the models topic
 * carries the task's prequential metrics.
 */
@Tag("slow")
@Timeout(value = 5, unit = java.util.concurrent.TimeUnit.MINUTES)
class TasksITCase {
  static final int EVENTS = 3000;
  static final List<String> CLASSES = List.of("low", "mid", "high");
  @RegisterExtension static final KafkaTestSupport kafka = new KafkaTestSupport();

  /** The class of a point: by x1 + x2, into three bands. */
  static int band(double x1, double x2) {
    double s = x1 + x2;
    return s < -0.6 ? 0 : s < 0.6 ? 1 : 2;
  }

  @Test
  void aMulticlassJobPredictsClassesByNameAndPublishesClassificationMetrics() throws Exception {
    JobSpec spec = JobSpecReader.parse(String.join("\n",
        "name: multiclass",
        "kafka: {bootstrap: '" + kafka.bootstrap() + "', topics: {events: mc-events, labels: mc-labels,"
            + " predictions: mc-predictions, drift: mc-drift, models: mc-models, dead-letter: mc-dlq}}",
        "features: [x1, x2]",
        "task: multiclass",
        "classes: [" + String.join(", ", CLASSES) + "]",
        "learner: {type: logistic, learning-rate: 0.5}",
        "drift: {detector: ddm}",
        "models: {publish-every: 500}",
        "checkpoint: {interval: 500ms}",
        ""));
    JobKafka.prepare(spec);
    SplittableRandom random = new SplittableRandom(3);
    int[] truth = new int[EVENTS];
    try (CheckedProducer p = new CheckedProducer(KafkaConnection.of(kafka.bootstrap()))) {
      for (int i = 0; i < EVENTS; i++) {
        double x1 = random.nextDouble(-1, 1);
        double x2 = random.nextDouble(-1, 1);
        truth[i] = band(x1, x2);
        Event.Builder e = Event.newBuilder().setId("e-" + i).setTimestamp(1_700_000_000_000L + i)
            .setFeatures(Map.of("x1", x1, "x2", x2));
        if (i % 2 == 0) {
          e.setLabelName(CLASSES.get(truth[i])); // the label rides on the event
        }
        p.send("mc-events", null, Topics.EVENT.encode(e.build()));
      }
      for (int i = 1; i < EVENTS; i += 2) { // the others' labels come later, by name
        p.send("mc-labels", null, Topics.LABEL.encode(Label.newBuilder().setId("e-" + i).setTimestamp(1)
            .setLabelName(CLASSES.get(truth[i])).build()));
      }
      p.send("mc-events", null, Topics.EVENT.encode(Event.newBuilder().setId("bad").setTimestamp(1)
          .setFeatures(Map.of("x1", 0.0, "x2", 0.0)).setLabelName("huge").build()));
    }
    LocalRunner.run(spec, true, kafka.workDir("multiclass"));

    List<Prediction> predictions = predictions("mc-predictions");
    assertThat(predictions).hasSize(EVENTS);
    assertThat(predictions).allSatisfy(p -> {
      assertThat(p.getTask()).isEqualTo("multiclass");
      assertThat(p.getPredictedClass()).isEqualTo(CLASSES.get((int) p.getPredictedLabel()));
      assertThat(p.getClassScores()).containsOnlyKeys(CLASSES);
      assertThat(p.getClassScores().get(p.getPredictedClass())).isEqualTo(p.getScore());
      assertThat(p.getClassProbabilities().values().stream().mapToDouble(Double::doubleValue).sum())
          .isCloseTo(1.0, within(1e-9));
      assertThat(p.getProbability()).isNull();
    });
    Prediction labelled = predictions.stream().filter(p -> p.getId().equals("e-0")).findFirst().orElseThrow();
    assertThat(labelled.getLabelClass()).isEqualTo(CLASSES.get(truth[0]));
    long right = predictions.stream().skip(EVENTS / 2)
        .filter(p -> p.getPredictedLabel() == truth[Integer.parseInt(p.getId().substring(2))]).count();
    assertThat(right).as("right classes in the second half").isGreaterThan(EVENTS / 2 * 8 / 10);

    ModelSnapshot last = lastModel("mc-models");
    assertThat(last.getMetrics()).containsKeys("accuracy", "kappa", "logLoss", "macroF1",
        "windowAccuracy", "windowKappa", "windowLogLoss", "windowMacroF1").doesNotContainKeys("precision", "mae");
    assertThat(last.getMetrics().get("accuracy")).isGreaterThan(0.7);

    List<DeadLetter> dead = deadLetters("mc-dlq");
    assertThat(dead).hasSize(1);
    assertThat(dead.get(0).getReason()).contains("unknown class 'huge'; the spec's classes are [low, mid, high]");
  }

  @Test
  void aRegressionJobPredictsValuesAndPublishesRegressionMetrics() throws Exception {
    JobSpec spec = JobSpecReader.parse(String.join("\n",
        "name: regression",
        "kafka: {bootstrap: '" + kafka.bootstrap() + "', topics: {events: rg-events, labels: rg-labels,"
            + " predictions: rg-predictions, drift: rg-drift, models: rg-models, dead-letter: rg-dlq}}",
        "input: {format: json}",
        "features: [x1, x2]",
        "task: regression",
        "learner: {type: pa-i, C: 1.0, epsilon: 0.01}",
        "drift: {detector: adwin}",
        "models: {publish-every: 500}",
        "checkpoint: {interval: 500ms}",
        ""));
    JobKafka.prepare(spec);
    SplittableRandom random = new SplittableRandom(4);
    double[] truth = new double[EVENTS];
    try (CheckedProducer p = new CheckedProducer(KafkaConnection.of(kafka.bootstrap()))) {
      for (int i = 0; i < EVENTS; i++) {
        double x1 = random.nextGaussian();
        double x2 = random.nextGaussian();
        truth[i] = 3 * x1 - 2 * x2 + 5 + 0.1 * random.nextGaussian();
        p.send("rg-events", null, json(String.format(Locale.ROOT,
            "{\"id\":\"e-%d\",\"timestamp\":%d,\"features\":{\"x1\":%s,\"x2\":%s},\"label\":%s}",
            i, 1_700_000_000_000L + i, x1, x2, truth[i])));
      }
      p.send("rg-events", null, json("{\"id\":\"bad\",\"features\":{\"x1\":0,\"x2\":0},\"label\":\"high\"}"));
    }
    LocalRunner.run(spec, true, kafka.workDir("regression"));

    List<Prediction> predictions = predictions("rg-predictions");
    assertThat(predictions).hasSize(EVENTS);
    assertThat(predictions).allSatisfy(p -> {
      assertThat(p.getTask()).isEqualTo("regression");
      assertThat(p.getPredictedValue()).isEqualTo(p.getPredictedLabel());
      assertThat(p.getPredictedClass()).isNull();
      assertThat(p.getProbability()).isNull();
    });
    double lateError = predictions.stream().skip(EVENTS / 2)
        .mapToDouble(p -> Math.abs(p.getPredictedValue() - truth[Integer.parseInt(p.getId().substring(2))]))
        .average().orElseThrow();
    assertThat(lateError).as("mean absolute error in the second half; drift events: %s", kafka.readCommitted("rg-drift").size())
        .isLessThan(0.5);

    ModelSnapshot last = lastModel("rg-models");
    assertThat(last.getMetrics()).containsKeys("mae", "rmse", "r2", "windowMae", "windowRmse", "windowR2")
        .doesNotContainKeys("accuracy", "logLoss");
    assertThat(last.getMetrics().get("windowR2")).isGreaterThan(0.95);

    List<DeadLetter> dead = deadLetters("rg-dlq");
    assertThat(dead).hasSize(1);
    assertThat(dead.get(0).getReason()).contains("label must be a number for a regression task");
  }

  private static List<Prediction> predictions(String topic) throws Exception {
    List<Prediction> out = new ArrayList<>();
    for (ConsumerRecord<byte[], byte[]> r : kafka.readCommitted(topic)) {
      out.add(Topics.PREDICTION.decode(r.value()));
    }
    return out;
  }

  private static ModelSnapshot lastModel(String topic) throws Exception {
    ModelSnapshot last = null;
    for (ConsumerRecord<byte[], byte[]> r : kafka.readCommitted(topic)) {
      last = Topics.MODEL.decode(r.value());
    }
    return last;
  }

  private static List<DeadLetter> deadLetters(String topic) throws Exception {
    List<DeadLetter> out = new ArrayList<>();
    for (ConsumerRecord<byte[], byte[]> r : kafka.readCommitted(topic)) {
      out.add(Topics.DEAD_LETTER.decode(r.value()));
    }
    return out;
  }

  private static byte[] json(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
