package dev.eddy.core.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonEventParserTest {
  private static final String EVENT =
      "{\"id\": \"e-1\", \"timestamp\": 5, \"features\": {\"x1\": 1.5, \"x2\": -2}, \"label\": 1}";
  private final EventParser parser = new JsonEventParser(new FeatureLayout(List.of("x1", "x2"), false));

  @Test
  void parsesAnEventFollowedOnlyByWhitespace() throws InvalidEventException {
    InputEvent e = parse(EVENT + " \n\t");
    assertThat(e.id).isEqualTo("e-1");
    assertThat(e.timestamp).isEqualTo(5);
    assertThat(e.features).containsExactly(1.5, -2.0);
  }

  /** The fast double parser must give Double.parseDouble's value for every number text, bit for bit. */
  @Test
  void readsEveryNumberAsDoubleParseDoubleDoes() throws InvalidEventException {
    java.util.Random random = new java.util.Random(14);
    for (int i = 0; i < 20_000; i++) {
      double v = switch (i % 4) {
        case 0 -> random.nextGaussian();
        case 1 -> Double.longBitsToDouble(random.nextLong()); // any exponent
        case 2 -> random.nextInt(2_000_000) - 1_000_000;
        default -> Math.round(random.nextDouble() * 1e6) / 1e6; // few digits, as produced by hand
      };
      if (!Double.isFinite(v)) {
        continue;
      }
      String text = i % 8 < 4 ? Double.toString(v) : String.format(java.util.Locale.ROOT, "%.17g", v);
      InputEvent e = parse("{\"id\": \"e\", \"features\": {\"x1\": " + text + ", \"x2\": 0}}");
      assertThat(e.features[0]).as(text).isEqualTo(Double.parseDouble(text));
    }
  }

  @Test
  void rejectsTextAfterTheObject() {
    assertThatThrownBy(() -> parse(EVENT + " garbage"))
        .isInstanceOf(InvalidEventException.class)
        .hasMessageStartingWith("trailing data after the event: not JSON: Unrecognized token 'garbage'");
  }

  @Test
  void rejectsASecondObject() {
    assertThatThrownBy(() -> parse(EVENT + EVENT))
        .hasMessage("trailing data after the event: a second JSON value starting with {");
    assertThatThrownBy(() -> parse(EVENT + "\n[1]"))
        .hasMessage("trailing data after the event: a second JSON value starting with [");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "id        | \"id\": \"e-2\"",
      "timestamp | \"timestamp\": 6",
      "label     | \"label\": 0",
      "label     | \"label\": null",
      "features  | \"features\": {\"x1\": 0, \"x2\": 0}"})
  void rejectsATopLevelFieldGivenTwiceInsteadOfKeepingTheLast(String field, String again) {
    String json = EVENT.substring(0, EVENT.length() - 1) + ", " + again + "}";
    assertThatThrownBy(() -> parse(json)).hasMessage("field '" + field + "' given twice");
  }

  @Test
  void rejectsAFeatureGivenTwice() {
    assertThatThrownBy(() -> parse("{\"id\": \"e-1\", \"features\": {\"x1\": 1, \"x2\": 2, \"x1\": 3}}"))
        .hasMessage("feature 'x1' given twice");
  }

  @Test
  void stillRejectsUnknownFieldsAndMalformedJson() {
    assertThatThrownBy(() -> parse("{\"id\": \"e-1\", \"idd\": 1}"))
        .hasMessage("unknown field 'idd'; allowed: id, key, timestamp, features, label");
    assertThatThrownBy(() -> parse("{\"id\": \"e-1\", \"features\": {\"x1\": 1, \"x2\": 2}"))
        .hasMessageStartingWith("malformed JSON");
  }

  private InputEvent parse(String json) throws InvalidEventException {
    return parser.parse(json.getBytes(StandardCharsets.UTF_8), 0);
  }
}
