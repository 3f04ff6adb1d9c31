package dev.eddy.job;

import dev.eddy.core.input.EventFormats;
import dev.eddy.core.input.FeatureLayout;
import dev.eddy.core.input.LabelRule;
import dev.eddy.core.input.ModelInput;
import dev.eddy.core.input.RawRecord;
import dev.eddy.core.input.RecordParser;
import dev.eddy.core.model.ModelConfig;
import dev.eddy.core.spec.Guarantee;
import dev.eddy.core.spec.JobSpec;
import dev.eddy.core.spec.Replicas;
import dev.eddy.job.gpu.GpuPlacement;
import dev.eddy.job.metrics.LearnerMetrics;
import dev.eddy.job.operator.LearnerOperator;
import dev.eddy.job.operator.OutputTags;
import dev.eddy.job.replica.ReplicaSync;
import dev.eddy.job.source.ModelInputTypeInfo;
import dev.eddy.job.source.RawRecordDeserializer;
import dev.eddy.job.source.RecordDecoder;
import dev.eddy.schemas.DeadLetter;
import dev.eddy.schemas.Prediction;
import dev.eddy.sinks.EddySinks;
import dev.eddy.sinks.Output;
import java.util.HashMap;
import java.util.Map;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.KafkaSourceBuilder;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.OutputTag;
import org.apache.flink.util.ParameterTool;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;

/**
 * The Eddy job: Kafka events → decode and validate (bad records to the dead-letter topic) → keyBy
 * model key → keyed learner operator on RocksDB → predictions, drift events and model versions to
 * Kafka, exactly-once by default. Every Kafka client of the job comes from the spec's one
 * {@link dev.eddy.core.kafka.KafkaConnection}; every output from the {@link Output} registry.
 *
 * <p>Entry point of the job jar ({@link JobArguments}: {@code flink run eddy-job.jar --spec job.yaml
 * [--bounded]}, and {@code bin/eddy submit}); {@code bin/eddy run} builds the same graph on a local
 * MiniCluster.
 */
public final class EddyJob {
  private EddyJob() {}

  /** {@code --spec FILE | --spec-yaml TEXT [--bounded]}. */
  public static void main(String[] args) throws Exception {
    JobArguments job = JobArguments.parse(args);
    StreamExecutionEnvironment env =
        StreamExecutionEnvironment.getExecutionEnvironment(configuration(job.spec()));
    build(env, job.spec(), job.bounded());
    env.execute(job.spec().name());
  }

  /**
   * How long a network buffer between the decoder and the learner waits to fill before it is sent
   * anyway: Flink's default is 100 ms, and at 10,000 events/s a buffer takes tens of ms to fill, which
   * set the at-least-once p99 latency (BENCHMARKS.md, "Latency"); at high rates buffers fill sooner, so
   * a short timeout costs little throughput.
   */
  public static final java.time.Duration BUFFER_TIMEOUT = java.time.Duration.ofMillis(5);

  /**
   * Records one poll of a source's consumer returns, unless {@code kafka.properties} says otherwise: 5,000
   * (the CLI's consumers' figure) instead of the client's 500, so that the source's fetcher hands the task
   * thread fewer, larger batches (BENCHMARKS.md, "Job vs transactional passthrough").
   */
  static final String MAX_POLL_RECORDS = "5000";

  /**
   * The job-level configuration a spec implies: RocksDB state, checkpointing at the spec's interval
   * and mode, the checkpoint directory when the spec names one (else the cluster's), and the
   * {@link #BUFFER_TIMEOUT}.
   */
  public static Configuration configuration(JobSpec spec) {
    Configuration conf = new Configuration();
    conf.set(org.apache.flink.configuration.ExecutionOptions.BUFFER_TIMEOUT, BUFFER_TIMEOUT);
    conf.set(StateBackendOptions.STATE_BACKEND, "rocksdb");
    conf.set(CheckpointingOptions.INCREMENTAL_CHECKPOINTS, true);
    conf.set(CheckpointingOptions.CHECKPOINTING_INTERVAL, spec.checkpoint().interval());
    conf.set(CheckpointingOptions.CHECKPOINTING_TIMEOUT, spec.checkpoint().timeout());
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
    if (spec.metrics().keySeries() > 0) { // the learner reads it from the job's parameters (LearnerMetrics)
      Map<String, String> parameters = new HashMap<>(env.getConfig().getGlobalJobParameters().toMap());
      parameters.put(LearnerMetrics.KEY_SERIES, String.valueOf(spec.metrics().keySeries()));
      env.getConfig().setGlobalJobParameters(ParameterTool.fromMap(parameters));
    }
    if (spec.parallelism() > 0) {
      env.setParallelism(spec.parallelism());
    }
    FeatureLayout layout = new FeatureLayout(spec.features(), spec.input().modelKey() != null,
        new LabelRule(spec.task(), spec.classes())).withWriterSchemas(spec.input().writerSchemas());
    SingleOutputStreamOperator<ModelInput> events = decoded(env, spec, bounded, "events",
        EventFormats.eventParser(spec.input().format(), layout));
    SingleOutputStreamOperator<ModelInput> labels = decoded(env, spec, bounded, "labels",
        EventFormats.labelParser(spec.labels().format(), layout));

    DataStream<ModelInput> inputs = inEventTime(events, spec.labels()).union(inEventTime(labels, spec.labels()));
    LearnerOperator learner = new LearnerOperator(ModelConfig.of(spec), LearnerOperator.DEFAULT_CACHE_CAPACITY,
        spec.models().publishEvery(), spec.labels(), spec.models().idleTtl()).guarded(spec.guard())
        .publishingInitial(spec.models().publishInitial());
    ReplicaSync replicas = spec.models().replicas().parallel() ? new ReplicaSync(spec, bounded, env.getMaxParallelism()) : null;
    SingleOutputStreamOperator<Prediction> predictions =
        (replicas == null ? inputs.keyBy(ModelInput::modelKey) : replicas.keyed(env, inputs))
            .transform("learner " + spec.learner().type(), new AvroTypeInfo<>(Prediction.class),
                replicas == null ? learner : learner.replicated(replicas.keys(), spec.models().replicas()))
            .uid("learner")
            .name("learner " + spec.learner().type());
    if (replicas != null) { // one subtask per replica, on the key groups the replica keys were chosen for
      predictions.setParallelism(replicas.parallelism()).setMaxParallelism(replicas.maxParallelism());
    }
    GpuPlacement.apply(env, spec, predictions);

    EddySinks sinks = new EddySinks(spec.kafka().connection().clientProperties(),
        spec.checkpoint().guarantee() == Guarantee.EXACTLY_ONCE
            ? DeliveryGuarantee.EXACTLY_ONCE : DeliveryGuarantee.AT_LEAST_ONCE,
        spec.name(), spec.kafka().transactionTimeout(), spec.checkpoint().acceptLostTransactions());
    OutputTag<DeadLetter> deadLetters = OutputTags.of(Output.DEAD_LETTER);
    write(predictions, Output.PREDICTIONS, sinks, spec);
    write(events.getSideOutput(deadLetters)
        .union(labels.getSideOutput(deadLetters), predictions.getSideOutput(deadLetters)), Output.DEAD_LETTER, sinks, spec);
    write(predictions.getSideOutput(OutputTags.of(Output.DRIFT)), Output.DRIFT, sinks, spec);
    write(predictions.getSideOutput(OutputTags.of(Output.MODELS)), Output.MODELS, sinks, spec);
    if (replicas != null) {
      write(predictions.getSideOutput(OutputTags.of(Output.REPLICA_SYNC)), Output.REPLICA_SYNC, Replicas.syncTopic(spec.name()), sinks, spec);
    }
    if (spec.guard().quarantineTopic() != null) {
      write(predictions.getSideOutput(OutputTags.of(Output.QUARANTINE)), Output.QUARANTINE, spec.guard().quarantineTopic(), sinks, spec);
    }
  }

  /**
   * With {@code labels.time: event}, the decoded inputs carry their timestamps and watermarks (bounded
   * out-of-orderness; an input silent for {@code labels.idle-input} stops holding the watermark back), so
   * that the learner's label waits end on the watermark; else the stream as it is.
   */
  private static DataStream<ModelInput> inEventTime(SingleOutputStreamOperator<ModelInput> decoded, JobSpec.Labels labels) {
    if (!labels.eventTime()) {
      return decoded;
    }
    WatermarkStrategy<ModelInput> strategy = WatermarkStrategy.<ModelInput>forBoundedOutOfOrderness(labels.outOfOrder())
        .withTimestampAssigner((input, recordTimestamp) -> input.timestamp())
        .withIdleness(labels.idleInput());
    String uid = decoded.getTransformation().getUid() + "-watermarks";
    return decoded.assignTimestampsAndWatermarks(strategy).uid(uid).name("event time of " + decoded.getName());
  }

  /**
   * The records of one input topic ({@code events}, {@code labels}), decoded; what fails to decode goes
   * to the dead-letter side output. Both sources read committed records of the job's consumer group,
   * from its committed offsets (the earliest the first time), up to the end offsets at start when
   * {@code bounded}.
   */
  private static SingleOutputStreamOperator<ModelInput> decoded(StreamExecutionEnvironment env, JobSpec spec,
      boolean bounded, String role, RecordParser<ModelInput> parser) {
    java.util.Properties consumer = spec.kafka().connection().clientProperties();
    consumer.putIfAbsent("max.poll.records", MAX_POLL_RECORDS);
    KafkaSourceBuilder<RawRecord> source =
        KafkaSource.<RawRecord>builder()
            .setProperties(consumer)
            .setTopics(spec.kafka().topics().of(role))
            .setGroupId(spec.kafka().groupId())
            .setStartingOffsets(OffsetsInitializer.committedOffsets(OffsetResetStrategy.EARLIEST))
            .setDeserializer(new RawRecordDeserializer())
            .setProperty("isolation.level", "read_committed");
    if (bounded) {
      source.setBounded(OffsetsInitializer.latest());
    }
    String decode = role.equals("events") ? "decode" : "decode-" + role; // uids of release 0.1 kept
    return env.fromSource(source.build(), WatermarkStrategy.noWatermarks(), role)
        .uid(role + "-source")
        .process(new RecordDecoder<>(parser), new ModelInputTypeInfo())
        .uid(decode)
        .name("decode and validate " + role);
  }

  /** Sinks {@code stream} to the topic the spec names for {@code output}; uid and name follow the output's name. */
  private static <T extends SpecificRecordBase> void write(
      DataStream<T> stream, Output<T> output, EddySinks sinks, JobSpec spec) {
    write(stream, output, spec.kafka().topics().of(output.name()), sinks, spec);
  }

  private static <T extends SpecificRecordBase> void write(
      DataStream<T> stream, Output<T> output, String topic, EddySinks sinks, JobSpec spec) {
    stream.sinkTo(sinks.sink(output, topic, spec.kafka().topics().deadLetter()))
        .uid(output.name() + "-sink")
        .name(output.name());
  }
}
