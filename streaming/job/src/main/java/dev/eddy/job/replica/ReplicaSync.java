package dev.eddy.job.replica;

import dev.eddy.core.input.ModelInput;
import dev.eddy.core.input.SyncInput;
import dev.eddy.core.spec.JobSpec;
import dev.eddy.core.spec.Replicas;
import dev.eddy.job.source.ModelInputTypeInfo;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.KafkaSourceBuilder;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.runtime.state.KeyGroupRangeAssignment;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.KeyedStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The Flink wiring of a data-parallel global model ({@code models.replicas: N}). Flink 2 has no
 * iterations (the job graph is acyclic), so the merge rounds go around through Kafka: the learner's
 * replicas write their contributions, transactionally with the job's other outputs, to the internal
 * topic {@code <job>.replica-sync} (one partition); a second source reads it back {@code
 * read_committed} (parallelism 1) and addresses every contribution to every replica, in the keyed
 * stream beside the events and labels. The sync source's offsets and the replicas' state are in the
 * same checkpoint, and a contribution is visible only once the checkpoint that wrote it completed: a
 * failure replays from that checkpoint the events since, the contributions since, and nothing twice.
 */
public final class ReplicaSync {
  private final JobSpec spec;
  private final boolean bounded;
  private final ReplicaKeys keys;
  private final int maxParallelism;

  /** @param maxParallelism the environment's max parallelism, or &lt;= 0 for Flink's default at N */
  public ReplicaSync(JobSpec spec, boolean bounded, int maxParallelism) {
    this.spec = spec;
    this.bounded = bounded;
    int n = spec.models().replicas().count();
    this.maxParallelism = maxParallelism > 0 ? maxParallelism : KeyGroupRangeAssignment.computeDefaultMaxParallelism(n);
    this.keys = ReplicaKeys.of(n, this.maxParallelism);
  }

  /** The replicas' keys. */
  public ReplicaKeys keys() {
    return keys;
  }

  /** The learner's parallelism: one subtask per replica. */
  public int parallelism() {
    return keys.count();
  }

  /** The learner's max parallelism, for which the keys were chosen. */
  public int maxParallelism() {
    return maxParallelism;
  }

  /** The events and labels, with every contribution addressed to every replica, keyed by replica. */
  public KeyedStream<ModelInput, String> keyed(StreamExecutionEnvironment env, DataStream<ModelInput> inputs) {
    KafkaSourceBuilder<byte[]> source = KafkaSource.<byte[]>builder()
        .setProperties(spec.kafka().connection().clientProperties())
        .setTopics(Replicas.syncTopic(spec.name()))
        .setGroupId(spec.kafka().groupId())
        .setStartingOffsets(OffsetsInitializer.committedOffsets(OffsetResetStrategy.EARLIEST))
        .setDeserializer(KafkaRecordDeserializationSchema.valueOnly(ByteArrayDeserializer.class))
        .setProperty("isolation.level", "read_committed");
    if (bounded) { // a bounded run ends: the contributions committed after its start are left for the next run
      source.setBounded(OffsetsInitializer.latest());
    }
    DataStream<ModelInput> sync = env.fromSource(source.build(), WatermarkStrategy.noWatermarks(), "replica-sync")
        .uid("replica-sync-source").setParallelism(1)
        .flatMap(new ToEveryReplica(keys.count()), new ModelInputTypeInfo())
        .uid("replica-sync-fanout").name("to every replica").setParallelism(1);
    return inputs.union(sync).keyBy(keys);
  }

  /** One copy of a contribution per replica. */
  private static final class ToEveryReplica implements FlatMapFunction<byte[], ModelInput> {
    private static final long serialVersionUID = 1L;
    private final int replicas;

    ToEveryReplica(int replicas) {
      this.replicas = replicas;
    }

    @Override
    public void flatMap(byte[] contribution, Collector<ModelInput> out) {
      for (int r = 0; r < replicas; r++) {
        out.collect(ModelInput.of(new SyncInput(r, contribution)));
      }
    }
  }
}
