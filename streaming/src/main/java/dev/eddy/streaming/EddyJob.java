package dev.eddy.streaming;

import dev.eddy.schemas.DeadLetter;
import dev.eddy.schemas.Prediction;
import dev.eddy.sinks.EddySinks;
import dev.eddy.sinks.Guarantee;
import dev.eddy.streaming.gpu.GpuPlacement;
import dev.eddy.streaming.model.ModelConfig;
import dev.eddy.streaming.operator.LearnerOperator;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;
import dev.eddy.streaming.source.AvroEventParser;
import dev.eddy.streaming.source.EventDecoder;
import dev.eddy.streaming.source.EventParser;
import dev.eddy.streaming.source.FeatureLayout;
import dev.eddy.streaming.source.InputEvent;
import dev.eddy.streaming.source.JsonEventParser;
import dev.eddy.streaming.source.RawRecord;
import dev.eddy.streaming.source.RawRecordDeserializer;
import dev.eddy.streaming.spec.JobSpec;
import dev.eddy.streaming.spec.JobSpecReader;
import java.nio.file.Path;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.KafkaSourceBuilder;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;

/**
 * The Eddy job: Kafka events → decode and validate (bad records to the dead-letter topic) → keyBy
 * model key → keyed learner operator on RocksDB → predictions, drift events and model versions to
 * Kafka, exactly-once by default.
 *
 * <p>Entry point for {@code flink run eddy-job.jar --spec job.yaml [--bounded]}; {@code bin/eddy run}
 * builds the same graph on a local MiniCluster.
 */
public final class EddyJob {
  /** Prequential metrics window of every model. */
  static final int METRICS_WINDOW = 1000;

  private EddyJob() {}

  /** {@code --spec FILE [--bounded]}. */
  public static void main(String[] args) throws Exception {
    String spec = null;
    boolean bounded = false;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--spec" -> spec = i + 1 < args.length ? args[++i] : null;
        case "--bounded" -> bounded = true;
        default -> throw new IllegalArgumentException("unknown argument " + args[i] + "; usage: --spec FILE [--bounded]");
      }
    }
    if (spec == null) {
      throw new IllegalArgumentException("usage: --spec FILE [--bounded]");
    }
    JobSpec jobSpec = JobSpecReader.read(Path.of(spec));
    StreamExecutionEnvironment env =
        StreamExecutionEnvironment.getExecutionEnvironment(configuration(jobSpec));
    build(env, jobSpec, bounded);
    env.execute(jobSpec.name());
  }

  /**
   * The job-level configuration a spec implies: RocksDB state, checkpointing at the spec's interval
   * and mode, and the checkpoint directory when the spec names one (else the cluster's).
   */
  public static Configuration configuration(JobSpec spec) {
    Configuration conf = new Configuration();
    conf.set(StateBackendOptions.STATE_BACKEND, "rocksdb");
    conf.set(CheckpointingOptions.INCREMENTAL_CHECKPOINTS, true);
    conf.set(CheckpointingOptions.CHECKPOINTING_INTERVAL, spec.checkpoint().interval());
    conf.set(
        CheckpointingOptions.CHECKPOINTING_CONSISTENCY_MODE,
        spec.checkpoint().guarantee() == Guarantee.EXACTLY_ONCE
            ? CheckpointingMode.EXACTLY_ONCE
            : CheckpointingMode.AT_LEAST_ONCE);
    if (spec.checkpoint().directory() != null) {
      conf.set(CheckpointingOptions.CHECKPOINT_STORAGE, "filesystem");
      conf.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, spec.checkpoint().directory());
    }
    return conf;
  }

  /** Adds the job's operators to {@code env}. */
  public static void build(StreamExecutionEnvironment env, JobSpec spec, boolean bounded) {
    env.getConfig().enableObjectReuse(); // operators never keep references to records
    if (spec.parallelism() > 0) {
      env.setParallelism(spec.parallelism());
    }
    KafkaSourceBuilder<RawRecord> source =
        KafkaSource.<RawRecord>builder()
            .setBootstrapServers(spec.kafka().bootstrap())
            .setTopics(spec.kafka().topics().events())
            .setGroupId(spec.kafka().groupId())
            .setStartingOffsets(OffsetsInitializer.committedOffsets(OffsetResetStrategy.EARLIEST))
            .setDeserializer(new RawRecordDeserializer())
            .setProperty("isolation.level", "read_committed");
    if (bounded) {
      source.setBounded(OffsetsInitializer.latest());
    }
    FeatureLayout layout = new FeatureLayout(spec.features(), spec.input().modelKey() != null);
    EventParser parser =
        spec.input().format() == JobSpec.Format.JSON
            ? new JsonEventParser(layout)
            : new AvroEventParser(layout);

    SingleOutputStreamOperator<InputEvent> events =
        env.fromSource(source.build(), WatermarkStrategy.noWatermarks(), "events")
            .uid("events-source")
            .process(new EventDecoder(parser))
            .uid("decode")
            .name("decode and validate");

    EddySinks sinks =
        new EddySinks(spec.kafka().bootstrap(), spec.checkpoint().guarantee(), spec.name());
    events.getSideOutput(EventDecoder.DEAD_LETTERS)
        .sinkTo(sinks.deadLetters(spec.kafka().topics().deadLetter()))
        .uid("dead-letter-sink")
        .name("dead letters");

    ModelConfig model =
        new ModelConfig(
            spec.learner().type(),
            spec.learner().params(),
            spec.features(),
            spec.task(),
            spec.standardize(),
            spec.drift(),
            METRICS_WINDOW);
    SingleOutputStreamOperator<Prediction> predictions =
        events.keyBy(e -> e.modelKey)
            .transform("learner " + spec.learner().type(), new AvroTypeInfo<>(Prediction.class),
                new LearnerOperator(model))
            .uid("learner")
            .name("learner " + spec.learner().type());
    GpuPlacement.apply(env, spec, predictions);
    predictions.sinkTo(sinks.predictions(spec.kafka().topics().predictions()))
        .uid("predictions-sink")
        .name("predictions");
    predictions.getSideOutput(LearnerOperator.DRIFT_EVENTS)
        .sinkTo(sinks.drift(spec.kafka().topics().drift()))
        .uid("drift-sink")
        .name("drift events");
    predictions.getSideOutput(LearnerOperator.MODEL_VERSIONS)
        .sinkTo(sinks.models(spec.kafka().topics().models()))
        .uid("models-sink")
        .name("model versions");
  }
}
