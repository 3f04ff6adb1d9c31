package dev.eddy.core.guard;

import dev.eddy.core.model.Learned;
import dev.eddy.core.model.ModelState;
import dev.eddy.core.model.Scored;

/**
 * One model key's step behind the guard, for runs that own a single model in one thread ({@code bin/eddy
 * evaluate}, the poisoning harness): the same calls, in the same order, as the job's learner operator
 * makes (screen, predict, then for a labelled example: label age, learn rate, bounded learn), with the
 * key's {@link LearnRate} kept here and the refusals counted.
 */
public final class GuardedModel {
  private final ModelState model;
  private final Guard guard;
  private final LearnRate rate = new LearnRate();
  private final long[] refused = new long[GuardRule.values().length];
  private long clipped;
  private Outlier lastOutlier;

  public GuardedModel(ModelState model, GuardConfig config) {
    this.model = model;
    this.guard = new Guard(config);
  }

  /**
   * The predict half; an event {@code max-z} refuses is predicted all the same (its statistics clipped),
   * counted, and must not be learned from: see {@link #lastOutlier()}.
   */
  public Scored predict(double[] raw, String[] categories) {
    lastOutlier = guard.screen(model, raw);
    if (lastOutlier == null) {
      return model.predict(raw, categories);
    }
    refused[GuardRule.MAX_Z.ordinal()]++;
    return model.predict(raw, categories, lastOutlier.statistics());
  }

  /** The outlier the last {@link #predict} found, or null when its event may be learned from. */
  public Outlier lastOutlier() {
    return lastOutlier;
  }

  /**
   * The learn half of an event at {@code eventTime} whose label came at {@code labelTime} (epoch ms),
   * or null when {@code max-label-age} or {@code max-learn-rate} refuse it (counted).
   */
  public Learned learn(Scored scored, double label, long eventTime, long labelTime) {
    if (guard.tooOld(eventTime, labelTime)) {
      refused[GuardRule.MAX_LABEL_AGE.ordinal()]++;
      return null;
    }
    if (!guard.admit(rate, labelTime)) {
      refused[GuardRule.MAX_LEARN_RATE.ordinal()]++;
      return null;
    }
    Learned learned = guard.learn(model, scored, label);
    if (guard.clipped()) {
      clipped++;
    }
    return learned;
  }

  /** Examples {@code rule} refused so far. */
  public long refused(GuardRule rule) {
    return refused[rule.ordinal()];
  }

  /** Learns scaled back to {@code max-step} so far. */
  public long clipped() {
    return clipped;
  }

  public ModelState model() {
    return model;
  }
}
