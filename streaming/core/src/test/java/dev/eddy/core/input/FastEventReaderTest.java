package dev.eddy.core.input;

import static dev.eddy.schemas.codec.MalformedRecords.repeating;
import static org.assertj.core.api.Assertions.assertThat;

import dev.eddy.schemas.Event;
import dev.eddy.schemas.codec.Topics;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The fast path of the Avro event parser reads exactly what the strict reader reads: every valid event
 * of today's schema is read by it, with the strict reader's values; whatever it reads — valid records
 * and random corruptions of them — the strict reader reads the same way; and it leaves every record the
 * strict reader refuses (or that has an unknown, repeated or non-finite feature) to the strict reader.
 */
class FastEventReaderTest {
  private static final List<String> FEATURES = List.of("x1", "x2", "größe", "𝄞", "a-much-longer-feature-name");
  private final FastEventReader reader = new FastEventReader(FEATURES);
  private final FeatureLayout layout = new FeatureLayout(FEATURES, false);

  @Test
  void readsValidEventsAsTheStrictReaderDoes() throws Exception {
    Random random = new Random(14);
    for (int i = 0; i < 2000; i++) {
      Event e = randomEvent(random, FEATURES.size());
      double[] x = layout.newVector();
      assertThat(reader.read(Topics.EVENT.encode(e), x)).as("%s", e).isTrue();
      assertSame(e, x);
    }
  }

  @Test
  void readsNothingTheStrictReaderWouldReadOtherwise() throws Exception {
    Random random = new Random(7);
    int read = 0;
    for (int i = 0; i < 20_000; i++) {
      byte[] bytes = Topics.EVENT.encode(randomEvent(random, FEATURES.size()));
      int flips = 1 + random.nextInt(3);
      for (int f = 0; f < flips; f++) {
        bytes[10 + random.nextInt(bytes.length - 10)] ^= (byte) (1 << random.nextInt(8));
      }
      if (random.nextInt(4) == 0) {
        bytes = Arrays.copyOf(bytes, random.nextInt(bytes.length + 3));
      }
      double[] x = layout.newVector();
      if (reader.read(bytes, x)) {
        read++;
        assertSame(Topics.EVENT.decode(bytes), x);
      }
    }
    assertThat(read).as("corrupted records the fast path still read").isPositive();
  }

  @Test
  void leavesUnknownRepeatedMissingNonFiniteFeaturesAndOtherSchemasToTheStrictReader() {
    Event valid = randomEvent(new Random(1), FEATURES.size());
    Map<String, Double> unknown = new HashMap<>(valid.getFeatures());
    unknown.put("x9", 1.0);
    Map<String, Double> nan = new HashMap<>(valid.getFeatures());
    nan.put("x1", Double.NaN);
    Map<String, Double> infinite = new HashMap<>(valid.getFeatures());
    infinite.put("x2", Double.POSITIVE_INFINITY);
    for (Map<String, Double> features : List.of(unknown, nan, infinite,
        repeating(Map.entry("x1", 1.0), Map.entry("x2", 2.0), Map.entry("x1", 3.0)))) {
      Event e = Event.newBuilder(valid).setFeatures(features).build();
      assertThat(reader.read(Topics.EVENT.encode(e), layout.newVector())).as("%s", features).isFalse();
    }
    assertThat(reader.read(HostileRecords.newerSchema("e-1"), layout.newVector())).isFalse();
    assertThat(reader.read(null, layout.newVector())).isFalse();
    assertThat(reader.read(new byte[] {(byte) 0xC3, 1, 2}, layout.newVector())).isFalse();
    // a missing feature is read (left NaN): FeatureLayout.event names it, as for the strict reader
    Map<String, Double> missing = new HashMap<>(valid.getFeatures());
    missing.remove("x2");
    double[] x = layout.newVector();
    assertThat(reader.read(Topics.EVENT.encode(Event.newBuilder(valid).setFeatures(missing).build()), x)).isTrue();
    assertThat(x[1]).isNaN();
  }

  private void assertSame(Event strict, double[] x) {
    double[] expected = layout.newVector();
    strict.getFeatures().forEach((name, value) -> expected[layout.position(name)] = value);
    assertThat(x).containsExactly(expected);
    assertThat(reader.id).isEqualTo(strict.getId());
    assertThat(reader.key).isEqualTo(strict.getKey());
    assertThat(reader.timestamp).isEqualTo(strict.getTimestamp());
    assertThat(reader.label).isEqualTo(strict.getLabel());
    assertThat(reader.labelName).isEqualTo(strict.getLabelName());
  }

  /** A valid event of today's schema over the features, in a random order, with random optional fields. */
  private static Event randomEvent(Random r, int features) {
    Map<String, Double> x = new LinkedHashMap<>();
    List<String> names = new java.util.ArrayList<>(FEATURES);
    java.util.Collections.shuffle(names, r);
    for (String name : names.subList(0, r.nextInt(4) == 0 ? r.nextInt(features + 1) : features)) {
      x.put(name, r.nextGaussian() * Math.pow(10, r.nextInt(12) - 6));
    }
    return Event.newBuilder().setId(r.nextBoolean() ? "e-" + r.nextInt(1_000_000) : "ünï-✓-" + r.nextLong())
        .setKey(r.nextBoolean() ? null : "tenant-" + r.nextInt(100)).setTimestamp(r.nextLong() >>> r.nextInt(64))
        .setFeatures(x).setLabel(r.nextBoolean() ? null : (double) r.nextInt(3))
        .setLabelName(r.nextInt(3) == 0 ? "class-" + r.nextInt(3) : null).build();
  }
}
