package dev.eddy.schemas.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eddy.schemas.Event;
import dev.eddy.schemas.Prediction;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AvroCodecTest {
  private final Event event =
      Event.newBuilder()
          .setId("e-1")
          .setKey("tenant-a")
          .setTimestamp(1_700_000_000_000L)
          .setFeatures(Map.of("x1", 1.5, "x2", -2.0))
          .setLabel(1.0)
          .build();

  @Test
  void roundTripsAnEvent() throws IOException {
    byte[] bytes = Topics.EVENT.encode(event);
    assertThat(Topics.EVENT.decode(bytes)).isEqualTo(event);
  }

  @Test
  void rejectsBytesOfAnotherSchemaAndGarbage() {
    byte[] bytes = Topics.EVENT.encode(event);
    assertThatThrownBy(() -> Topics.PREDICTION.decode(bytes)).isInstanceOf(Exception.class);
    assertThatThrownBy(() -> Topics.EVENT.decode(new byte[] {1, 2, 3}))
        .isInstanceOf(Exception.class);
    assertThatThrownBy(() -> Topics.EVENT.decode(null)).isInstanceOf(IOException.class);
  }

  @Test
  void decodeAnyFindsTheRightSchema() {
    Prediction p =
        Prediction.newBuilder()
            .setId("e-1")
            .setModelKey("global")
            .setModelVersion(3)
            .setScore(0.5)
            .setPredictedLabel(1)
            .setLabel(null)
            .setEventTime(1)
            .setProcessedAt(2)
            .build();
    assertThat(Topics.decodeAny(Topics.PREDICTION.encode(p))).isEqualTo(p);
    assertThat(Topics.decodeAny(Topics.EVENT.encode(event))).isEqualTo(event);
    assertThat(Topics.decodeAny(new byte[] {9, 9})).isNull();
  }

  @Test
  void jsonViewUnwrapsUnionsAndKeepsSchemaFieldNames() {
    String json = JsonView.toJson(event);
    assertThat(json)
        .startsWith("{\"id\":\"e-1\",\"key\":\"tenant-a\",\"timestamp\":1700000000000,\"features\":{")
        .contains("\"x1\":1.5")
        .endsWith("\"label\":1.0}");
  }
}
