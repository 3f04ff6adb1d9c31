package dev.eddy.drift;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The part every detector shares: the domain check, the reset on the first update after a drift,
 * the update count, and the framing of the state for {@link DetectorCodec}. Subclasses implement
 * one update rule ({@link #step}), forget their statistics ({@link #clear}) and write/read them.
 */
abstract class BaseDetector implements DriftDetector {
  private final String type;
  private final InputDomain domain;
  private Signal last = Signal.STABLE;
  private long updates;

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
    last = step(value);
    return last;
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
