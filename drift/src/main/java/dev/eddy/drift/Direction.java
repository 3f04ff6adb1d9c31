package dev.eddy.drift;

import dev.eddy.learners.params.Param;
import java.util.List;

/**
 * Which change a sequential test signals ({@code direction} parameter). Every detector that can
 * see both directions declares {@link #PARAM}, with {@code up} as the default: on a classifier's
 * error stream only a rising error is a concept drift worth retraining for (a falling error is a
 * model getting better, and MOA's change detectors also react to increases only). Feature drift
 * watches both ({@link FeatureDriftMonitor} asks for {@code both} unless told otherwise).
 */
public enum Direction {
  /** Increases only (e.g. a rising error rate). */
  UP("up"),
  /** Decreases only. */
  DOWN("down"),
  /** Both. */
  BOTH("both");

  /** The spec names, in order. */
  public static final List<String> NAMES = List.of("up", "down", "both");

  /** The parameter's name in specs. */
  public static final String NAME = "direction";

  /** The {@code direction} parameter, declared once for every detector that takes it. */
  public static final Param<String> PARAM = Param.choice(NAME, "up", NAMES,
      "which changes signal a drift: up (a rising error), down, or both (feature drift)");

  private final String specName;

  Direction(String specName) {
    this.specName = specName;
  }

  /** The name used in specs. */
  public String specName() {
    return specName;
  }

  /** True if increases are watched. */
  public boolean up() {
    return this != DOWN;
  }

  /** True if decreases are watched. */
  public boolean down() {
    return this != UP;
  }

  /** The direction with the given spec name (one of {@link #NAMES}). */
  public static Direction of(String specName) {
    return values()[NAMES.indexOf(specName)];
  }

  @Override
  public String toString() {
    return specName;
  }
}
