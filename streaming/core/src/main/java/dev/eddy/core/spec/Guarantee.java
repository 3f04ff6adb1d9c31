package dev.eddy.core.spec;

/** The delivery guarantee of Eddy's outputs, as named in job specs. */
public enum Guarantee {
  /** Kafka transactions committed on checkpoints: consumers with read_committed see each record once. */
  EXACTLY_ONCE("exactly-once"),
  /** Flushed on checkpoints: nothing lost, duplicates possible after a failure. */
  AT_LEAST_ONCE("at-least-once");

  private final String specName;

  Guarantee(String specName) {
    this.specName = specName;
  }

  /** The name used in job specs. */
  public String specName() {
    return specName;
  }

  /** Parses a spec name; IllegalArgumentException naming the allowed values otherwise. */
  public static Guarantee fromSpecName(String name) {
    for (Guarantee g : values()) {
      if (g.specName.equals(name)) {
        return g;
      }
    }
    throw new IllegalArgumentException(
        "unknown guarantee '" + name + "'; allowed: exactly-once, at-least-once");
  }
}
