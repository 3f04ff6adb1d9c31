package dev.eddy.drift;

import java.util.List;

/** Which change of the mean a sequential test watches ({@code direction} parameter). */
public enum Direction {
  /** Increases only (e.g. a rising error rate). */
  UP("up"),
  /** Decreases only. */
  DOWN("down"),
  /** Both. */
  BOTH("both");

  /** The spec names, in order. */
  public static final List<String> NAMES = List.of("up", "down", "both");

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
