package dev.eddy.cli.csv;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Decides, over a whole CSV file, which columns are numeric features and which categorical ones, then
 * splits each row into the numeric values and the categories that a model step takes. A column is
 * numeric when every cell of it is a finite number or missing (empty, {@code NA}, {@code NaN},
 * {@code null}, {@code ?}); any other cell makes it categorical. The decision never depends on the
 * order of the rows; a missing number makes its row malformed (skipped and reported).
 */
public final class CsvColumns {
  private static final Set<String> MISSING = Set.of("", "na", "nan", "null", "?");

  private final List<String> header;
  private final int labelColumn;
  private final boolean[] categorical;

  /** @param labelColumn the label's column, which is not a feature */
  public CsvColumns(List<String> header, int labelColumn) {
    if (header.size() < 2) {
      throw new IllegalArgumentException("a table needs a feature column besides the label");
    }
    this.header = List.copyOf(header);
    this.labelColumn = labelColumn;
    this.categorical = new boolean[header.size()];
  }

  /** Takes a well-formed row into the decision. */
  public void observe(String[] cells) {
    for (int c = 0; c < cells.length && c < categorical.length; c++) {
      if (c != labelColumn && !categorical[c] && !isMissing(cells[c]) && !isNumber(cells[c])) {
        categorical[c] = true;
      }
    }
  }

  /** The names of the numeric feature columns, in column order. */
  public List<String> numeric() {
    return names(false);
  }

  /** The names of the categorical feature columns, in column order. */
  public List<String> categorical() {
    return names(true);
  }

  private List<String> names(boolean wantCategorical) {
    List<String> out = new ArrayList<>();
    for (int c = 0; c < header.size(); c++) {
      if (c != labelColumn && categorical[c] == wantCategorical) {
        out.add(header.get(c));
      }
    }
    return out;
  }

  /**
   * Splits a row into its numeric values and categories, in the order of {@link #numeric()} and
   * {@link #categorical()}; IllegalArgumentException naming the column for a missing number.
   */
  public void split(String[] cells, double[] numbers, String[] categories) {
    if (cells.length != header.size()) {
      throw new IllegalArgumentException(
          "row has " + cells.length + " cells but the header has " + header.size() + " columns");
    }
    int n = 0;
    int k = 0;
    for (int c = 0; c < cells.length; c++) {
      if (c == labelColumn) {
        continue;
      }
      if (categorical[c]) {
        categories[k++] = cells[c].trim();
      } else if (isMissing(cells[c])) {
        throw new IllegalArgumentException("column '" + header.get(c) + "' has no value ('" + cells[c] + "')");
      } else {
        numbers[n++] = Double.parseDouble(cells[c].trim());
      }
    }
  }

  private static boolean isMissing(String cell) {
    return MISSING.contains(cell.trim().toLowerCase(Locale.ROOT));
  }

  private static boolean isNumber(String cell) {
    try {
      return Double.isFinite(Double.parseDouble(cell.trim()));
    } catch (NumberFormatException e) {
      return false;
    }
  }
}
