package dev.eddy.cli.report;

import dev.eddy.core.kafka.KafkaClients;
import dev.eddy.core.kafka.KafkaConnection;
import dev.eddy.core.spec.JobSpec;
import dev.eddy.schemas.DeadLetter;
import dev.eddy.schemas.DriftEvent;
import dev.eddy.schemas.Label;
import dev.eddy.schemas.ModelSnapshot;
import dev.eddy.schemas.Prediction;
import dev.eddy.schemas.codec.AvroCodec;
import dev.eddy.schemas.codec.Topics;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * What a report is drawn from, read from a job's output topics with {@code read_committed} (only what
 * the job committed): the predictions (reduced to what the charts need), the drift events, the model
 * snapshots, the dead letters, and when the labels came apart, each label's arrival time.
 *
 * @param predictions the predictions in topic order, scored against their label where known
 * @param drifts the drift events
 * @param models the model snapshots
 * @param deadLetters the dead letters
 * @param regression whether the job's task is regression (errors instead of right/wrong)
 */
public record ReportInput(List<Scored> predictions, List<DriftEvent> drifts, List<ModelSnapshot> models,
    List<DeadLetter> deadLetters, boolean regression) {

  /** How long a topic read waits for more records before it counts the topic as read. */
  static final Duration IDLE = Duration.ofSeconds(2);

  /**
   * One prediction, as the report needs it.
   *
   * @param modelKey the model key
   * @param eventTime the event's time (epoch ms)
   * @param latencyMs event time to prediction (ms)
   * @param error 0/1 (wrong) for classification, the absolute error for regression, NaN when the label is unknown
   * @param labelDelayMs prediction to the label's arrival on the labels topic (ms), NaN when the label came with the event
   */
  public record Scored(String modelKey, long eventTime, long latencyMs, double error, double labelDelayMs) {}

  /** The time range and model key a report is limited to (null: no limit). */
  public record Filter(String modelKey, Long from, Long to) {
    boolean keeps(String key, long time) {
      return (modelKey == null || modelKey.equals(key)) && keeps(time);
    }

    boolean keeps(long time) {
      return (from == null || time >= from) && (to == null || time <= to);
    }
  }

  /** Reads the topics of {@code topics} through {@code kafka}. */
  public static ReportInput read(KafkaConnection kafka, JobSpec.Topics topics, Filter filter) {
    Map<String, Label> labels = new HashMap<>();
    Map<String, Long> labelArrival = new HashMap<>();
    read(kafka, topics.labels(), Topics.LABEL, (l, at) -> {
      labels.put(l.getId(), l);
      labelArrival.put(l.getId(), at);
    });
    List<Scored> predictions = new ArrayList<>();
    boolean[] regression = {false};
    read(kafka, topics.predictions(), Topics.PREDICTION, (p, at) -> {
      if (filter.keeps(p.getModelKey(), p.getEventTime())) {
        regression[0] |= "regression".equals(p.getTask());
        Label later = p.getLabel() == null && p.getLabelClass() == null ? labels.get(p.getId()) : null;
        Long arrived = later == null ? null : labelArrival.get(p.getId());
        predictions.add(new Scored(p.getModelKey(), p.getEventTime(), p.getProcessedAt() - p.getEventTime(),
            Outcomes.error(p, later), arrived == null ? Double.NaN : Math.max(0, arrived - p.getProcessedAt())));
      }
    });
    List<DriftEvent> drifts = new ArrayList<>();
    read(kafka, topics.drift(), Topics.DRIFT, (d, at) -> {
      if (filter.keeps(d.getModelKey(), d.getTimestamp())) {
        drifts.add(d);
      }
    });
    List<ModelSnapshot> models = new ArrayList<>();
    read(kafka, topics.models(), Topics.MODEL, (m, at) -> {
      if (filter.keeps(m.getModelKey(), m.getTimestamp())) {
        m.setParameters(java.nio.ByteBuffer.allocate(0)); // the report shows metrics, not weights
        models.add(m);
      }
    });
    List<DeadLetter> deadLetters = new ArrayList<>();
    read(kafka, topics.deadLetter(), Topics.DEAD_LETTER, (d, at) -> {
      if (filter.keeps(d.getTimestamp())) {
        deadLetters.add(d);
      }
    });
    return new ReportInput(predictions, drifts, models, deadLetters, regression[0]);
  }

  /** A decoded record and the time Kafka stamped on it. */
  private interface Sink<T> {
    void accept(T record, long kafkaTimestamp);
  }

  private static <T extends org.apache.avro.specific.SpecificRecordBase> void read(KafkaConnection kafka, String topic, AvroCodec<T> codec, Sink<T> sink) {
    Consumer<org.apache.kafka.clients.consumer.ConsumerRecord<byte[], byte[]>> decode = r -> {
      try {
        sink.accept(codec.decode(r.value()), r.timestamp());
      } catch (IOException e) {
        throw new IllegalStateException("topic " + topic + " holds a record it cannot decode at offset "
            + r.offset() + " of partition " + r.partition(), e);
      }
    };
    KafkaClients.readAll(kafka, topic, true, 0, IDLE, decode);
  }
}
