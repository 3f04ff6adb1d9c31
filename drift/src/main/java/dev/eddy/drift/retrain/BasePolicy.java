package dev.eddy.drift.retrain;

import dev.eddy.drift.Signal;
import dev.eddy.learners.codec.Framing;
import dev.eddy.learners.FeatureVector;
import dev.eddy.learners.Learners;
import dev.eddy.learners.OnlineLearner;
import dev.eddy.learners.Prediction;
import dev.eddy.learners.codec.LearnerCodec;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Map;

/**
 * The machinery every policy shares: the champion and its version, the candidate's life (scoring,
 * gate, horizon, promotion, drop), the order of one update, and the snapshot layout. A subclass
 * only says what a WARNING or a DRIFT does ({@link #onSignal}) and may watch every example
 * ({@link #observe}).
 *
 * <p>Order of one update: (1) score the candidate on the example; (2) act on the signal, unless a
 * candidate is already waiting for the gate (it stands for the new concept); (3) if nothing
 * happened, review the candidate: promote it once it passes the gate, drop it at the horizon
 * unless it beat the champion during it; (4) the champion, the candidate and the window learn.
 *
 * <p>The gate (default {@link RetrainConfig#DEFAULT_GATE} examples): a drift never promotes at
 * once; the candidate (the challenger, or the fresh or window-trained model) and the champion are
 * scored on the examples since the drift, and once N are scored the candidate replaces the
 * champion as soon as it scores at least as well on all of them (dropped at the horizon if it never
 * does). A false alarm thus keeps the better champion.
 */
abstract class BasePolicy implements RetrainPolicy {
  private final RetrainConfig config;
  private OnlineLearner champion;
  private long version = 1;
  private Candidate candidate;

  BasePolicy(RetrainConfig config, OnlineLearner champion) {
    if (champion == null) {
      throw new IllegalArgumentException(config.policy() + ": the initial champion must be given");
    }
    this.config = config;
    this.champion = champion;
  }

  @Override
  public final Outcome update(FeatureVector x, double label, Prediction championPrediction, Signal signal) {
    if (candidate != null) {
      candidate.score(x, label, championPrediction);
    }
    Outcome outcome = Outcome.NONE;
    if (signal != Signal.STABLE && (candidate == null || !candidate.awaitingPromotion())) {
      outcome = onSignal(signal);
    }
    if (outcome == Outcome.NONE && candidate != null) {
      outcome = review();
    }
    champion.learn(x, label);
    if (candidate != null) {
      candidate.learner().learn(x, label);
    }
    observe(x, label);
    return outcome;
  }

  /** What a WARNING or DRIFT does; {@link Outcome#NONE} for nothing. */
  abstract Outcome onSignal(Signal signal);

  /** Sees every labelled example after the models learned it. */
  void observe(FeatureVector x, double label) {}

  private Outcome review() {
    if (candidate.awaitingPromotion()) {
      if (candidate.passesGate(config.gate())) {
        return replace(
            candidate.learner(), Action.PROMOTED, "passed the promotion gate: " + candidate.sinceTheDrift(), false);
      }
      return candidate.age() >= config.horizon()
          ? drop("did not pass the promotion gate within " + config.horizon() + " examples: ", candidate.sinceTheDrift())
          : Outcome.NONE;
    }
    if (candidate.age() < config.horizon()) {
      return Outcome.NONE;
    }
    if (candidate.beaten()) {
      candidate.extend();
      return Outcome.NONE;
    }
    return drop("did not beat the champion within " + config.horizon() + " examples: ", candidate.comparison());
  }

  private Outcome drop(String why, String scores) {
    String reason = why + scores;
    release(candidate.learner());
    candidate = null;
    return new Outcome(Action.CHALLENGER_DROPPED, reason, false);
  }

  /** A fresh, untrained model of the champion's type, hyperparameters, dimension and task. */
  final OnlineLearner fresh() {
    return Learners.create(champion.type(), champion.hyperparameters(), champion.dimension(), champion.task());
  }

  /** Makes {@code model} the champion: a new version. */
  final Outcome replace(OnlineLearner model, Action action, String reason, boolean resetStandardizer) {
    if (champion != model) {
      release(champion);
    }
    if (candidate != null && candidate.learner() != model) {
      release(candidate.learner());
    }
    champion = model;
    version++;
    candidate = null;
    return new Outcome(action, reason + " (version " + version + ")", resetStandardizer);
  }

  /**
   * Frees a learner the policy no longer holds: learners with native resources (TensorFlow
   * sessions) are {@link AutoCloseable}; the pure-Java ones are left to the garbage collector.
   */
  static void release(OnlineLearner learner) {
    if (learner instanceof AutoCloseable closeable) {
      try {
        closeable.close();
      } catch (Exception e) {
        throw new IllegalStateException("cannot close the replaced " + learner.type() + " learner", e);
      }
    }
  }

  /** Starts a candidate beside the champion. */
  final Outcome start(OnlineLearner model, boolean awaitingPromotion, String reason) {
    if (candidate != null) {
      release(candidate.learner());
    }
    int window = config.gated() ? config.gate() : config.horizon();
    candidate = Candidate.start(model, window, awaitingPromotion);
    return new Outcome(Action.CHALLENGER_STARTED, reason, false);
  }

  /** Replaces the champion with {@code model}, or, with a gate, makes it a candidate for the gate. */
  final Outcome install(OnlineLearner model, Action action, String reason, boolean resetStandardizer) {
    return config.gated()
        ? start(model, true, reason + "; awaiting the promotion gate")
        : replace(model, action, reason, resetStandardizer);
  }

  /**
   * Promotes the challenger, or, with a gate, lets it wait for the gate: it is promoted once it
   * matches the champion on the gate's N examples since this drift, never on the examples before.
   */
  final Outcome promote(String reason) {
    if (config.gated()) {
      String before = candidate.comparison();
      candidate.awaitPromotion();
      return new Outcome(Action.NONE, reason + ": promotion deferred by the gate (before the drift: "
          + before + ")", false);
    }
    return replace(candidate.learner(), Action.PROMOTED, reason, false);
  }

  final boolean hasCandidate() {
    return candidate != null;
  }

  final RetrainConfig config() {
    return config;
  }

  @Override
  public final String name() {
    return config.policy();
  }

  @Override
  public final Map<String, String> parameters() {
    return config.toParams();
  }

  @Override
  public final OnlineLearner champion() {
    return champion;
  }

  @Override
  public final long version() {
    return version;
  }

  @Override
  public final OnlineLearner challenger() {
    return candidate == null ? null : candidate.learner();
  }

  /** Writes the champion, its version, the candidate and the subclass state. */
  final void write(DataOutput out) throws IOException {
    Framing.writeBytes(out, LearnerCodec.encode(champion));
    writeAfterChampion(out);
  }

  /** Writes what {@link #write} writes after the champion (the codec's version 2 writes the champion itself). */
  final void writeAfterChampion(DataOutput out) throws IOException {
    out.writeLong(version);
    out.writeBoolean(candidate != null);
    if (candidate != null) {
      candidate.write(out);
    }
    writeExtra(out);
  }

  /** Reads what {@link #write} wrote after the champion (which the codec reads to build the policy). */
  final void readAfterChampion(DataInput in, int formatVersion) throws IOException {
    version = in.readLong();
    candidate = in.readBoolean() ? Candidate.read(in) : null;
    readExtra(in, formatVersion);
  }

  void writeExtra(DataOutput out) throws IOException {}

  void readExtra(DataInput in, int formatVersion) throws IOException {}
}
