package dev.eddy.core.input;

import dev.eddy.schemas.Event;
import dev.eddy.schemas.codec.AvroCodec;
import org.apache.avro.message.MissingSchemaException;
import dev.eddy.schemas.codec.RepeatedMapKeyException;
import dev.eddy.schemas.codec.TrailingBytesException;
import java.util.Map;

/**
 * Parses Avro single-object-encoded {@link Event}s. Refuses what {@link JsonEventParser} refuses, with
 * the same reasons: bytes after the record and a feature given twice.
 *
 * <p>A record of today's schema that the strict reader would accept is read by {@link FastEventReader}
 * straight into the feature vector; every other record (an older or newer schema, or a bad one) is
 * decoded by the strict {@link AvroCodec} reader, which gives the same values or the reason.
 */
public final class AvroEventParser implements EventParser {
  private static final long serialVersionUID = 1L;
  private final FeatureLayout layout;
  private transient AvroCodec<Event> codec;
  private transient FastEventReader fast;

  public AvroEventParser(FeatureLayout layout) {
    this.layout = layout;
  }

  @Override
  public InputEvent parse(byte[] value, long recordTimestamp) throws InvalidEventException {
    if (codec == null) {
      codec = AvroCodec.of(Event.class, layout.writerSchemasOf(Event.class));
    }
    InputLimits.checkSize(value);
    if (fast == null) {
      fast = new FastEventReader(layout.names());
    }
    double[] vector = layout.newVector();
    if (fast.read(value, vector)) {
      return fast.event(layout, vector);
    }
    Event e;
    try {
      e = codec.decode(value);
    } catch (RepeatedMapKeyException ex) {
      throw InvalidEventException.repeatedFeature(ex.key()); // features is Event's only map
    } catch (TrailingBytesException ex) {
      throw InvalidEventException.trailingData("event", ex.count() + " byte(s)");
    } catch (MissingSchemaException ex) {
      throw new InvalidEventException("not an Avro Event: " + ex.getMessage() + " (a newer Event schema? list it in input.writer-schemas)");
    } catch (Exception ex) {
      throw new InvalidEventException("not an Avro Event: " + ex.getMessage());
    }
    double[] x = layout.newVector();
    for (Map.Entry<String, Double> f : e.getFeatures().entrySet()) {
      layout.set(x, f.getKey(), f.getValue());
    }
    return layout.event(e.getId(), e.getKey(), e.getTimestamp(), x, e.getLabel(), e.getLabelName());
  }
}
