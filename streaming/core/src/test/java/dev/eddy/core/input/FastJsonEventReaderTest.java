package dev.eddy.core.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The fast path of the JSON event parser reads exactly what the strict parser reads: every plain event (any
 * field order, any whitespace, any number form JSON allows) is read by it with the strict parser's values;
 * whatever it reads — valid records and random corruptions of them — the strict parser reads the same way,
 * or refuses with the same reason; and it leaves escapes, non-ASCII text, unknown or repeated fields and
 * features, other value types and bad numbers to the strict parser.
 */
class FastJsonEventReaderTest {
  private static final List<String> FEATURES = List.of("x1", "x2", "x3", "a-much-longer-feature-name");
  private static final long RECORD_TIMESTAMP = 1_700_000_000_000L;
  /** Bytes that make JSON, for the corruptions. */
  private static final String JSON_BYTES = "{}[]\":,.-+eE0123456789 \\nulx";
  private final FeatureLayout layout = new FeatureLayout(FEATURES, false);
  private final JsonEventParser parser = new JsonEventParser(layout);
  private final FastJsonEventReader reader = new FastJsonEventReader(FEATURES);

  @Test
  void readsPlainEventsAsTheStrictParserDoes() throws Exception {
    Random random = new Random(14);
    for (int i = 0; i < 5000; i++) {
      byte[] json = randomEvent(random).getBytes(StandardCharsets.UTF_8);
      assertThat(read(json)).as(new String(json, StandardCharsets.UTF_8)).isTrue();
      assertSameOutcome(json);
    }
  }

  @Test
  void readsNothingTheStrictParserWouldReadOtherwise() throws Exception {
    Random random = new Random(7);
    int read = 0;
    for (int i = 0; i < 30_000; i++) {
      byte[] json = randomEvent(random).getBytes(StandardCharsets.UTF_8);
      int changes = 1 + random.nextInt(3);
      for (int c = 0; c < changes; c++) {
        int at = random.nextInt(json.length);
        json[at] = random.nextBoolean() ? (byte) JSON_BYTES.charAt(random.nextInt(JSON_BYTES.length()))
            : (byte) (json[at] ^ (1 << random.nextInt(8)));
      }
      if (random.nextInt(4) == 0) {
        json = java.util.Arrays.copyOf(json, random.nextInt(json.length + 3));
      }
      if (read(json)) {
        read++;
      }
      assertSameOutcome(json);
    }
    assertThat(read).as("corrupted records the fast path still read").isPositive();
  }

  @Test
  void leavesWhatIsNotPlainToTheStrictParser() {
    String features = "\"features\": {\"x1\": 1, \"x2\": 2, \"x3\": 3, \"a-much-longer-feature-name\": 4}";
    for (String json : List.of(
        "{\"id\": \"e\\u0031\", " + features + "}", // an escape
        "{\"id\": \"ünï\", " + features + "}", // non-ASCII text
        "{\"id\": \"e\", \"idd\": 1, " + features + "}", // an unknown field
        "{\"id\": \"e\", \"id\": \"f\", " + features + "}", // a field given twice
        "{\"id\": \"e\", \"features\": {\"x1\": 1, \"x1\": 2}}", // a feature given twice
        "{\"id\": \"e\", \"features\": {\"x9\": 1}}", // an unknown feature
        "{\"id\": \"e\", \"label\": true, " + features + "}", // another type
        "{\"id\": \"e\", \"label\": 01, " + features + "}", // a leading zero
        "{\"id\": \"e\", \"label\": 1., " + features + "}",
        "{\"id\": \"e\", \"label\": 1e999, " + features + "}", // not finite
        "{\"id\": \"e\", \"timestamp\": 1.5, " + features + "}",
        "{\"id\": \"e\", \"timestamp\": 12345678901234567890, " + features + "}",
        "{\"id\": \"e\", " + features + "} {}", // text after the object
        "{\"id\": \"e\"}", // no features
        "\uFEFF{\"id\": \"e\", " + features + "}")) { // a byte-order mark
      assertThat(read(json.getBytes(StandardCharsets.UTF_8))).as(json).isFalse();
    }
  }

  /** Whether the fast path reads the record (false: it leaves it to the strict parser). */
  private boolean read(byte[] json) {
    return reader.read(json, RECORD_TIMESTAMP, layout.newVector());
  }

  /** {@code parse} (the fast path first) and the strict parser alone give the same event or the same reason. */
  private void assertSameOutcome(byte[] json) {
    String text = new String(json, StandardCharsets.UTF_8);
    Object strict = outcome(() -> parser.parseStrictly(json, RECORD_TIMESTAMP));
    Object parsed = outcome(() -> parser.parse(json, RECORD_TIMESTAMP));
    assertThat(parsed).as(text).isEqualTo(strict);
  }

  private static Object outcome(Parse parse) {
    try {
      InputEvent e = parse.run();
      return List.of(String.valueOf(e.id), String.valueOf(e.modelKey), e.timestamp,
          java.util.Arrays.toString(e.features), Double.doubleToRawLongBits(e.label));
    } catch (InvalidEventException ex) {
      return ex.getMessage().replaceAll("\\(now \\d+\\)", "(now)"); // the clock moves between the two
    }
  }

  private interface Parse {
    InputEvent run() throws InvalidEventException;
  }

  /** A plain event: the fields in a random order, random whitespace, numbers in the forms JSON allows. */
  private static String randomEvent(Random r) {
    List<String> members = new ArrayList<>();
    members.add(member(r, "id", "\"e-" + r.nextInt(1_000_000) + "\""));
    if (r.nextBoolean()) {
      members.add(member(r, "key", r.nextBoolean() ? "null" : "\"tenant-" + r.nextInt(100) + "\""));
    }
    if (r.nextBoolean()) {
      members.add(member(r, "timestamp", Long.toString(r.nextBoolean() ? r.nextLong() >>> 24 : -r.nextInt(1000))));
    }
    if (r.nextBoolean()) {
      members.add(member(r, "label", switch (r.nextInt(3)) {
        case 0 -> "null";
        case 1 -> "\"class-" + r.nextInt(3) + "\"";
        default -> number(r);
      }));
    }
    List<String> features = new ArrayList<>();
    List<String> names = new ArrayList<>(FEATURES);
    Collections.shuffle(names, r);
    for (String name : names.subList(0, r.nextInt(4) == 0 ? r.nextInt(FEATURES.size() + 1) : FEATURES.size())) {
      features.add(member(r, name, number(r)));
    }
    members.add(member(r, "features", "{" + space(r) + String.join("," + space(r), features) + space(r) + "}"));
    Collections.shuffle(members, r);
    return space(r) + "{" + space(r) + String.join("," + space(r), members) + space(r) + "}" + space(r);
  }

  private static String member(Random r, String name, String value) {
    return "\"" + name + "\"" + space(r) + ":" + space(r) + value;
  }

  private static String number(Random r) {
    double v = r.nextGaussian() * Math.pow(10, r.nextInt(40) - 20);
    return switch (r.nextInt(5)) {
      case 0 -> Double.toString(v).replace("E", r.nextBoolean() ? "e" : "E");
      case 1 -> String.format(Locale.ROOT, "%.17g", v);
      case 2 -> Long.toString(r.nextLong() >> r.nextInt(64));
      case 3 -> String.format(Locale.ROOT, "%.3f", r.nextGaussian());
      default -> String.format(Locale.ROOT, "%de%s%d", r.nextInt(100) - 50, r.nextBoolean() ? "+" : "-", r.nextInt(30));
    };
  }

  private static String space(Random r) {
    return switch (r.nextInt(6)) {
      case 0 -> " ";
      case 1 -> "\n\t ";
      case 2 -> "\r\n";
      default -> "";
    };
  }
}
