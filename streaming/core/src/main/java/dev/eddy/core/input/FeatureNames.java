package dev.eddy.core.input;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * The spec's feature names as UTF-8 bytes in a small open-addressing table, so that the fast readers
 * ({@link FastEventReader} for Avro, {@link FastJsonEventReader} for JSON) find a feature's position from
 * the bytes of its name in the record, without a {@code String} per name.
 */
final class FeatureNames {
  /** The names, UTF-8; null for a name whose bytes do not decode back to it (the strict readers match it). */
  private final byte[][] names;
  /** Positions + 1 by the hash of the names' bytes; 0 = empty. */
  private final int[] table;
  private final int mask;

  FeatureNames(List<String> features) {
    names = new byte[features.size()][];
    int size = Integer.highestOneBit(Math.max(4, features.size() * 4) - 1) << 1;
    table = new int[size];
    mask = size - 1;
    for (int i = 0; i < names.length; i++) {
      byte[] utf8 = features.get(i).getBytes(StandardCharsets.UTF_8);
      if (!new String(utf8, StandardCharsets.UTF_8).equals(features.get(i))) {
        continue; // not valid UTF-16 text: such a name is matched by the strict reader only
      }
      names[i] = utf8;
      int slot = hash(utf8, 0, utf8.length) & mask;
      while (table[slot] != 0) {
        slot = (slot + 1) & mask;
      }
      table[slot] = i + 1;
    }
  }

  /** The position of the feature named by {@code bytes[from, from + length)}, -1 when none. */
  int position(byte[] bytes, int from, int length) {
    int slot = hash(bytes, from, from + length) & mask;
    int entry;
    while ((entry = table[slot]) != 0) {
      byte[] name = names[entry - 1];
      if (Arrays.equals(name, 0, name.length, bytes, from, from + length)) {
        return entry - 1;
      }
      slot = (slot + 1) & mask;
    }
    return -1;
  }

  private static int hash(byte[] b, int from, int to) {
    int h = 1;
    for (int i = from; i < to; i++) {
      h = 31 * h + b[i];
    }
    return h ^ (h >>> 16);
  }
}
