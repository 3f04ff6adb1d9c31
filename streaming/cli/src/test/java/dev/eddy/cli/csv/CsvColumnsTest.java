package dev.eddy.cli.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class CsvColumnsTest {

  /** A numeric column whose first cell is missing stays numeric: the whole file decides, not the first row. */
  @Test
  void aColumnIsNumericWhenEveryCellIsANumberOrMissing() {
    CsvColumns columns = new CsvColumns(List.of("a", "color", "y"), 2);
    columns.observe(new String[] {"NA", "red", "1"});
    columns.observe(new String[] {"2.5", "blue", "0"});
    columns.observe(new String[] {"", "7", "0"});
    assertThat(columns.numeric()).containsExactly("a");
    assertThat(columns.categorical()).containsExactly("color");
    double[] numbers = new double[1];
    String[] categories = new String[1];
    columns.split(new String[] {" 2.5 ", " red ", "1"}, numbers, categories);
    assertThat(numbers).containsExactly(2.5);
    assertThat(categories).containsExactly("red");
    assertThatThrownBy(() -> columns.split(new String[] {"NA", "red", "1"}, numbers, categories))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'a'").hasMessageContaining("no value");
    assertThatThrownBy(() -> columns.split(new String[] {"1", "2"}, numbers, categories))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2 cells");
  }
}
