package dev.eddy.cli.csv;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.PushbackReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads a CSV file with a header row (RFC 4180: comma-separated, optional double quotes, {@code ""}
 * for a quote inside quotes) one row at a time, for the commands that take tabular input ({@code
 * evaluate}, {@code produce}). Parsing is Jackson's {@code jackson-dataformat-csv}.
 *
 * <pre>{@code
 * try (CsvReader csv = CsvReader.open(path)) {
 *   int label = csv.column("label");            // -1 when absent
 *   for (CsvRow row; (row = csv.next()) != null; ) {
 *     if (row.isMalformed()) { report(row.describe()); continue; }
 *     use(row.cell(label));
 *   }
 * }
 * }</pre>
 *
 * <p>A UTF-8 byte-order mark before the header is dropped. A header that gives a column name twice
 * is refused, naming it: a later column would silently shadow the first. Blank lines are skipped. A row whose cell count differs from the header's, or that the parser
 * rejects (e.g. an unterminated quote), comes back as a malformed {@link CsvRow} with its line
 * number, and reading goes on with the next row. Not thread-safe.
 */
public final class CsvReader implements Closeable {

  private static final CsvFactory FACTORY = CsvFactory.builder()
      .enable(CsvParser.Feature.SKIP_EMPTY_LINES)
      .build();

  private static final char BYTE_ORDER_MARK = '\uFEFF';

  private final CsvParser parser;
  private final String source;
  private final List<String> header;
  private final List<String> cells = new ArrayList<>();

  private CsvReader(Reader reader, String source) throws IOException {
    this.parser = FACTORY.createParser(withoutByteOrderMark(reader));
    this.source = source;
    CsvRow first = next(true);
    if (first == null) {
      parser.close();
      throw new IllegalArgumentException(source + " is empty: a header row is required");
    }
    if (first.isMalformed()) {
      parser.close();
      throw new IllegalArgumentException(source + " has a malformed header: " + first.describe());
    }
    this.header = List.of(first.cells());
    List<String> repeated = repeated(header);
    if (!repeated.isEmpty()) {
      parser.close();
      throw new IllegalArgumentException(source + " has more than one column named " + String.join(", ", repeated)
          + "; each column needs a name of its own (header: " + header + ")");
    }
  }

  /** Skips a leading byte-order mark (Excel writes one in "CSV UTF-8"), which would join the first name. */
  private static Reader withoutByteOrderMark(Reader reader) throws IOException {
    PushbackReader in = new PushbackReader(reader, 1);
    int first = in.read();
    if (first >= 0 && first != BYTE_ORDER_MARK) {
      in.unread(first);
    }
    return in;
  }

  /** The names that {@code header} gives more than once, quoted, in order of first appearance. */
  private static List<String> repeated(List<String> header) {
    Set<String> seen = new HashSet<>();
    Set<String> repeated = new LinkedHashSet<>();
    for (String name : header) {
      if (!seen.add(name)) {
        repeated.add("'" + name + "'");
      }
    }
    return List.copyOf(repeated);
  }

  /**
   * Opens a UTF-8 file and reads its header.
   *
   * @throws NoSuchFileException when the file does not exist
   * @throws IllegalArgumentException when the file has no header row, or its header gives a name
   *     twice
   */
  public static CsvReader open(Path file) throws IOException {
    BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
    try {
      return new CsvReader(reader, file.toString());
    } catch (IOException | RuntimeException e) {
      reader.close();
      throw e;
    }
  }

  /** Reads CSV text from {@code reader} (closed with this reader); {@code source} names it in errors. */
  public static CsvReader of(Reader reader, String source) throws IOException {
    return new CsvReader(reader, source);
  }

  /** The column names of the header row, in file order. */
  public List<String> header() {
    return header;
  }

  /** The index of a header column, or -1 when there is none of that name. */
  public int column(String name) {
    return header.indexOf(name);
  }

  /** The next data row, well-formed or malformed, or null at the end of the file. */
  public CsvRow next() throws IOException {
    return next(false);
  }

  private CsvRow next(boolean isHeader) throws IOException {
    cells.clear();
    long line = -1;
    try {
      JsonToken token = parser.nextToken();
      if (token == null) {
        return null;
      }
      while ((token = parser.nextToken()) == JsonToken.VALUE_STRING) {
        if (line < 0) {
          line = parser.currentTokenLocation().getLineNr();
        }
        cells.add(parser.getText());
      }
      if (token != JsonToken.END_ARRAY) {
        return malformed(line, "unexpected " + token);
      }
    } catch (JsonProcessingException e) {
      String problem = describe(e);
      String more = skipRestOfRow();
      return malformed(line, more == null ? problem : problem + "; then " + more);
    }
    String[] row = cells.toArray(new String[0]);
    if (!isHeader && row.length != header.size()) {
      return new CsvRow(line, row,
          "has " + row.length + " cells but the header has " + header.size() + " columns");
    }
    return new CsvRow(line, row, null);
  }

  private static String describe(JsonProcessingException e) {
    JsonLocation at = e.getLocation();
    return e.getOriginalMessage() + (at == null ? "" : " (at line " + at.getLineNr() + ")");
  }

  private CsvRow malformed(long line, String problem) {
    long start = line >= 0 ? line : parser.currentLocation().getLineNr();
    return new CsvRow(start, cells.toArray(new String[0]), problem);
  }

  /**
   * After a parse error, moves past the rest of the broken row; returns a second error met on the
   * way (which ends the row there), or null.
   */
  private String skipRestOfRow() throws IOException {
    try {
      JsonToken token;
      do {
        token = parser.nextToken();
      } while (token != null && token != JsonToken.END_ARRAY);
      return null;
    } catch (JsonProcessingException e) {
      return describe(e);
    }
  }

  /** The name given to this input (the file path). */
  public String source() {
    return source;
  }

  @Override
  public void close() throws IOException {
    parser.close();
  }

  @Override
  public String toString() {
    return "CsvReader[" + source + ", columns=" + Collections.unmodifiableList(header) + "]";
  }
}
