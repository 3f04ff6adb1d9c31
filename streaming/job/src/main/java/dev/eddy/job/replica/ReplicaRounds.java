package dev.eddy.job.replica;

import dev.eddy.core.input.FeatureLayout;
import dev.eddy.core.model.ModelState;
import dev.eddy.core.model.OutputRecords;
import dev.eddy.core.replica.Replica;
import dev.eddy.core.replica.ReplicaCodec;
import dev.eddy.job.operator.OutputTags;
import dev.eddy.learners.codec.LearnerCodec;
import dev.eddy.schemas.ModelSnapshot;
import dev.eddy.schemas.Prediction;
import dev.eddy.schemas.ReplicaContribution;
import dev.eddy.sinks.Output;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Histogram;
import org.apache.flink.streaming.api.operators.KeyContext;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.util.OutputTag;

/**
 * The learner operator's side of the merge rounds: the {@link Replica} of each replica key the
 * subtask owns (one, with {@link ReplicaKeys}), kept in memory and written to keyed state {@code
 * eddy-replica} when the operator is snapshotted, like the models beside them. It sends a replica's
 * contributions to the replica-sync output and, on replica 0, each merged model to the models topic
 * (key {@code global}, version round + 1, reason {@code merge}, examples = every replica's labelled
 * examples merged so far).
 */
public final class ReplicaRounds {
  /** Name of the keyed state; never rename. */
  public static final String STATE_NAME = "eddy-replica";
  /** The reason of a merged model's version on the models topic. */
  public static final String MERGE = "merge";
  private static final OutputTag<ReplicaContribution> SYNC = OutputTags.of(Output.REPLICA_SYNC);
  private static final OutputTag<ModelSnapshot> MODELS = OutputTags.of(Output.MODELS);

  private final ReplicaKeys keys;
  private final long mergeEvery;
  private final ValueState<byte[]> state;
  private final Counter rounds;
  private final Histogram mergeMicros;
  private final Map<String, Replica> replicas = new HashMap<>();

  public ReplicaRounds(ReplicaKeys keys, long mergeEvery, ValueState<byte[]> state, Counter rounds, Histogram mergeMicros) {
    this.keys = keys;
    this.mergeEvery = mergeEvery;
    this.state = state;
    this.rounds = rounds;
    this.mergeMicros = mergeMicros;
  }

  /** The raw values {@code model}'s standardizer just learned, for the replica of the current key. */
  public void observe(String key, ModelState model, double[] values) throws IOException {
    replica(key).observe(model, values);
  }

  /** One labelled example learned by the replica of the current key: its contribution when due. */
  public void learned(String key, ModelState model, long timestamp,
      org.apache.flink.streaming.api.operators.Output<StreamRecord<Prediction>> out) throws IOException {
    send(replica(key).learned(model, FeatureLayout.GLOBAL_KEY, timestamp), out);
  }

  /** A contribution from the replica-sync topic, for the replica of the current key. */
  public void received(String key, ModelState model, byte[] contribution, long timestamp,
      org.apache.flink.streaming.api.operators.Output<StreamRecord<Prediction>> out) throws IOException {
    Replica replica = replica(key);
    long start = System.nanoTime();
    Replica.Adopted adopted = replica.receive(ReplicaCodec.decodeContribution(contribution), model, FeatureLayout.GLOBAL_KEY, timestamp);
    if (adopted == null) {
      return;
    }
    mergeMicros.update((System.nanoTime() - start) / 1_000);
    rounds.inc();
    if (replica.index() == 0) {
      ModelSnapshot merged = OutputRecords.snapshot(FeatureLayout.GLOBAL_KEY, model, MERGE, timestamp);
      merged.setVersion(adopted.round() + 1);
      merged.setParameters(ByteBuffer.wrap(LearnerCodec.encode(adopted.merge().learner())));
      merged.setStandardizer(adopted.merge().standardizer() == null ? null : ByteBuffer.wrap(adopted.merge().standardizer().toBytes()));
      merged.setExamples(adopted.mergedExamples());
      out.collect(MODELS, new StreamRecord<>(merged));
    }
    send(adopted.next(), out);
  }

  private static void send(ReplicaContribution c,
      org.apache.flink.streaming.api.operators.Output<StreamRecord<Prediction>> out) {
    if (c != null) {
      out.collect(SYNC, new StreamRecord<>(c));
    }
  }

  /** The replica of the current key (which must be {@code key}): in memory, or from keyed state, or new. */
  private Replica replica(String key) throws IOException {
    Replica replica = replicas.get(key);
    if (replica == null) {
      byte[] stored = state.value();
      replica = stored != null ? ReplicaCodec.decode(stored) : new Replica(keys.indexOf(key), keys.count(), mergeEvery);
      replicas.put(key, replica);
    }
    return replica;
  }

  /** Writes every replica to keyed state (before the keyed backend is snapshotted), then restores the current key. */
  public void flush(KeyContext context) {
    Object current = context.getCurrentKey();
    try {
      for (Map.Entry<String, Replica> e : replicas.entrySet()) {
        context.setCurrentKey(e.getKey());
        state.update(ReplicaCodec.encode(e.getValue()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot store a replica's merge state", e);
    } finally {
      if (current != null) {
        context.setCurrentKey(current);
      }
    }
  }
}
