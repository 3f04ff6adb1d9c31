package dev.eddy.drift;

/**
 * A tiny seeded generator whose whole state is one {@code long}, so that randomized detectors can
 * snapshot it exactly (java.util.Random's state is not accessible). G. L. Steele, D. Lea and C. H.
 * Flood, "Fast Splittable Pseudorandom Number Generators", OOPSLA 2014.
 */
final class SplitMix64 {
  private long state;

  SplitMix64(long seed) {
    this.state = seed;
  }

  long nextLong() {
    long z = (state += 0x9E3779B97F4A7C15L);
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** Uniform in [0, bound) by Lemire's multiply-shift (bias below 2^-32 for small bounds). */
  int nextInt(int bound) {
    return (int) (((nextLong() >>> 32) * bound) >>> 32);
  }

  long state() {
    return state;
  }

  void setState(long state) {
    this.state = state;
  }
}
