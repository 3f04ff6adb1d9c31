package dev.eddy.core.spec;

import com.fasterxml.jackson.databind.JsonNode;
import dev.eddy.schemas.Event;
import dev.eddy.schemas.Label;
import dev.eddy.schemas.codec.AvroCodec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;

/**
 * {@code input.writer-schemas}: the files of newer Event or Label schemas (an upgraded producer's) whose
 * Avro records the job reads too. Each is read when the spec loads, and refused, naming its entry, unless
 * it is a schema of Event or Label that today's class can read (Avro's compatibility check); the job
 * carries their text, so a cluster never reads the files.
 */
final class WriterSchemas {
  private static final String FIELD = "input.writer-schemas";

  private WriterSchemas() {}

  /** The schemas' JSON, in the spec's order; none when {@code list} is absent. */
  static List<String> read(JsonNode list) {
    if (list == null || list.isNull()) {
      return List.of();
    }
    if (!list.isArray()) {
      throw new JobSpecException(FIELD, "a list of .avsc files (newer Event or Label schemas), got " + list);
    }
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      texts.add(schema(FIELD + "[" + i + "]", list.get(i)));
    }
    return List.copyOf(texts);
  }

  private static String schema(String field, JsonNode entry) {
    if (!entry.isTextual() || entry.asText().isBlank()) {
      throw new JobSpecException(field, "the path of an .avsc file, got " + entry);
    }
    Path path = Path.of(entry.asText());
    Schema schema;
    try {
      schema = new Schema.Parser().parse(Files.readString(path, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new JobSpecException(field, "cannot read " + path + ": " + e);
    } catch (SchemaParseException e) {
      throw new JobSpecException(field, path + " is not an Avro schema: " + e.getMessage());
    }
    Class<?> type = schema.getFullName().equals(Label.getClassSchema().getFullName()) ? Label.class : Event.class;
    try {
      AvroCodec.checkReadable(type, schema);
    } catch (IllegalArgumentException e) {
      throw new JobSpecException(field, path + ": " + e.getMessage());
    }
    return schema.toString();
  }
}
