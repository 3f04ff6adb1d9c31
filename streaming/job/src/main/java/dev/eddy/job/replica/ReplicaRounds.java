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
import org.apache.flink.runtime.state.VoidNamespace;
import org.apache.flink.streaming.api.operators.InternalTimerService;
import org.apache.flink.streaming.api.operators.KeyContext;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.util.OutputTag;

/**
 * The learner operator's side of the merge rounds: the {@link Replica} of each replica key the
 * subtask owns (one, with {@link ReplicaKeys}), kept in memory and written to keyed state {@code
 * eddy-replica} when the operator is snapshotted, like the models beside them. It sends a replica's
 * contributions to the replica-sync output and, on replica 0, each merged model to the models topic
 * (key {@code global}, version round + 1, reason {@code merge}, examples = every replica's labelled
 * examples merged so far). With {@code models.merge-interval} it keeps a processing-time timer per
 * replica key at the end of the replica's interval ({@link Replica#nextTick}), so that a replica
 * that receives no more records still contributes what it learned; the timers are keyed state,
 * checkpointed with the replicas.
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
  private final long mergeInterval;
  private final InternalTimerService<VoidNamespace> timers;
  private final ValueState<byte[]> state;
  private final Counter rounds;
  private final Histogram mergeMicros;
  private final Map<String, Replica> replicas = new HashMap<>();

  /**
   * @param mergeEvery labelled examples between a replica's contributions, 0 = not by count
   * @param mergeInterval ms of processing time between a replica's contributions, 0 = not by time
   * @param timers the operator's timer service for the replicas' intervals (its callback calls {@link #tick})
   */
  public ReplicaRounds(ReplicaKeys keys, long mergeEvery, long mergeInterval, InternalTimerService<VoidNamespace> timers,
      ValueState<byte[]> state, Counter rounds, Histogram mergeMicros) {
    this.keys = keys;
    this.mergeEvery = mergeEvery;
    this.mergeInterval = mergeInterval;
    this.timers = timers;
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
    Replica replica = replica(key);
    send(replica, replica.learned(model, FeatureLayout.GLOBAL_KEY, timestamp, timers.currentProcessingTime()), out);
  }

  /** The timer of the replica of the current key fired: its contribution if its interval passed and it has one. */
  public void tick(String key, ModelState model,
      org.apache.flink.streaming.api.operators.Output<StreamRecord<Prediction>> out) throws IOException {
    Replica replica = replica(key);
    send(replica, replica.tick(model, FeatureLayout.GLOBAL_KEY, timers.currentProcessingTime()), out);
  }

  /** A contribution from the replica-sync topic, for the replica of the current key. */
  public void received(String key, ModelState model, byte[] contribution, long timestamp,
      org.apache.flink.streaming.api.operators.Output<StreamRecord<Prediction>> out) throws IOException {
    Replica replica = replica(key);
    long start = System.nanoTime();
    Replica.Adopted adopted = replica.receive(ReplicaCodec.decodeContribution(contribution), model, FeatureLayout.GLOBAL_KEY, timestamp);
    if (adopted == null) { // another replica may have opened the round this one, its interval passed, joins now
      send(replica, replica.tick(model, FeatureLayout.GLOBAL_KEY, timestamp), out);
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
    send(replica, adopted.next(), out);
  }

  /** Emits a contribution, if any, and (by time) sets the replica's timer to the end of its new interval. */
  private void send(Replica replica, ReplicaContribution c,
      org.apache.flink.streaming.api.operators.Output<StreamRecord<Prediction>> out) {
    if (c != null) {
      out.collect(SYNC, new StreamRecord<>(c));
      if (replica.timed()) {
        timers.registerProcessingTimeTimer(VoidNamespace.INSTANCE, replica.nextTick());
      }
    }
  }

  /**
   * The replica of the current key (which must be {@code key}): in memory, or from keyed state (with
   * the spec's cadence, which may have changed since), or new; by time, a replica first loaded has
   * its timer set (again: a timer of the same time is set once).
   */
  private Replica replica(String key) throws IOException {
    Replica replica = replicas.get(key);
    if (replica == null) {
      byte[] stored = state.value();
      long now = timers.currentProcessingTime();
      if (stored != null) {
        replica = ReplicaCodec.decode(stored);
        replica.cadence(mergeEvery, mergeInterval);
      } else {
        replica = new Replica(keys.indexOf(key), keys.count(), mergeEvery, mergeInterval, now);
      }
      if (replica.timed()) {
        timers.registerProcessingTimeTimer(VoidNamespace.INSTANCE, Math.max(now, replica.nextTick()));
      }
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
