package dev.eddy.core.input;

import static dev.eddy.schemas.codec.MalformedRecords.followedBy;
import static dev.eddy.schemas.codec.MalformedRecords.repeating;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eddy.schemas.Event;
import dev.eddy.schemas.codec.Topics;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Avro parser refuses what the JSON parser refuses, with the same reasons. */
class AvroEventParserTest {
  private static final Event EVENT = Event.newBuilder().setId("e-1").setKey(null).setTimestamp(5)
      .setFeatures(Map.of("x1", 1.5, "x2", -2.0)).setLabel(1.0).build();
  private final EventParser parser = new AvroEventParser(new FeatureLayout(List.of("x1", "x2"), false));

  @Test
  void parsesAnEvent() throws InvalidEventException {
    InputEvent e = parser.parse(Topics.EVENT.encode(EVENT), 0);
    assertThat(e.id).isEqualTo("e-1");
    assertThat(e.features).containsExactly(1.5, -2.0);
  }

  @Test
  void rejectsBytesAfterTheRecord() {
    byte[] bytes = Topics.EVENT.encode(EVENT);
    assertThatThrownBy(() -> parser.parse(followedBy(bytes, new byte[] {7, 7, 7}), 0))
        .isInstanceOf(InvalidEventException.class)
        .hasMessage("trailing data after the event: 3 byte(s)");
    assertThatThrownBy(() -> parser.parse(followedBy(bytes, bytes), 0))
        .hasMessage("trailing data after the event: " + bytes.length + " byte(s)");
  }

  @Test
  void rejectsAFeatureGivenTwiceLikeTheJsonParser() {
    Event twice = Event.newBuilder(EVENT)
        .setFeatures(repeating(Map.entry("x1", 1.0), Map.entry("x2", 2.0), Map.entry("x1", 3.0)))
        .build();
    assertThatThrownBy(() -> parser.parse(Topics.EVENT.encode(twice), 0))
        .hasMessage("feature 'x1' given twice");
  }

  @Test
  void stillRejectsBytesThatAreNotAnEvent() {
    assertThatThrownBy(() -> parser.parse(new byte[] {1, 2, 3}, 0))
        .hasMessageStartingWith("not an Avro Event: ");
  }
}
