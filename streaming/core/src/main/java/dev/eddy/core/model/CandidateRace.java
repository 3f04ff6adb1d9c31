package dev.eddy.core.model;

import dev.eddy.drift.DetectorCodec;
import dev.eddy.drift.retrain.ConceptError;
import dev.eddy.drift.retrain.RetrainPolicyCodec;
import dev.eddy.drift.retrain.RetrainingLearner;
import dev.eddy.learners.FeatureVector;
import dev.eddy.learners.Prediction;
import dev.eddy.learners.Task;
import dev.eddy.learners.codec.Framing;
import java.io.IOException;

/**
 * Online model selection among candidate learners ({@code learner.candidates}): greedy selection,
 * as River's {@code model_selection.GreedyRegressor} — every candidate predicts and learns from
 * every labelled example and the one with the best score serves. Greedy rather than a bandit
 * (River's {@code BanditRegressor}, where only the pulled arm learns) or successive halving (which
 * discards the losers for good): under drift yesterday's loser may be today's best, so every
 * candidate must keep learning and stay eligible; the price is one predict and one learn per
 * candidate per labelled example (BENCHMARKS.md "Online model selection").
 *
 * <p>The score is prequential over a sliding window: each candidate's loss (0/1 error, absolute
 * error for regression, as the concept detector sees it) on its prediction of an example made
 * before it learns from it, over the last {@code window} labelled examples. Once the window is full,
 * the candidate with the lowest windowed loss takes over when it is lower than the serving one's by
 * more than {@code margin} (hysteresis: no flapping between equals); ties keep the serving one, then
 * the lower index. Each candidate keeps its own retraining policy and concept detector, so after a
 * drift each recovers on its own and the window moves the selection to whichever recovers first.
 * With delayed labels every candidate is scored on a prediction made when the label arrives (before
 * learning from it), so all of them are judged at the same moment.
 *
 * <p>Persisted by {@link #encodeOthers()} (format 1: magic "EDCR", candidate count, the policy, detector
 * and labelled count of candidates 1..n-1, serving index, version, margin, window, filled, ring
 * position, then every candidate's window of losses); candidate 0 lives in the model state's own
 * fields. Not thread-safe.
 */
public final class CandidateRace {
  private static final int MAGIC = 0x45444352; // "EDCR"
  private static final int FORMAT = 1;

  /**
   * What one labelled example did to the race.
   *
   * @param step what the candidate that served the example's prediction did
   * @param switched whether another candidate now serves
   */
  public record Round(RetrainingLearner.Step step, boolean switched) {}

  private final RetrainingLearner[] racers;
  private final Task task;
  private final double margin;
  private final double[][] losses; // per candidate, a ring of the last `window` losses
  private final double[] sums;
  private final Prediction[] predicted; // scratch of one learn
  private int filled;
  private int next;
  private int serving;
  private long version;

  CandidateRace(RetrainingLearner[] racers, Task task, int window, double margin) {
    this(racers, task, margin, new double[racers.length][window], 0, 0, 0, 1);
  }

  private CandidateRace(RetrainingLearner[] racers, Task task, double margin, double[][] losses, int filled,
      int next, int serving, long version) {
    this.racers = racers;
    this.task = task;
    this.margin = margin;
    this.losses = losses;
    this.sums = new double[racers.length];
    this.predicted = new Prediction[racers.length];
    this.filled = filled;
    this.next = next;
    this.serving = serving;
    this.version = version;
    recomputeSums();
  }

  /**
   * Scores every candidate on the example (its prediction before learning), lets each learn from
   * it, and selects. The serving candidate's detector and policy see {@code served}, the prediction
   * that was published.
   */
  Round learn(FeatureVector x, double label, Prediction served, boolean forceDrift) {
    int window = losses[0].length;
    for (int i = 0; i < racers.length; i++) {
      predicted[i] = racers[i].predict(x);
      double loss = ConceptError.of(task, predicted[i], label);
      sums[i] += loss - losses[i][next];
      losses[i][next] = loss;
    }
    next = (next + 1) % window;
    if (filled < window) {
      filled++;
    }
    if (next == 0) {
      recomputeSums(); // no rounding drift from the running sums of real-valued losses
    }
    RetrainingLearner.Step step = null;
    for (int i = 0; i < racers.length; i++) {
      RetrainingLearner.Step s = racers[i].learn(x, label, i == serving ? served : predicted[i], forceDrift);
      predicted[i] = null;
      if (i == serving) {
        step = s;
      }
    }
    int best = select();
    boolean switched = best != serving;
    serving = best;
    if (switched || step.newVersion()) {
      version++;
    }
    return new Round(step, switched);
  }

  /** The candidate that should serve now: the serving one unless another beats it by more than the margin. */
  private int select() {
    if (filled < losses[0].length) {
      return serving;
    }
    int best = serving;
    for (int i = 0; i < racers.length; i++) {
      if (sums[i] < sums[best]) {
        best = i;
      }
    }
    return (sums[best] + margin * filled < sums[serving]) ? best : serving;
  }

  private void recomputeSums() {
    for (int i = 0; i < racers.length; i++) {
      double s = 0;
      for (double v : losses[i]) {
        s += v;
      }
      sums[i] = s;
    }
  }

  /** The candidate serving predictions. */
  public RetrainingLearner serving() {
    return racers[serving];
  }

  /** Its index: 0 is the spec's {@code learner.type}, i the {@code learner.candidates[i-1]}. */
  public int servingIndex() {
    return serving;
  }

  /** The model version: 1 at first, +1 for each switch and each replacement of the serving model. */
  public long version() {
    return version;
  }

  public int size() {
    return racers.length;
  }

  public RetrainingLearner candidate(int i) {
    return racers[i];
  }

  /** Candidate i's mean loss over the window so far (NaN before the first example). */
  public double windowLoss(int i) {
    return filled == 0 ? Double.NaN : sums[i] / filled;
  }

  /** Labelled examples in the window so far. */
  public int filled() {
    return filled;
  }

  /** Everything but candidate 0 (kept by the model state), in the race's own versioned encoding. */
  byte[] encodeOthers() {
    return Framing.encode(MAGIC, FORMAT, out -> {
      out.writeInt(racers.length);
      for (int i = 1; i < racers.length; i++) {
        Framing.writeOptionalBytes(out, RetrainPolicyCodec.encode(racers[i].policy()));
        Framing.writeOptionalBytes(out, racers[i].detector() == null ? null : DetectorCodec.encode(racers[i].detector()));
        out.writeLong(racers[i].labelled());
      }
      out.writeInt(serving);
      out.writeLong(version);
      out.writeDouble(margin);
      out.writeInt(losses[0].length);
      out.writeInt(filled);
      out.writeInt(next);
      for (double[] ring : losses) {
        for (double v : ring) {
          out.writeDouble(v);
        }
      }
    });
  }

  /** The race of {@link #encodeOthers()}, with candidate 0 restored by the model state. */
  static CandidateRace decode(byte[] bytes, RetrainingLearner first, Task task) {
    return Framing.decode(bytes, MAGIC, "candidate race", FORMAT, (in, format) -> {
      int n = in.readInt();
      if (n < 2 || n > 1 << 10) {
        throw new IOException("bad candidate count " + n);
      }
      RetrainingLearner[] racers = new RetrainingLearner[n];
      racers[0] = first;
      for (int i = 1; i < n; i++) {
        byte[] policy = Framing.readOptionalBytes(in);
        byte[] detector = Framing.readOptionalBytes(in);
        racers[i] = new RetrainingLearner(RetrainPolicyCodec.decode(policy),
            detector == null ? null : DetectorCodec.decode(detector), in.readLong());
      }
      int serving = in.readInt();
      long version = in.readLong();
      double margin = in.readDouble();
      int window = Framing.readLength(in);
      int filled = in.readInt();
      int next = in.readInt();
      if (serving < 0 || serving >= n || window < 1 || filled < 0 || filled > window || next < 0 || next >= window) {
        throw new IOException("bad race: serving " + serving + ", window " + window + ", filled " + filled + ", next " + next);
      }
      double[][] losses = new double[n][window];
      for (double[] ring : losses) {
        for (int k = 0; k < window; k++) {
          ring[k] = in.readDouble();
        }
      }
      return new CandidateRace(racers, task, margin, losses, filled, next, serving, version);
    });
  }
}
