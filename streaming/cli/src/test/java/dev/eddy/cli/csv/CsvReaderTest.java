package dev.eddy.cli.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvReaderTest {
  private static final String BOM = "\uFEFF";

  @Test
  void dropsAByteOrderMarkBeforeTheFirstName(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("excel.csv"); // Excel's "CSV UTF-8": EF BB BF, then the text
    Files.write(file, (BOM + "id,x1\na,1\n").getBytes(StandardCharsets.UTF_8));
    try (CsvReader csv = CsvReader.open(file)) {
      assertThat(csv.header()).containsExactly("id", "x1");
      assertThat(csv.column("id")).isZero();
      CsvRow row = csv.next();
      assertThat(row.line()).isEqualTo(2);
      assertThat(row.cells()).containsExactly("a", "1");
    }
  }

  @Test
  void dropsAByteOrderMarkBeforeAQuotedName() throws IOException {
    try (CsvReader csv = CsvReader.of(new StringReader(BOM + "\"id\",x1\na,1\n"), "inline")) {
      assertThat(csv.header()).containsExactly("id", "x1");
    }
  }

  @Test
  void keepsAByteOrderMarkThatIsNotAtTheStart() throws IOException {
    try (CsvReader csv = CsvReader.of(new StringReader("id,x1\n" + BOM + "a,1\n"), "inline")) {
      assertThat(csv.next().cell(0)).isEqualTo(BOM + "a");
    }
  }

  @Test
  void refusesAHeaderThatNamesAColumnTwiceNamingIt() {
    assertThatThrownBy(() -> CsvReader.of(new StringReader("x1,x2,x1,y,x2,x1\n1,2,3,4,5,6\n"), "data.csv"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("data.csv has more than one column named 'x1', 'x2'; each column needs a name of its own"
            + " (header: [x1, x2, x1, y, x2, x1])");
  }

  @Test
  void aByteOrderMarkDoesNotHideADuplicate() {
    assertThatThrownBy(() -> CsvReader.of(new StringReader(BOM + "x1,x1\n1,2\n"), "data.csv"))
        .hasMessageStartingWith("data.csv has more than one column named 'x1';");
  }
}
