package dev.eddy.core.replica;

import dev.eddy.learners.Learners;
import dev.eddy.learners.OnlineLearner;
import dev.eddy.learners.codec.LearnerCodec;
import dev.eddy.learners.standardize.Standardizer;
import dev.eddy.schemas.ReplicaContribution;
import java.util.ArrayList;
import java.util.List;

/**
 * The merge of one round: the replicas' learners averaged by {@link Learners#merge}, each weighted by
 * the labelled examples it learned since its previous contribution; the standardizer statistics
 * pooled exactly (Chan, Golub and LeVeque, {@link Standardizer#merge}): the previous round's merged
 * statistics plus every replica's statistics of the values it saw since its previous contribution,
 * so the result equals one standardizer fed every value (without forgetting).
 *
 * <p>Drift: when a replica's drift policy replaced its model since its previous contribution ({@code
 * retrained}), the round merges the retrained replicas only (the others weigh 0): their models stand
 * for the new concept, the others' for the old one. Deterministic: every replica computes the same
 * result from the same contributions, in replica order.
 */
public final class RoundMerge {
  private RoundMerge() {}

  /**
   * @param learner the merged learner
   * @param standardizer the merged statistics, or null when not standardizing
   * @param examples the labelled examples of the round, of every replica (retrained or not)
   */
  public record Merged(OnlineLearner learner, Standardizer standardizer, long examples) {}

  /**
   * @param round one contribution per replica, in replica order
   * @param previous the merged statistics of the previous round (empty before the first), or null
   *     when not standardizing
   */
  public static Merged merge(List<ReplicaContribution> round, Standardizer previous) {
    List<OnlineLearner> learners = new ArrayList<>(round.size());
    Standardizer pooled = previous;
    long examples = 0;
    for (ReplicaContribution c : round) {
      learners.add(LearnerCodec.decode(bytes(c.getParameters())));
      if (pooled != null) {
        if (c.getStandardizer() == null) {
          throw new IllegalArgumentException("replica " + c.getReplica() + " of round " + c.getRound() + " sent no standardizer statistics");
        }
        pooled = pooled.merge(Standardizer.fromBytes(bytes(c.getStandardizer())));
      }
      examples += c.getExamples();
    }
    return new Merged(Learners.merge(learners, weights(round)), pooled, examples);
  }

  /** Each replica's examples since its previous contribution; only the retrained ones' if any retrained. */
  static double[] weights(List<ReplicaContribution> round) {
    boolean anyRetrained = round.stream().anyMatch(ReplicaContribution::getRetrained);
    double[] weights = new double[round.size()];
    double total = 0;
    for (int r = 0; r < weights.length; r++) {
      ReplicaContribution c = round.get(r);
      weights[r] = !anyRetrained || c.getRetrained() ? c.getExamples() : 0;
      total += weights[r];
    }
    if (total == 0) { // retrained replicas that learned nothing since: they still stand for the new concept
      for (int r = 0; r < weights.length; r++) {
        weights[r] = !anyRetrained || round.get(r).getRetrained() ? 1 : 0;
      }
    }
    return weights;
  }

  static byte[] bytes(java.nio.ByteBuffer buffer) {
    byte[] out = new byte[buffer.remaining()];
    buffer.duplicate().get(out);
    return out;
  }
}
