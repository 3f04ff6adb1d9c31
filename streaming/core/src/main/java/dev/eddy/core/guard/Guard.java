package dev.eddy.core.guard;

import dev.eddy.core.model.Learned;
import dev.eddy.core.model.ModelState;
import dev.eddy.core.model.Scored;
import dev.eddy.learners.OnlineLearner;
import dev.eddy.learners.PlainWeights;
import dev.eddy.learners.standardize.Standardizer;

/**
 * The guard against poisoned training data, engine-free, around a model's step ({@link ModelState}):
 * the job's operator and {@code bin/eddy evaluate} call it the same way, so they refuse the same
 * examples. Each rule of {@link GuardConfig} is one method:
 * <ul>
 *   <li>{@link #screen}: before the predict half, is the event a feature outlier ({@code max-z})?
 *   <li>{@link #tooOld}: is a label too late for its event ({@code max-label-age})?
 *   <li>{@link #admit}: may the key learn one more example now ({@code max-learn-rate})?
 *   <li>{@link #learn}: the learn half, its weight change bounded by {@code max-step}.
 * </ul>
 * The guard keeps no state across examples but reusable buffers; the per-key learn rate is the
 * caller's ({@link LearnRate}). One guard per model-owning thread.
 */
public final class Guard {
  private final GuardConfig config;
  private final StepClip clip = new StepClip();
  private boolean clipped;

  public Guard(GuardConfig config) {
    this.config = config;
  }

  public GuardConfig config() {
    return config;
  }

  /**
   * The {@code max-z} verdict on an event's raw features against {@code model}'s standardizer
   * statistics before this event: null when it may be learned from (or the rule is off, the model
   * does not standardize, or its statistics have seen fewer than {@link GuardConfig#WARM_UP} events);
   * else the outlier, whose {@link Outlier#statistics()} the standardizer should learn instead of the
   * raw values. A feature of zero variance is not judged (it has no scale yet).
   */
  public Outlier screen(ModelState model, double[] raw) {
    Standardizer s = model.standardizer();
    double maxZ = config.maxZ();
    if (maxZ == 0 || s == null || s.count() < GuardConfig.WARM_UP) {
      return null;
    }
    int first = -1;
    double firstZ = 0;
    for (int i = 0; i < raw.length; i++) {
      double sd = Math.sqrt(s.variance(i));
      if (sd > 0 && Math.abs(raw[i] - s.mean(i)) > maxZ * sd) {
        first = i;
        firstZ = (raw[i] - s.mean(i)) / sd;
        break;
      }
    }
    if (first < 0) {
      return null;
    }
    double[] clipped = new double[raw.length];
    for (int i = 0; i < raw.length; i++) {
      double mean = s.mean(i);
      double bound = maxZ * Math.sqrt(s.variance(i));
      clipped[i] = Math.max(mean - bound, Math.min(mean + bound, raw[i]));
    }
    return new Outlier(first, firstZ, clipped);
  }

  /** Whether a label at {@code labelTime} is too late for its event at {@code eventTime} (epoch ms). */
  public boolean tooOld(long eventTime, long labelTime) {
    return config.maxLabelAge() != null && labelTime - eventTime > config.maxLabelAge().toMillis();
  }

  /** Whether the key whose bucket is {@code rate} may learn an example at {@code time}; true when the rule is off. */
  public boolean admit(LearnRate rate, long time) {
    return config.maxLearnRate() == 0 || rate.take(time, config.maxLearnRate());
  }

  /** Whether {@code max-learn-rate} is on (the caller then keeps a {@link LearnRate} per key). */
  public boolean limitsRate() {
    return config.maxLearnRate() > 0;
  }

  /**
   * The learn half, {@link ModelState#learn}, with the champion's weight change bounded by
   * {@code max-step} when the champion has {@link PlainWeights} (the spec refuses the rule for other
   * learners). A challenger (background retraining) learns unbounded; a learn that replaces the
   * champion is not bounded either (the new champion did not learn this example alone).
   */
  public Learned learn(ModelState model, Scored scored, double label) {
    clipped = false;
    OnlineLearner champion = model.champion();
    if (config.maxStep() == 0 || !(champion instanceof PlainWeights weights)) {
      return model.learn(scored, label);
    }
    clip.before(weights, scored.features(), champion.dimension());
    Learned learned = model.learn(scored, label);
    if (model.champion() == champion) {
      clipped = clip.after(weights, scored.features(), champion.dimension(), config.maxStep());
    }
    return learned;
  }

  /** Whether the last {@link #learn} was scaled back to {@code max-step}. */
  public boolean clipped() {
    return clipped;
  }

  /** Whether {@code learnerType} can have its steps bounded: a fresh learner of it has {@link PlainWeights}. */
  public static boolean boundsSteps(OnlineLearner fresh) {
    return fresh instanceof PlainWeights;
  }
}
