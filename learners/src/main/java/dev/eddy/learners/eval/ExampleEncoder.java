package dev.eddy.learners.eval;

import dev.eddy.learners.FeatureHasher;
import dev.eddy.learners.FeatureVector;
import dev.eddy.learners.standardize.Standardizer;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns the feature cells of a table row into a {@link FeatureVector}, exactly as the job turns event
 * fields into one: numeric features, optionally standardized (the {@link Standardizer} is updated
 * with the row, then applied), and — with the hashing trick — categorical features as one-hot
 * {@code column=value} features.
 *
 * <p>The first row encoded decides each column's kind: a cell that parses as a number makes a numeric
 * column, any other a categorical one (allowed only with hashing). Dense vectors hold the feature
 * columns in table order; their buffer is reused, so a vector is valid until the next call.
 */
public final class ExampleEncoder {
  private final List<String> header;
  private final int labelColumn;
  private final FeatureHasher hasher;
  private final boolean standardize;
  private int[] numericColumns;
  private int[] categoricalColumns;
  private Standardizer standardizer;
  private double[] raw;
  private FeatureVector denseVector;

  /**
   * @param header the column names
   * @param labelColumn the label's column index, which is not a feature
   * @param hashBits b for the hashing trick into 2^b dimensions, or 0 for dense vectors
   * @param standardize whether numeric features are standardized
   */
  public ExampleEncoder(List<String> header, int labelColumn, int hashBits, boolean standardize) {
    if (labelColumn < 0 || labelColumn >= header.size()) {
      throw new IllegalArgumentException(
          "label column " + labelColumn + " outside the " + header.size() + " columns");
    }
    if (header.size() < 2) {
      throw new IllegalArgumentException("a table needs a feature column besides the label");
    }
    this.header = List.copyOf(header);
    this.labelColumn = labelColumn;
    this.hasher = hashBits == 0 ? null : new FeatureHasher(hashBits, header.size());
    this.standardize = standardize;
  }

  /** The dimension of the vectors: the number of feature columns, or 2^b with hashing. */
  public int dimension() {
    return hasher == null ? header.size() - 1 : hasher.dimension();
  }

  /**
   * The row's features. Throws {@link IllegalArgumentException} naming the column and the value for a
   * row of the wrong length, a missing or non-finite number, or a categorical value without hashing.
   */
  public FeatureVector encode(String[] row) {
    if (row.length != header.size()) {
      throw new IllegalArgumentException(
          "row has " + row.length + " cells but the header has " + header.size() + " columns");
    }
    if (numericColumns == null) {
      decideKinds(row);
    }
    for (int j = 0; j < numericColumns.length; j++) {
      raw[j] = number(row, numericColumns[j]);
    }
    if (standardize && numericColumns.length > 0) {
      standardizer.update(raw);
      standardizer.transform(raw, raw);
    }
    if (hasher == null) {
      return denseVector;
    }
    hasher.clear();
    for (int j = 0; j < numericColumns.length; j++) {
      hasher.add(header.get(numericColumns[j]), raw[j]);
    }
    for (int column : categoricalColumns) {
      hasher.add(header.get(column), row[column].trim());
    }
    return hasher.vector();
  }

  private void decideKinds(String[] row) {
    List<Integer> numeric = new ArrayList<>();
    List<Integer> categorical = new ArrayList<>();
    for (int c = 0; c < row.length; c++) {
      if (c != labelColumn) {
        if (isNumber(row[c])) {
          numeric.add(c);
        } else if (hasher != null) {
          categorical.add(c);
        } else {
          throw new IllegalArgumentException(
              "column '" + header.get(c) + "' holds '" + row[c]
                  + "', not a number: categorical features need hashing (hash-bits)");
        }
      }
    }
    numericColumns = numeric.stream().mapToInt(Integer::intValue).toArray();
    categoricalColumns = categorical.stream().mapToInt(Integer::intValue).toArray();
    raw = new double[numericColumns.length];
    denseVector = hasher == null ? FeatureVector.dense(raw) : null;
    if (standardize && numericColumns.length > 0) {
      standardizer = new Standardizer(numericColumns.length);
    }
  }

  private static boolean isNumber(String cell) {
    try {
      return Double.isFinite(Double.parseDouble(cell.trim()));
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private double number(String[] row, int column) {
    String cell = row[column];
    double value;
    try {
      value = Double.parseDouble(cell.trim());
    } catch (NumberFormatException e) {
      value = Double.NaN;
    }
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException(
          "column '" + header.get(column) + "' holds '" + cell + "', not a finite number");
    }
    return value;
  }
}
