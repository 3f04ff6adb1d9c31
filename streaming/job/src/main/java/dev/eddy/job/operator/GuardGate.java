package dev.eddy.job.operator;

import dev.eddy.core.guard.Guard;
import dev.eddy.core.guard.GuardConfig;
import dev.eddy.core.guard.GuardRule;
import dev.eddy.core.guard.LearnRate;
import dev.eddy.core.guard.Outlier;
import dev.eddy.core.guard.Quarantine;
import dev.eddy.core.input.InputEvent;
import dev.eddy.core.metrics.EddyMetric;
import dev.eddy.core.model.Learned;
import dev.eddy.core.model.ModelState;
import dev.eddy.core.model.Scored;
import dev.eddy.job.metrics.FlinkMetrics;
import dev.eddy.schemas.QuarantinedEvent;
import dev.eddy.sinks.Output;
import java.io.IOException;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.util.OutputTag;

/**
 * The learner operator's side of the poisoning guard ({@link Guard}): the engine-free rules, the
 * per-key {@code max-learn-rate} bucket (in the key's {@link ModelCache.Entry} while cached, written back
 * with the model to keyed state of its own, {@value #RATE_STATE}: Flink's serializer of a {@code
 * double[]}, {tokens, clock}; checkpointed with the rest of the keyed state, kept out of the model's
 * codec), the refusal counters, and the quarantine record of an outlier.
 */
final class GuardGate {
  /** Name of the keyed state of a key's learn-rate bucket; part of savepoint compatibility, never rename. */
  static final String RATE_STATE = "eddy-guard-learn-rate";
  static final OutputTag<QuarantinedEvent> QUARANTINE = OutputTags.of(Output.QUARANTINE);

  private final Guard guard;
  private final ValueState<double[]> rates;
  private final Counter[] refused = new Counter[GuardRule.values().length];
  private final Counter clipped;

  GuardGate(GuardConfig config, ValueState<double[]> rates, MetricGroup group) {
    this.guard = new Guard(config);
    this.rates = rates;
    for (GuardRule rule : GuardRule.values()) {
      refused[rule.ordinal()] = FlinkMetrics.counter(group, EddyMetric.GUARD_REFUSALS, rule.label());
    }
    this.clipped = FlinkMetrics.counter(group, EddyMetric.GUARD_CLIPPED);
  }

  /** The {@code max-z} verdict on an event before its prediction (null: learn as usual). */
  Outlier screen(ModelState model, double[] raw) {
    return guard.screen(model, raw);
  }

  /**
   * Counts an outlier (predicted, not learned) and, when the spec names a quarantine topic, emits its
   * record on the quarantine side output.
   */
  void refuse(InputEvent event, ModelState model, Scored scored, Outlier outlier,
      org.apache.flink.streaming.api.operators.Output<?> output) {
    refused[GuardRule.MAX_Z.ordinal()].inc();
    GuardConfig config = guard.config();
    if (config.quarantineTopic() != null) {
      output.collect(QUARANTINE, new StreamRecord<>(
          Quarantine.record(event, model.config().features(), scored.version(), outlier, config.maxZ())));
    }
  }

  /**
   * Whether the current key, whose cached model is {@code entry}, may learn an example whose event is at
   * {@code eventTime} and label at {@code labelTime}: the label is young enough, and the key's bucket
   * has a token (taken). The bucket lives in the entry, read from keyed state the first time
   * ({@link #store} writes it back with the model). Counts a refusal.
   */
  boolean admit(ModelCache.Entry entry, long eventTime, long labelTime) throws IOException {
    if (guard.tooOld(eventTime, labelTime)) {
      refused[GuardRule.MAX_LABEL_AGE.ordinal()].inc();
      return false;
    }
    if (!guard.limitsRate()) {
      return true;
    }
    if (entry.learnRate == null) {
      entry.learnRate = LearnRate.of(rates.value());
    }
    if (guard.admit(entry.learnRate, labelTime)) {
      return true;
    }
    refused[GuardRule.MAX_LEARN_RATE.ordinal()].inc();
    return false;
  }

  /** Writes the entry's bucket, if it has one, to the current key's state (with its model, on write-back). */
  void store(ModelCache.Entry entry) throws IOException {
    if (entry.learnRate != null) {
      rates.update(entry.learnRate.toArray());
    }
  }

  /** Forgets the current key's bucket (its model was dropped as idle). */
  void clear() {
    rates.clear();
  }

  /** The learn half with the step bounded by {@code max-step}. */
  Learned learn(ModelState model, Scored scored, double label) {
    Learned learned = guard.learn(model, scored, label);
    if (guard.clipped()) {
      clipped.inc();
    }
    return learned;
  }
}
