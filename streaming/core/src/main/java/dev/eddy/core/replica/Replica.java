package dev.eddy.core.replica;

import dev.eddy.core.model.ModelState;
import dev.eddy.learners.OnlineLearner;
import dev.eddy.learners.PlainWeights;
import dev.eddy.learners.codec.LearnerCodec;
import dev.eddy.learners.standardize.Standardizer;
import dev.eddy.schemas.ReplicaContribution;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * One replica's side of the merge rounds, beside its {@link ModelState}. Every {@code mergeEvery}
 * labelled examples, or once {@code mergeInterval} ms of processing time have passed since its
 * previous contribution, it contributes its learner and the standardizer statistics of the values it
 * saw since its previous contribution, then keeps learning while the round completes; once it holds all
 * the round's contributions (its own included, read back like the others) it merges them ({@link
 * RoundMerge}) and adopts the result: weights = merged + (its own now − its own at publish), so the
 * examples it learned while the round was under way are not lost, and statistics = merged ⊕ its
 * values since publish. At most one round is under way: a replica contributes to round r+1 only after
 * adopting round r, so every labelled example weighs in exactly one round.
 *
 * <p>By time: a replica whose interval passed contributes if it learned anything since its previous
 * contribution, or if another replica has opened the round it is in (then with 0 examples, weight 0,
 * so that the round completes); one that learned nothing in a round nobody opened does not, so an
 * idle stream makes no rounds. The first contribution of a round therefore always carries examples,
 * and a round completes once every replica's interval has passed (or its count was reached).
 *
 * <p>A replica whose drift policy replaced its model after it published keeps its new model (the
 * merge is of the old concept) and contributes it, flagged retrained, to the next round, which then
 * merges the retrained replicas only ({@link RoundMerge}). Persisted by {@link ReplicaCodec}.
 */
public final class Replica {
  final int index;
  final int count;
  long mergeEvery; // 0 = not by count
  long mergeInterval; // ms of processing time, 0 = not by time
  long lastContributed; // processing time (ms) of the previous contribution, or of the replica's start
  long round = 1; // the round of the next contribution, or of the one under way
  boolean awaiting; // contributed to `round`, waiting for the others
  long since; // labelled examples since the previous contribution
  long learned; // labelled examples in all
  long merged; // labelled examples of every replica merged by the rounds so far
  long version = 1; // the model's version at the previous contribution
  double[][] atPublish; // the plain weights at the contribution under way, else null
  Standardizer delta; // the values since the previous contribution, or null when not standardizing
  Standardizer global; // the merged statistics of the last round (empty before), or null
  final TreeMap<Integer, ReplicaContribution> received = new TreeMap<>(); // of `round`, by replica

  /**
   * A replica merging by count only.
   *
   * @param index this replica, 0..count-1
   * @param count the number of replicas
   * @param mergeEvery labelled examples between two contributions
   */
  public Replica(int index, int count, long mergeEvery) {
    this(index, count, mergeEvery, 0, 0);
  }

  /**
   * @param mergeEvery labelled examples between two contributions, 0 = not by count
   * @param mergeInterval processing time (ms) between two contributions, 0 = not by time
   * @param now the processing time (ms) the replica starts at: its first interval runs from here
   */
  public Replica(int index, int count, long mergeEvery, long mergeInterval, long now) {
    if (index < 0 || index >= count) {
      throw new IllegalArgumentException("replica index must be in 0.." + (count - 1) + ", got " + index);
    }
    this.index = index;
    this.count = count;
    cadence(mergeEvery, mergeInterval);
    this.lastContributed = now;
  }

  /**
   * Sets when this replica contributes (the job's spec, which may have changed since the replica was
   * persisted): every {@code mergeEvery} labelled examples (0 = not by count) and/or every {@code
   * mergeInterval} ms (0 = not by time).
   */
  public void cadence(long mergeEvery, long mergeInterval) {
    if (mergeEvery < 0 || mergeInterval < 0 || mergeEvery == 0 && mergeInterval == 0) {
      throw new IllegalArgumentException("a replica merges by count (merge-every >= 1) or by time (merge-interval > 0),"
          + " got merge-every " + mergeEvery + ", merge-interval " + mergeInterval + " ms");
    }
    this.mergeEvery = mergeEvery;
    this.mergeInterval = mergeInterval;
  }

  /** What a completed round gave: the merge, and this replica's next contribution if one was due. */
  public record Adopted(long round, RoundMerge.Merged merge, long mergedExamples, ReplicaContribution next) {}

  /** The raw values the model's standardizer just learned (call after each predict). */
  public void observe(ModelState model, double[] values) {
    if (statistics(model)) {
      delta.update(values);
    }
  }

  /** Whether the model standardizes; then the statistics since the previous contribution and of the rounds exist. */
  private boolean statistics(ModelState model) {
    if (model.standardizer() == null) {
      return false;
    }
    if (delta == null) { // created at the first value, or at the first contribution of a replica that saw none
      delta = empty(model.standardizer());
      global = empty(model.standardizer());
    }
    return true;
  }

  /**
   * One labelled example learned (at processing time {@code now}; {@code timestamp} goes on the
   * contribution); returns this replica's contribution when one is due, else null.
   */
  public ReplicaContribution learned(ModelState model, String modelKey, long timestamp, long now) {
    since++;
    learned++;
    return due(now) ? contribute(model, modelKey, timestamp, now) : null;
  }

  /**
   * Processing time {@code now} reached (a timer at {@link #nextTick}, or a record): this replica's
   * contribution when its interval passed and it has one to make, else null.
   */
  public ReplicaContribution tick(ModelState model, String modelKey, long now) {
    return due(now) ? contribute(model, modelKey, now, now) : null;
  }

  /** When this replica's interval next passes (processing time, ms); meaningless without {@code mergeInterval}. */
  public long nextTick() {
    return lastContributed + mergeInterval;
  }

  /** Whether this replica contributes by time ({@code models.merge-interval}). */
  public boolean timed() {
    return mergeInterval > 0;
  }

  /**
   * A contribution of any replica (this one's included), in the order of the sync topic, at
   * processing time {@code now}. Returns the adopted round when this completes one, else null.
   */
  public Adopted receive(ReplicaContribution c, ModelState model, String modelKey, long now) {
    if (c.getReplicas() != count) {
      throw new IllegalStateException("a contribution of " + c.getReplicas() + " replicas reached a job of " + count
          + ": the replica-sync topic holds another job's rounds");
    }
    if (c.getRound() != round) {
      return null; // an earlier round's (a replica's restart replays none: offsets and state share a checkpoint)
    }
    received.put(c.getReplica(), c);
    if (!awaiting || received.size() < count) {
      return null;
    }
    RoundMerge.Merged merge = RoundMerge.merge(new ArrayList<>(received.values()), global);
    adopt(model, merge);
    long done = round;
    merged += merge.examples();
    received.clear();
    awaiting = false;
    atPublish = null;
    round++;
    return new Adopted(done, merge, merged, due(now) ? contribute(model, modelKey, now, now) : null);
  }

  /**
   * Not waiting for a round, and: {@code mergeEvery} examples learned since the previous contribution,
   * or the interval passed with examples to give or a round another replica opened.
   */
  private boolean due(long now) {
    if (awaiting) {
      return false;
    }
    if (mergeEvery > 0 && since >= mergeEvery) {
      return true;
    }
    return mergeInterval > 0 && now - lastContributed >= mergeInterval && (since > 0 || !received.isEmpty());
  }

  private ReplicaContribution contribute(ModelState model, String modelKey, long timestamp, long now) {
    OnlineLearner champion = model.champion();
    statistics(model);
    ReplicaContribution c = ReplicaContribution.newBuilder()
        .setModelKey(modelKey).setRound(round).setReplica(index).setReplicas(count)
        .setExamples(since).setLearned(learned).setRetrained(model.version() != version)
        .setParameters(ByteBuffer.wrap(LearnerCodec.encode(champion)))
        .setStandardizer(delta == null ? null : ByteBuffer.wrap(delta.toBytes()))
        .setTimestamp(timestamp)
        .build();
    atPublish = weights((PlainWeights) champion, champion.dimension());
    version = model.version();
    if (delta != null) {
      delta = empty(delta);
    }
    since = 0;
    awaiting = true;
    lastContributed = now;
    return c;
  }

  /** Merged + own learning since publish; a model replaced since publish is kept as it is. */
  private void adopt(ModelState model, RoundMerge.Merged merge) {
    if (merge.standardizer() != null) {
      global = merge.standardizer();
      model.adoptStandardizer(global.merge(delta));
    }
    if (model.version() != version) {
      return;
    }
    PlainWeights own = (PlainWeights) model.champion();
    PlainWeights to = (PlainWeights) merge.learner();
    int width = model.champion().dimension() + 1;
    for (int row = 0; row < own.classes(); row++) {
      for (int i = 0; i < width; i++) {
        own.setWeight(row, i, to.weight(row, i) + own.weight(row, i) - atPublish[row][i]);
      }
    }
  }

  static double[][] weights(PlainWeights learner, int dimension) {
    double[][] w = new double[learner.classes()][dimension + 1];
    for (int row = 0; row < w.length; row++) {
      for (int i = 0; i <= dimension; i++) {
        w[row][i] = learner.weight(row, i);
      }
    }
    return w;
  }

  private static Standardizer empty(Standardizer like) {
    return new Standardizer(like.dimension(), like.halfLife());
  }

  /** The contributions of the round under way received so far, in replica order. */
  public List<ReplicaContribution> received() {
    return List.copyOf(received.values());
  }

  public int index() {
    return index;
  }

  /** The round of the next contribution, or of the one under way. */
  public long round() {
    return round;
  }

  /** Labelled examples of every replica merged by the rounds so far. */
  public long merged() {
    return merged;
  }
}
