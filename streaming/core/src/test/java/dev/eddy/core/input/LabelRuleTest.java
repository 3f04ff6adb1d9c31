package dev.eddy.core.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eddy.learners.Task;
import dev.eddy.schemas.Event;
import dev.eddy.schemas.Label;
import dev.eddy.schemas.codec.Topics;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Labels per task, the same for events and the labels topic, in both formats. */
class LabelRuleTest {
  private static final LabelRule IRIS = new LabelRule(Task.MULTICLASS, List.of("setosa", "versicolor", "virginica"));
  private static final LabelRule DIGITS = new LabelRule(Task.MULTICLASS, List.of("3", "5", "7.5"));
  private static final LabelRule REGRESSION = new LabelRule(Task.REGRESSION, List.of());

  @Test
  void multiclassLabelsAreClassIndicesInTheOrderOfTheSpecsClasses() throws Exception {
    assertThat(IRIS.encode(null, "setosa")).isEqualTo(0);
    assertThat(IRIS.encode(null, "virginica")).isEqualTo(2);
    assertThat(DIGITS.encode(5.0, null)).as("a class written as a number").isEqualTo(1);
    assertThat(DIGITS.encode(7.5, null)).isEqualTo(2);
    assertThat(DIGITS.encode(null, "3")).isEqualTo(0);
    assertThat(DIGITS.encode(null, "5.0")).as("a name that is the class's number").isEqualTo(1);
  }

  @Test
  void anUnknownClassIsRefusedNamingItAndTheAllowedOnes() {
    assertThatThrownBy(() -> IRIS.encode(null, "rosa"))
        .hasMessage("unknown class 'rosa'; the spec's classes are [setosa, versicolor, virginica]");
    assertThatThrownBy(() -> DIGITS.encode(4.0, null)).hasMessage("unknown class 4.0; the spec's classes are [3, 5, 7.5]");
    assertThatThrownBy(() -> IRIS.encode(1.0, "setosa")).hasMessageContaining("both");
  }

  @Test
  void regressionTakesAnyFiniteNumberAndBinaryOnlyZeroOneOrMinusOne() throws Exception {
    assertThat(REGRESSION.encode(-1234.5, null)).isEqualTo(-1234.5);
    assertThatThrownBy(() -> REGRESSION.encode(Double.POSITIVE_INFINITY, null)).hasMessageContaining("finite");
    assertThatThrownBy(() -> REGRESSION.encode(null, "high")).hasMessageContaining("must be a number for a regression task");
    assertThat(LabelRule.binary().encode(-1.0, null)).isEqualTo(-1.0);
    assertThatThrownBy(() -> LabelRule.binary().encode(2.0, null)).hasMessageContaining("0, 1 or -1");
    assertThatThrownBy(() -> LabelRule.binary().encode(null, "yes")).hasMessageContaining("binary");
  }

  @Test
  void classesMustBeDistinctAlsoAsNumbersAndOnlyForMulticlass() {
    assertThatThrownBy(() -> new LabelRule(Task.MULTICLASS, List.of("1", "2", "1.0")))
        .hasMessageContaining("'1' and '1.0' are the same number");
    assertThatThrownBy(() -> new LabelRule(Task.MULTICLASS, List.of("a", "a"))).hasMessageContaining("listed twice");
    assertThatThrownBy(() -> new LabelRule(Task.BINARY, List.of("a", "b"))).hasMessageContaining("multiclass");
  }

  @Test
  void eventsAndLabelsOfEveryFormatShareTheRule() throws Exception {
    FeatureLayout layout = new FeatureLayout(List.of("x1"), false, IRIS);
    byte[] json = "{\"id\": \"e-1\", \"features\": {\"x1\": 1}, \"label\": \"versicolor\"}".getBytes(StandardCharsets.UTF_8);
    assertThat(new JsonEventParser(layout).parse(json, 0).label).isEqualTo(1);
    byte[] avro = Topics.EVENT.encode(Event.newBuilder().setId("e-2").setTimestamp(1).setFeatures(Map.of("x1", 1.0))
        .setLabelName("virginica").build());
    assertThat(new AvroEventParser(layout).parse(avro, 0).label).isEqualTo(2);
    RawRecord jsonLabel = new RawRecord("labels", 0, 0, 0, null,
        "{\"id\": \"e-1\", \"label\": \"setosa\"}".getBytes(StandardCharsets.UTF_8));
    assertThat(new JsonLabelParser(layout).parse(jsonLabel).label).isEqualTo(0);
    RawRecord avroLabel = new RawRecord("labels", 0, 0, 0, null,
        Topics.LABEL.encode(Label.newBuilder().setId("e-2").setTimestamp(1).setLabelName("virginica").build()));
    assertThat(new AvroLabelParser(layout).parse(avroLabel).label).isEqualTo(2);
    RawRecord unknown = new RawRecord("labels", 0, 0, 0, null,
        Topics.LABEL.encode(Label.newBuilder().setId("e-3").setTimestamp(1).setLabelName("rosa").build()));
    assertThatThrownBy(() -> new AvroLabelParser(layout).parse(unknown)).hasMessageContaining("unknown class 'rosa'");
    RawRecord none = new RawRecord("labels", 0, 0, 0, null,
        Topics.LABEL.encode(Label.newBuilder().setId("e-4").setTimestamp(1).build()));
    assertThatThrownBy(() -> new AvroLabelParser(layout).parse(none)).hasMessage("missing label");
    byte[] both = Topics.EVENT.encode(Event.newBuilder().setId("e-5").setTimestamp(1).setFeatures(Map.of("x1", 1.0))
        .setLabel(1.0).setLabelName("setosa").build());
    assertThatThrownBy(() -> new AvroEventParser(layout).parse(both, 0)).hasMessageContaining("both");
    byte[] unlabelled = "{\"id\": \"e-6\", \"features\": {\"x1\": 1}}".getBytes(StandardCharsets.UTF_8);
    assertThat(new JsonEventParser(layout).parse(unlabelled, 0).hasLabel()).isFalse();
  }
}
