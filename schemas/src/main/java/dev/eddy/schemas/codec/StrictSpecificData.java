package dev.eddy.schemas.codec;

import java.io.UncheckedIOException;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.io.DatumReader;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;

/**
 * The generated classes' data model with a reader that refuses a map key given twice: Avro's own
 * reader puts each entry into a map, so the last value would win without a word. The reader's hook
 * cannot throw a checked exception, so it throws {@link RepeatedMapKeyException} wrapped in an
 * {@link UncheckedIOException}, which {@link AvroCodec#decode} unwraps.
 */
final class StrictSpecificData extends SpecificData {
  static final StrictSpecificData INSTANCE = new StrictSpecificData();

  private StrictSpecificData() {}

  @Override
  @SuppressWarnings({"rawtypes", "unchecked"})
  public DatumReader createDatumReader(Schema writer, Schema reader) {
    return new SpecificDatumReader(writer, reader, this) {
      @Override
      protected void addToMap(Object map, Object key, Object value) {
        if (((Map<?, ?>) map).containsKey(key)) {
          throw new UncheckedIOException(new RepeatedMapKeyException(String.valueOf(key)));
        }
        super.addToMap(map, key, value);
      }
    };
  }
}
