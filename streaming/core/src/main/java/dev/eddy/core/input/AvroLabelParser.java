package dev.eddy.core.input;

import dev.eddy.schemas.Label;
import dev.eddy.schemas.codec.AvroCodec;
import org.apache.avro.message.MissingSchemaException;
import dev.eddy.schemas.codec.TrailingBytesException;

/** Parses Avro single-object-encoded {@link Label}s: the label as a number ({@code label}) or a class name ({@code labelName}). */
public final class AvroLabelParser implements RecordParser<InputLabel> {
  private static final long serialVersionUID = 1L;
  private final FeatureLayout layout;
  private transient AvroCodec<Label> codec;

  public AvroLabelParser(FeatureLayout layout) {
    this.layout = layout;
  }

  @Override
  public InputLabel parse(RawRecord r) throws InvalidEventException {
    if (codec == null) {
      codec = AvroCodec.of(Label.class, layout.writerSchemasOf(Label.class));
    }
    InputLimits.checkSize(r.value);
    Label l;
    try {
      l = codec.decode(r.value);
    } catch (TrailingBytesException ex) {
      throw InvalidEventException.trailingData("label", ex.count() + " byte(s)");
    } catch (MissingSchemaException ex) {
      throw new InvalidEventException("not an Avro Label: " + ex.getMessage() + " (a newer Label schema? list it in input.writer-schemas)");
    } catch (Exception ex) {
      throw new InvalidEventException("not an Avro Label: " + ex.getMessage());
    }
    return layout.label(l.getId(), l.getKey(), l.getTimestamp(), l.getLabel(), l.getLabelName(), r);
  }
}
