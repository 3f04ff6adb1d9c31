package dev.eddy.learners;

import dev.eddy.learners.params.Param;
import java.util.Arrays;

/**
 * The hashing trick with signed hashes (Weinberger et al., "Feature Hashing for Large Scale Multitask
 * Learning", ICML 2009): a named feature goes to coordinate {@code h(name) mod 2^b} with sign {@code
 * ξ(name) ∈ {-1,+1}}, so that collisions cancel in expectation and inner products are unbiased. A
 * categorical feature {@code name=category} is the one-hot feature of that string with value 1.
 *
 * <p>h is MurmurHash3 (x86, 32 bit, seed 0) over the UTF-16 code units of the name (for a categorical
 * feature, of {@code name + '=' + category}, hashed without building that string), the same function
 * as Guava's {@code murmur3_32_fixed().hashUnencodedChars}; the index takes the low b bits and the
 * sign the top bit, which is independent of them for b ≤ {@value #MAX_BITS}.
 *
 * <p>A hasher is a reusable buffer for one event at a time: {@link #clear()}, {@link #add} each
 * feature, then {@link #vector()}. Features that collide are summed into one entry, so every index
 * appears once. No allocation once the buffer has grown to the largest event. Not thread-safe.
 */
public final class FeatureHasher {

  /** Largest supported b (2^28 weights are 2 GiB per weight vector already). */
  public static final int MAX_BITS = 28;

  private final int bits;
  private final int mask;
  private int[] indices;
  private double[] values;
  private int size;

  /**
   * @param bits b: the vectors have 2^b dimensions, 1 ≤ b ≤ {@value #MAX_BITS}
   * @param capacity the expected number of features per event (the buffer grows beyond it)
   */
  public FeatureHasher(int bits, int capacity) {
    this.bits = checkBits(bits);
    this.mask = (1 << bits) - 1;
    this.indices = new int[Math.max(1, capacity)];
    this.values = new double[indices.length];
  }

  /** The declaration of the {@code hash-bits} parameter every learner takes (no default). */
  static final Param<Integer> BITS = Param.integer(Learners.HASH_BITS, 0,
      "the hashing trick: the learner works on 2^hash-bits dimensions").in(1, MAX_BITS)
      .withoutDefault();

  /** Parses a {@code hash-bits} parameter value, rejecting it with a message naming it. */
  public static int parseBits(String value) {
    return BITS.parse("feature hasher", value);
  }

  private static int checkBits(int bits) {
    BITS.check("feature hasher", bits);
    return bits;
  }

  /** b. */
  public int bits() {
    return bits;
  }

  /** 2^b, the dimension of the vectors built. */
  public int dimension() {
    return mask + 1;
  }

  /** Starts a new event. */
  public void clear() {
    size = 0;
  }

  /** Adds a numeric feature; a zero value adds nothing. */
  public void add(CharSequence name, double value) {
    if (value != 0) {
      put(murmur3(name, null), value);
    }
  }

  /** Adds the one-hot feature {@code name=category}. */
  public void add(CharSequence name, CharSequence category) {
    put(murmur3(name, category), 1.0);
  }

  private void put(int hash, double value) {
    int index = hash & mask;
    double signed = hash < 0 ? -value : value;
    for (int k = 0; k < size; k++) {
      if (indices[k] == index) {
        values[k] += signed;
        return;
      }
    }
    if (size == indices.length) {
      indices = Arrays.copyOf(indices, size * 2);
      values = Arrays.copyOf(values, size * 2);
    }
    indices[size] = index;
    values[size] = signed;
    size++;
  }

  /** The current event's features as a sparse vector over this hasher's buffers (valid until the next {@link #clear()}). */
  public FeatureVector vector() {
    return FeatureVector.sparse(mask + 1, indices, values, size);
  }

  /**
   * MurmurHash3 x86_32 (seed 0) of the UTF-16 code units of {@code name}, or of {@code name + '=' +
   * category} when a category is given.
   */
  public static int murmur3(CharSequence name, CharSequence category) {
    int n1 = name.length();
    int n = category == null ? n1 : n1 + 1 + category.length();
    int h = 0;
    int p = 0;
    for (; p + 1 < n; p += 2) {
      int k = charAt(name, category, n1, p) | (charAt(name, category, n1, p + 1) << 16);
      h = mixH(h, mixK(k));
    }
    if (p < n) {
      h ^= mixK(charAt(name, category, n1, p));
    }
    return fmix(h ^ (n * 2));
  }

  private static int charAt(CharSequence name, CharSequence category, int n1, int p) {
    if (p < n1) {
      return name.charAt(p);
    }
    return p == n1 ? '=' : category.charAt(p - n1 - 1);
  }

  private static int mixK(int k) {
    return Integer.rotateLeft(k * 0xcc9e2d51, 15) * 0x1b873593;
  }

  private static int mixH(int h, int k) {
    return Integer.rotateLeft(h ^ k, 13) * 5 + 0xe6546b64;
  }

  private static int fmix(int h) {
    h ^= h >>> 16;
    h *= 0x85ebca6b;
    h ^= h >>> 13;
    h *= 0xc2b2ae35;
    return h ^ (h >>> 16);
  }
}
