package dev.eddy.schemas.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eddy.schemas.Event;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.message.MissingSchemaException;
import org.junit.jupiter.api.Test;

/** Records of a producer upgraded before the job: a newer Event schema with a field today's class lacks. */
class NewerWriterSchemaTest {
  /** Today's Event plus {@code region}, a string with a default: what an upgraded producer writes. */
  static final Schema NEWER = newer(true);

  private static Schema newer(boolean withDefault) {
    Schema today = Event.getClassSchema();
    List<Schema.Field> fields = new java.util.ArrayList<>();
    for (Schema.Field f : today.getFields()) {
      fields.add(new Schema.Field(f, f.schema()));
    }
    fields.add(withDefault
        ? new Schema.Field("region", Schema.create(Schema.Type.STRING), "where the event was made", "eu")
        : new Schema.Field("region", Schema.create(Schema.Type.STRING), "where the event was made"));
    return Schema.createRecord(today.getName(), today.getDoc(), today.getNamespace(), false, fields);
  }

  private static byte[] written(Schema writer) throws Exception {
    GenericRecord r = new GenericData.Record(writer);
    for (Schema.Field f : writer.getFields()) {
      r.put(f.name(), f.hasDefaultValue() ? GenericData.get().getDefaultValue(f) : null);
    }
    r.put("id", "e-1");
    r.put("timestamp", 1_700_000_000_000L);
    r.put("features", Map.of("x1", 0.5));
    r.put("region", "ap");
    ByteBuffer b = new BinaryMessageEncoder<GenericRecord>(GenericData.get(), writer).encode(r);
    byte[] out = new byte[b.remaining()];
    b.get(out);
    return out;
  }

  @Test
  void aNewerCompatibleWriterIsReadWhenTheCodecKnowsIt() throws Exception {
    byte[] bytes = written(NEWER);
    assertThatThrownBy(() -> AvroCodec.of(Event.class).decode(bytes)).isInstanceOf(MissingSchemaException.class);
    Event e = AvroCodec.of(Event.class, List.of(NEWER)).decode(bytes);
    assertThat(e.getId()).isEqualTo("e-1");
    assertThat(e.getFeatures()).containsEntry("x1", 0.5);
    assertThat(e.getTimestamp()).isEqualTo(1_700_000_000_000L);
  }

  @Test
  void aWriterTodaysClassCannotReadIsRefusedSayingWhy() {
    Schema narrowed = SchemaBuilder.record("Event").namespace("dev.eddy.schemas").fields()
        .requiredString("id").requiredInt("timestamp").endRecord(); // an int timestamp resolves; no features does not
    Schema renamedType = SchemaBuilder.record("Event").namespace("dev.eddy.schemas").fields()
        .requiredString("id").requiredString("timestamp").name("features").type().map().values().doubleType().noDefault()
        .endRecord();
    assertThatThrownBy(() -> AvroCodec.checkReadable(Event.class, renamedType))
        .hasMessage("today's Event cannot read what it writes: [TYPE_MISMATCH at /fields/2/type (reader type: LONG not compatible"
            + " with writer type: STRING)]");
    assertThatThrownBy(() -> AvroCodec.checkReadable(Event.class, narrowed))
        .hasMessageContaining("READER_FIELD_MISSING_DEFAULT_VALUE").hasMessageContaining("features");
    Schema other = SchemaBuilder.record("Label").namespace("dev.eddy.schemas").fields().requiredString("id").endRecord();
    assertThatThrownBy(() -> AvroCodec.of(Event.class, List.of(other)))
        .hasMessage("a schema of dev.eddy.schemas.Label, not of dev.eddy.schemas.Event");
  }
}
