package dev.eddy.core.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eddy.schemas.Label;
import dev.eddy.schemas.codec.Topics;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Labels of the labels topic, in both formats, read as strictly as events. */
class LabelParsersTest {
  private static final FeatureLayout BY_KEY = new FeatureLayout(List.of("x1"), true);

  private static RawRecord record(byte[] value) {
    return new RawRecord("labels", 1, 7, 99, null, value);
  }

  private static InputLabel json(String text) throws InvalidEventException {
    return new JsonLabelParser(BY_KEY).parse(record(text.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void jsonLabelsNameTheirEventAndModel() throws Exception {
    InputLabel l = json("{\"id\": \"e-1\", \"key\": \"t1\", \"label\": 1}");
    assertThat(l.id).isEqualTo("e-1");
    assertThat(l.modelKey).isEqualTo("t1");
    assertThat(l.label).isEqualTo(1.0);
    assertThat(l.timestamp).as("the record's when absent").isEqualTo(99);
    assertThat(l.source.offset).isEqualTo(7);
    assertThat(new JsonLabelParser(new FeatureLayout(List.of("x1"), false))
        .parse(record("{\"id\":\"e\",\"label\":0}".getBytes(StandardCharsets.UTF_8))).modelKey).isEqualTo(FeatureLayout.GLOBAL_KEY);
  }

  @Test
  void badJsonLabelsAreRefusedWithTheirReason() {
    assertThatThrownBy(() -> json("{\"id\": \"e-1\", \"key\": \"t1\", \"label\": 3}")).hasMessageContaining("label must be 0, 1 or -1");
    assertThatThrownBy(() -> json("{\"id\": \"e-1\", \"key\": \"t1\"}")).hasMessage("missing field 'label'");
    assertThatThrownBy(() -> json("{\"key\": \"t1\", \"label\": 1}")).hasMessage("missing id");
    assertThatThrownBy(() -> json("{\"id\": \"e-1\", \"label\": 1}")).hasMessageContaining("missing key");
    assertThatThrownBy(() -> json("{\"id\": \"e\", \"id\": \"f\", \"key\": \"t\", \"label\": 1}")).hasMessage("field 'id' given twice");
    assertThatThrownBy(() -> json("{\"id\": \"e\", \"key\": \"t\", \"label\": 1} {}")).hasMessageStartingWith("trailing data after the label");
    assertThatThrownBy(() -> json("{\"id\": \"e\", \"key\": \"t\", \"label\": 1, \"features\": {}}")).hasMessageContaining("unknown field 'features'");
  }

  @Test
  void avroLabelsAreReadStrictly() throws Exception {
    byte[] bytes = Topics.LABEL.encode(Label.newBuilder().setId("e-2").setKey("t2").setTimestamp(5).setLabel(-1.0).build());
    InputLabel l = new AvroLabelParser(BY_KEY).parse(record(bytes));
    assertThat(l.id).isEqualTo("e-2");
    assertThat(l.modelKey).isEqualTo("t2");
    assertThat(l.label).isEqualTo(-1.0);
    byte[] trailing = Arrays.copyOf(bytes, bytes.length + 2);
    assertThatThrownBy(() -> new AvroLabelParser(BY_KEY).parse(record(trailing))).hasMessage("trailing data after the label: 2 byte(s)");
    assertThatThrownBy(() -> new AvroLabelParser(BY_KEY).parse(record(new byte[] {1, 2, 3}))).hasMessageStartingWith("not an Avro Label");
  }
}
