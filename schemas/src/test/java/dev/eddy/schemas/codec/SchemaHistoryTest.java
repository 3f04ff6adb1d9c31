package dev.eddy.schemas.codec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eddy.schemas.DeadLetter;
import dev.eddy.schemas.Event;
import dev.eddy.schemas.Label;
import dev.eddy.schemas.ModelSnapshot;
import dev.eddy.schemas.Prediction;
import dev.eddy.schemas.QuarantinedEvent;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.specific.SpecificData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Records written with a released earlier schema keep decoding: the golden files under {@code
 * golden/} were written by schema version 1 (before multiclass and regression; for model snapshots,
 * before the label counts) and are read with today's classes, the new fields taking their defaults.
 */
class SchemaHistoryTest {

  @Test
  void aVersion1EventDecodesWithoutALabelName() throws IOException {
    Event e = Topics.EVENT.decode(golden("event-v1.bin"));
    assertThat(e.getId()).isEqualTo("e-1");
    assertThat(e.getKey()).isEqualTo("tenant-a");
    assertThat(e.getTimestamp()).isEqualTo(1_700_000_000_000L);
    assertThat(e.getFeatures()).isEqualTo(Map.of("x1", 1.5));
    assertThat(e.getLabel()).isEqualTo(1.0);
    assertThat(e.getLabelName()).isNull();
  }

  @Test
  void aVersion1LabelDecodesItsPlainDoubleIntoTheUnion() throws IOException {
    Label l = Topics.LABEL.decode(golden("label-v1.bin"));
    assertThat(l.getId()).isEqualTo("e-2");
    assertThat(l.getKey()).isNull();
    assertThat(l.getTimestamp()).isEqualTo(1_700_000_000_001L);
    assertThat(l.getLabel()).isEqualTo(-1.0);
    assertThat(l.getLabelName()).isNull();
  }

  @Test
  void aVersion1PredictionDecodesWithTheNewFieldsNull() throws IOException {
    Prediction p = Topics.PREDICTION.decode(golden("prediction-v1.bin"));
    assertThat(p.getId()).isEqualTo("e-3");
    assertThat(p.getModelVersion()).isEqualTo(2);
    assertThat(p.getScore()).isEqualTo(0.75);
    assertThat(p.getPredictedLabel()).isEqualTo(1.0);
    assertThat(p.getProbability()).isEqualTo(0.68);
    assertThat(p.getLabel()).isEqualTo(0.0);
    assertThat(p.getTask()).isNull();
    assertThat(p.getPredictedClass()).isNull();
    assertThat(p.getClassScores()).isNull();
    assertThat(p.getPredictedValue()).isNull();
  }

  @Test
  void aVersion1ModelSnapshotDecodesWithNoLabelCounts() throws IOException {
    ModelSnapshot m = Topics.MODEL.decode(golden("modelsnapshot-v1.bin"));
    assertThat(m.getModelKey()).isEqualTo("tenant-a");
    assertThat(m.getVersion()).isEqualTo(3);
    assertThat(m.getExamples()).isEqualTo(1200);
    assertThat(m.getReason()).isEqualTo("drift");
    assertThat(m.getMetrics()).containsEntry("accuracy", 0.9);
    assertThat(m.getLabelsMatched()).isZero();
    assertThat(m.getLabelsExpired()).isZero();
  }

  @Test
  void aVersion1DeadLetterDecodesWithoutSizes() throws IOException {
    DeadLetter d = Topics.DEAD_LETTER.decode(golden("deadletter-v1.bin"));
    assertThat(d.getTopic()).isEqualTo("events");
    assertThat(d.getPartition()).isEqualTo(2);
    assertThat(d.getOffset()).isEqualTo(41L);
    assertThat(d.getKey()).isEqualTo(java.nio.ByteBuffer.wrap("k-1".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    assertThat(d.getValue()).isEqualTo(java.nio.ByteBuffer.wrap("{not json".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    assertThat(d.getReason()).isEqualTo("malformed JSON: v1 golden");
    assertThat(d.getTimestamp()).isEqualTo(1_700_000_000_002L);
    assertThat(d.getValueSize()).isNull();
    assertThat(d.getKeySize()).isNull();
  }

  @Test
  void aVersion1QuarantinedEventDecodes() throws IOException {
    QuarantinedEvent q = Topics.QUARANTINED.decode(golden("quarantinedevent-v1.bin"));
    assertThat(q.getId()).isEqualTo("e-7");
    assertThat(q.getModelKey()).isEqualTo("tenant-a");
    assertThat(q.getTimestamp()).isEqualTo(1_700_000_000_003L);
    assertThat(q.getFeatures()).isEqualTo(Map.of("x1", 1.0e6, "x2", 0.25));
    assertThat(q.getLabel()).isEqualTo(1.0);
    assertThat(q.getRule()).isEqualTo("max-z");
    assertThat(q.getReason()).isEqualTo("guard.max-z: x1 is 1731.9 standard deviations from its mean (max-z 6.0)");
    assertThat(q.getModelVersion()).isEqualTo(2);
    assertThat(Topics.decodeAny(golden("quarantinedevent-v1.bin"))).isInstanceOf(QuarantinedEvent.class);
  }

  @Test
  void decodeAnyStillTellsAVersion1RecordsType() throws IOException {
    assertThat(Topics.decodeAny(golden("event-v1.bin"))).isInstanceOf(Event.class);
    assertThat(Topics.decodeAny(golden("label-v1.bin"))).isInstanceOf(Label.class);
    assertThat(Topics.decodeAny(golden("prediction-v1.bin"))).isInstanceOf(Prediction.class);
    assertThat(Topics.decodeAny(golden("modelsnapshot-v1.bin"))).isInstanceOf(ModelSnapshot.class);
    assertThat(Topics.decodeAny(golden("deadletter-v1.bin"))).isInstanceOf(DeadLetter.class);
  }

  @ParameterizedTest
  @ValueSource(classes = {Event.class, Label.class, Prediction.class, ModelSnapshot.class, DeadLetter.class})
  void everyKeptVersionIsReadableByTodaysSchema(Class<?> type) {
    Schema current = SpecificData.get().getSchema(type);
    assertThat(AvroCodec.history(type)).isNotEmpty().allSatisfy(old ->
        assertThat(SchemaCompatibility.checkReaderWriterCompatibility(current, old).getType())
            .as(type.getSimpleName() + " written by " + old)
            .isEqualTo(SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE));
  }

  private static byte[] golden(String name) throws IOException {
    try (InputStream in = SchemaHistoryTest.class.getResourceAsStream("/golden/" + name)) {
      assertThat(in).as(name).isNotNull();
      return in.readAllBytes();
    }
  }
}
