package dev.eddy.cli.csv;

/**
 * One data row of a CSV file, as {@link CsvReader#next()} returns it: either well-formed (its cells,
 * one per header column) or malformed (a {@link #problem()} saying why, e.g. a wrong number of
 * cells), so that a command can skip it and report its line.
 *
 * @param line the 1-based line of the file on which the row starts (the header is line 1)
 * @param cells the row's cells, as many as the header has columns; for a malformed row, whatever
 *     could be read (possibly none)
 * @param problem why the row is malformed, or null when it is well-formed
 */
public record CsvRow(long line, String[] cells, String problem) {

  /** True when the row cannot be used; {@link #problem()} says why. */
  public boolean isMalformed() {
    return problem != null;
  }

  /** The cell of a column, by its index in the header. */
  public String cell(int column) {
    return cells[column];
  }

  /** "line N: problem", for error reports. */
  public String describe() {
    return "line " + line + ": " + (problem == null ? "ok" : problem);
  }
}
