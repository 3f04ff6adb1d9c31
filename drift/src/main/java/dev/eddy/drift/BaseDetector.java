package dev.eddy.drift;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The part every detector shares: the domain check, the reset on the first update after a drift,
 * the warm-up ({@link WarmUp}: during the first {@code min-examples} values after every reset the
 * update rule takes each value but its signal is withheld: STABLE), the update count, and the
 * framing of the state for {@link DetectorCodec}. Subclasses implement one update rule ({@link
 * #step}), forget their statistics ({@link #clear}), write/read them and report the rule's
 * parameters ({@link #ruleParameters}).
 */
abstract class BaseDetector implements DriftDetector {
  private final String type;
  private final InputDomain domain;
  private int warmUp;
  private Signal last = Signal.STABLE;
  private long updates;
  private Supplier<DriftDetector> origin; // the factory of Detectors that built it, null when built otherwise

  BaseDetector(String type, InputDomain domain) {
    this.type = type;
    this.domain = domain;
  }

  @Override
  public final String type() {
    return type;
  }

  @Override
  public final InputDomain inputDomain() {
    return domain;
  }

  /**
   * Checks the value first (so a rejected value changes nothing), then resets if the previous
   * update was a drift, then applies the update rule.
   */
  @Override
  public final Signal update(double value) {
    domain.check(type, value);
    if (last == Signal.DRIFT) {
      reset();
    }
    updates++;
    Signal signal = step(value);
    last = updates <= warmUp ? Signal.STABLE : signal;
    return last;
  }

  /** Sets the warm-up ({@code min-examples}); only {@link Detectors#create} calls it, once. */
  final void warmUp(int minExamples) {
    this.warmUp = minExamples;
  }

  /** Remembers the factory that built this detector (only {@link Detectors} calls it, once). */
  final void origin(Supplier<DriftDetector> factory) {
    this.origin = factory;
  }

  /** The factory that built this detector, or null ({@link Detectors#fresh}). */
  final Supplier<DriftDetector> origin() {
    return origin;
  }

  /** The parameters, the warm-up's included, by their spec names. */
  @Override
  public final Map<String, String> parameters() {
    Map<String, String> out = new LinkedHashMap<>(ruleParameters());
    out.put(WarmUp.NAME, Integer.toString(warmUp));
    return Collections.unmodifiableMap(out);
  }

  @Override
  public final Signal lastSignal() {
    return last;
  }

  @Override
  public final long updates() {
    return updates;
  }

  @Override
  public final void reset() {
    last = Signal.STABLE;
    updates = 0;
    clear();
  }

  @Override
  public String toString() {
    return type + parameters() + " after " + updates + " updates: " + last;
  }

  /** Applies the update rule to a checked value; {@link #updates()} already counts it. */
  abstract Signal step(double value);

  /** The update rule's parameters (its config's), without the warm-up. */
  abstract Map<String, String> ruleParameters();

  /** Returns the statistics to their initial values. */
  abstract void clear();

  /** Writes the statistics (not the parameters: the codec writes those). */
  abstract void writeState(DataOutput out) throws IOException;

  /** Reads statistics written by {@link #writeState} under the given codec version. */
  abstract void readState(DataInput in, int version) throws IOException;

  /** An ordered statistics map from alternating names and numbers. */
  static Map<String, Double> stats(Object... namesAndValues) {
    Map<String, Double> out = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      out.put((String) namesAndValues[i], ((Number) namesAndValues[i + 1]).doubleValue());
    }
    return Collections.unmodifiableMap(out);
  }

  final void write(DataOutput out) throws IOException {
    out.writeByte(last.code());
    out.writeLong(updates);
    writeState(out);
  }

  final void read(DataInput in, int version) throws IOException {
    last = Signal.fromCode(in.readByte());
    updates = in.readLong();
    readState(in, version);
  }
}
