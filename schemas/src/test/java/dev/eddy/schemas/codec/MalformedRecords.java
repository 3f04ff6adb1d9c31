package dev.eddy.schemas.codec;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds records that Avro's own decoder would accept silently but {@link AvroCodec} refuses: a map
 * that gives a key twice, and bytes after a record. Shared with the parsers' and the job's tests
 * (this module's test jar).
 */
public final class MalformedRecords {
  private MalformedRecords() {}

  /**
   * A map whose entries are exactly {@code entries}, in order, repeated keys included, so that an
   * Avro writer writes each of them.
   */
  @SafeVarargs
  public static Map<String, Double> repeating(Map.Entry<String, Double>... entries) {
    List<Map.Entry<String, Double>> list = List.of(entries);
    return new AbstractMap<>() {
      @Override
      public Set<Map.Entry<String, Double>> entrySet() {
        return new AbstractSet<>() {
          @Override
          public Iterator<Map.Entry<String, Double>> iterator() {
            return list.iterator();
          }

          @Override
          public int size() {
            return list.size();
          }
        };
      }
    };
  }

  /** {@code record} followed by {@code more}. */
  public static byte[] followedBy(byte[] record, byte[] more) {
    byte[] out = Arrays.copyOf(record, record.length + more.length);
    System.arraycopy(more, 0, out, record.length, more.length);
    return out;
  }
}
