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
 *
 * <p>Collections start small whatever size a block claims ({@link #FIRST_CAPACITY} at most) and grow
 * only as entries are actually read: a hostile record that claims a billion entries in a few bytes
 * would otherwise make Avro allocate the claimed table before it reads the first entry.
 */
final class StrictSpecificData extends SpecificData {
  static final StrictSpecificData INSTANCE = new StrictSpecificData();
  /** The largest capacity a map or array is created with, before its entries are read. */
  static final int FIRST_CAPACITY = 64;

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

      @Override
      protected Object newMap(Object old, int size) {
        return super.newMap(old, Math.min(size, FIRST_CAPACITY));
      }

      @Override
      protected Object newArray(Object old, int size, Schema schema) {
        return super.newArray(old, Math.min(size, FIRST_CAPACITY), schema);
      }
    };
  }
}
