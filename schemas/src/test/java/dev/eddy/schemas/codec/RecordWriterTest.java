package dev.eddy.schemas.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eddy.schemas.Prediction;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecordBase;
import org.junit.jupiter.api.Test;

/**
 * The fast writer ({@link RecordWriter}, behind {@link AvroCodec#encode}) writes the very bytes of
 * Avro's generic writer ({@link AvroCodec#encodeGeneric}): for the predictions of every task, with
 * every optional field null or set, and for random records of every topic's schema.
 */
class RecordWriterTest {
  private static final Prediction BINARY = Prediction.newBuilder().setId("e-1").setModelKey("global")
      .setModelVersion(3).setScore(-0.25).setPredictedLabel(0).setProbability(0.44).setLabel(null)
      .setEventTime(1_700_000_000_000L).setProcessedAt(1_700_000_000_123L).setTask("binary").build();

  @Test
  void writesAvrosBytesForPredictionsOfEveryTask() {
    Map<String, Double> scores = new LinkedHashMap<>();
    scores.put("cat", 1.5);
    scores.put("dög", -0.5);
    scores.put("", Double.NaN);
    List<Prediction> predictions = List.of(
        BINARY,
        Prediction.newBuilder(BINARY).setProbability(null).setLabel(1.0).setTask(null).build(),
        Prediction.newBuilder(BINARY).setId("ünïcode-✓-𝄞").setModelKey("").setModelVersion(Long.MIN_VALUE)
            .setScore(Double.NEGATIVE_INFINITY).setEventTime(Long.MAX_VALUE).setProcessedAt(-1).build(),
        Prediction.newBuilder(BINARY).setTask("multiclass").setProbability(null).setPredictedLabel(1)
            .setPredictedClass("dög").setLabelClass("cat").setLabel(0.0).setClassScores(scores)
            .setClassProbabilities(Map.of("cat", 0.8, "dög", 0.2)).build(),
        Prediction.newBuilder(BINARY).setTask("multiclass").setProbability(null).setClassScores(Map.of())
            .setClassProbabilities(null).setPredictedClass("x").build(),
        Prediction.newBuilder(BINARY).setTask("regression").setProbability(null).setScore(12.75)
            .setPredictedLabel(12.75).setPredictedValue(12.75).setLabel(13.0).build());
    for (Prediction p : predictions) {
      assertThat(Topics.PREDICTION.encode(p)).as("%s", p).isEqualTo(Topics.PREDICTION.encodeGeneric(p));
    }
  }

  @Test
  void writesAvrosBytesForRandomRecordsOfEveryTopic() {
    Random random = new Random(14);
    for (AvroCodec<?> codec : Topics.ALL) {
      for (int i = 0; i < 300; i++) {
        sameBytes(codec, random);
      }
    }
  }

  @Test
  void aRecordItCannotWriteFailsWithAvrosOwnError() {
    Prediction missingId = Prediction.newBuilder(BINARY).build();
    missingId.setId(null);
    assertThatThrownBy(() -> Topics.PREDICTION.encode(missingId))
        .hasMessageContaining("null value for (non-nullable) string at Prediction.id");
    // the writer's buffer is clean after the failure
    assertThat(Topics.PREDICTION.encode(BINARY)).isEqualTo(Topics.PREDICTION.encodeGeneric(BINARY));
  }

  @SuppressWarnings("unchecked")
  private static <T extends SpecificRecordBase> void sameBytes(AvroCodec<T> codec, Random random) {
    T record = (T) random(SpecificData.get().getSchema(codec.type()), random);
    assertThat(codec.encode(record)).as("%s", record).isEqualTo(codec.encodeGeneric(record));
    assertThat(codec.encode(record)).isEqualTo(codec.encodeGeneric(record)); // and again, buffers reused
  }

  /** A random value of {@code schema}, as the generated classes hold it. */
  private static Object random(Schema schema, Random r) {
    return switch (schema.getType()) {
      case RECORD -> {
        SpecificRecordBase record = (SpecificRecordBase) SpecificData.get().newRecord(null, schema);
        for (Schema.Field f : schema.getFields()) {
          record.put(f.pos(), random(f.schema(), r));
        }
        yield record;
      }
      case UNION -> random(schema.getTypes().get(r.nextInt(schema.getTypes().size())), r);
      case NULL -> null;
      case STRING -> text(r);
      case BYTES -> {
        byte[] b = new byte[r.nextInt(40)];
        r.nextBytes(b);
        yield ByteBuffer.wrap(b);
      }
      case BOOLEAN -> r.nextBoolean();
      case INT -> r.nextInt();
      case FLOAT -> r.nextFloat();
      case LONG -> r.nextBoolean() ? r.nextLong() : r.nextInt(1000);
      case DOUBLE -> r.nextInt(10) == 0 ? Double.NaN : r.nextGaussian() * 1e3;
      case ENUM -> SpecificData.get().createEnum(schema.getEnumSymbols().get(r.nextInt(schema.getEnumSymbols().size())), schema);
      case MAP -> {
        Map<String, Object> m = new LinkedHashMap<>();
        int n = r.nextInt(6);
        for (int i = 0; i < n; i++) {
          m.put(text(r), random(schema.getValueType(), r));
        }
        yield m;
      }
      case ARRAY -> {
        List<Object> l = new ArrayList<>();
        int n = r.nextInt(4);
        for (int i = 0; i < n; i++) {
          l.add(random(schema.getElementType(), r));
        }
        yield l;
      }
      default -> throw new IllegalArgumentException("no random value of " + schema);
    };
  }

  private static String text(Random r) {
    String alphabet = "abcxyz-_01 äöü✓𝄞";
    StringBuilder s = new StringBuilder();
    int n = r.nextInt(12);
    for (int i = 0; i < n; i++) {
      s.appendCodePoint(alphabet.codePointAt(alphabet.offsetByCodePoints(0, r.nextInt(alphabet.codePointCount(0, alphabet.length())))));
    }
    return s.toString();
  }
}
