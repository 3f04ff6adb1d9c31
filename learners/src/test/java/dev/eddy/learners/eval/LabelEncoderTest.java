package dev.eddy.learners.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eddy.learners.Task;
import java.util.List;
import org.junit.jupiter.api.Test;

class LabelEncoderTest {

  @Test
  void numericBinaryLabelsInAnyFormatAreBinary() {
    for (List<String> labels : List.of(List.of("0", "1"), List.of("-1", "+1"),
        List.of("1.0", "0.0"), List.of("1"))) {
      LabelEncoder encoder = LabelEncoder.forLabels(null, labels);
      assertThat(encoder.task()).as("%s", labels).isEqualTo(Task.BINARY);
      assertThat(encoder.classes()).isEmpty();
    }
    LabelEncoder binary = LabelEncoder.forLabels(null, List.of("-1", "+1"));
    assertThat(binary.encode("+1")).isEqualTo(1.0);
    assertThat(binary.encode(" -1 ")).isEqualTo(-1.0);
    assertThatThrownBy(() -> binary.encode("2")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'2'");
  }

  @Test
  void classNamesAreSortedIntoIndicesNumericallyWhenNumbers() {
    LabelEncoder names = LabelEncoder.forLabels(null, List.of("dog", "cat", "bird", "cat"));
    assertThat(names.task()).isEqualTo(Task.MULTICLASS);
    assertThat(names.classes()).containsExactly("bird", "cat", "dog");
    assertThat(names.encode("dog")).isEqualTo(2.0);
    assertThatThrownBy(() -> names.encode("fish")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'fish'").hasMessageContaining("bird");
    LabelEncoder numbers = LabelEncoder.forLabels(null, List.of("10", "2", "3"));
    assertThat(numbers.classes()).containsExactly("2", "3", "10");
    assertThat(LabelEncoder.forLabels(Task.MULTICLASS, List.of("0", "1")).classes())
        .containsExactly("0", "1");
  }

  @Test
  void requestedTasksAreHonouredOrRefused() {
    LabelEncoder yesNo = LabelEncoder.forLabels(Task.BINARY, List.of("yes", "no"));
    assertThat(yesNo.task()).isEqualTo(Task.BINARY);
    assertThat(yesNo.encode("yes")).isEqualTo(1.0);
    assertThatThrownBy(() -> LabelEncoder.forLabels(Task.BINARY, List.of("a", "b", "c")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("3 distinct");
    LabelEncoder regression = LabelEncoder.forLabels(Task.REGRESSION, List.of("1.5", "x"));
    assertThat(regression.encode("-2.25")).isEqualTo(-2.25);
    assertThatThrownBy(() -> regression.encode("x")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'x'");
  }
}
