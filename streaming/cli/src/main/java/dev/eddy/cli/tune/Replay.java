package dev.eddy.cli.tune;

import dev.eddy.cli.DriftOptions;
import dev.eddy.cli.EvaluationRun;
import dev.eddy.cli.csv.CsvColumns;
import dev.eddy.cli.csv.CsvReader;
import dev.eddy.cli.csv.CsvRow;
import dev.eddy.core.model.ModelConfig;
import dev.eddy.core.model.ModelState;
import dev.eddy.core.spec.JobSpec;
import dev.eddy.learners.Task;
import dev.eddy.learners.eval.LabelEncoder;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A labelled stream held in memory for {@code bin/eddy tune}: the rows of a CSV file, in order, as
 * {@code bin/eddy evaluate} reads them (same columns, same label encoding, malformed rows skipped).
 * {@link #start} runs a configuration through {@link EvaluationRun}, the job's own model step, a
 * prefix at a time, so that successive halving can stop it early and a finished trial scores exactly
 * what {@code evaluate} reports for the same options.
 */
final class Replay {
  private final CsvColumns columns;
  private final LabelEncoder labels;
  private final List<double[]> numbers = new ArrayList<>();
  private final List<String[]> categories = new ArrayList<>();
  private final List<Double> encoded = new ArrayList<>();
  private final int window;
  private final int delay;

  private Replay(CsvColumns columns, LabelEncoder labels, int window, int delay) {
    this.columns = columns;
    this.labels = labels;
    this.window = window;
    this.delay = delay;
  }

  /** Hands rows of cells to a sink until it returns false. */
  interface Rows {
    void forEach(java.util.function.Predicate<String[]> sink) throws IOException;
  }

  /**
   * Reads {@code file} (at most {@code maxRows} examples). Throws {@link IllegalArgumentException}
   * naming the problem (the option is the caller's to name).
   */
  static Replay load(Path file, String labelColumn, Task requested, long maxRows, int window, int delay)
      throws IOException {
    List<String> header;
    try (CsvReader reader = CsvReader.open(file)) {
      header = reader.header();
    }
    Rows observable = sink -> {
      try (CsvReader reader = CsvReader.open(file)) {
        for (CsvRow row; (row = reader.next()) != null && (row.isMalformed() || sink.test(row.cells())); ) {
          // every row that is not malformed is observed
        }
      }
    };
    Rows wellFormed = sink -> {
      try (CsvReader reader = CsvReader.open(file)) {
        for (CsvRow row; (row = reader.next()) != null && (row.problem() != null || sink.test(row.cells())); ) {
          // every well-formed row is added
        }
      }
    };
    return of(header, labelColumn, requested, maxRows, window, delay, observable, wellFormed, file.toString());
  }

  /**
   * A replay of rows of cells under {@code header}, as evaluate reads a CSV: the first pass over
   * {@code observable} types the columns and collects the labels, the second adds the
   * {@code wellFormed} rows, at most {@code maxRows}.
   */
  static Replay of(List<String> header, String labelColumn, Task requested, long maxRows, int window, int delay,
      Rows observable, Rows wellFormed, String source) throws IOException {
    int labelIndex = header.indexOf(labelColumn);
    if (labelIndex < 0) {
      throw new IllegalArgumentException("'" + labelColumn + "' is not a column; columns: " + header);
    }
    CsvColumns columns = new CsvColumns(header, labelIndex);
    Set<String> distinct = new LinkedHashSet<>();
    observable.forEach(cells -> {
      columns.observe(cells);
      if (requested != Task.REGRESSION) {
        distinct.add(cells[labelIndex].trim());
      }
      return true;
    });
    Replay replay = new Replay(columns, LabelEncoder.forLabels(requested, distinct), window, delay);
    wellFormed.forEach(cells -> {
      replay.add(cells, labelIndex);
      return replay.size() < maxRows;
    });
    if (replay.size() == 0) {
      throw new IllegalArgumentException("no well-formed rows in " + source);
    }
    return replay;
  }

  private void add(String[] cells, int labelIndex) {
    double label;
    double[] x = new double[columns.numeric().size()];
    String[] c = new String[columns.categorical().size()];
    try {
      label = labels.encode(cells[labelIndex]);
      columns.split(cells, x, c);
    } catch (IllegalArgumentException e) {
      return; // skipped, as evaluate skips it
    }
    numbers.add(x);
    categories.add(c);
    encoded.add(label);
  }

  int size() {
    return encoded.size();
  }

  Task task() {
    return labels.task();
  }

  CsvColumns columns() {
    return columns;
  }

  LabelEncoder labels() {
    return labels;
  }

  /** The model the job would run for this stream and {@code config}. */
  ModelConfig modelConfig(SearchSpace.Config config) {
    JobSpec.Drift drift = config.detector() == null ? JobSpec.Drift.NONE
        : new JobSpec.Drift(config.detector(), Map.of(), config.policy() == null ? "background" : config.policy(),
            Map.of(), null, Map.of(), false);
    Task task = labels.task();
    return new ModelConfig(config.learner(), config.params(), columns.numeric(), columns.categorical(), task,
        task == Task.MULTICLASS ? labels.classes() : List.of(), true, drift, window);
  }

  /** A run of {@code config} from the first row. */
  Run start(SearchSpace.Config config) {
    return new Run(modelConfig(config).freshModel());
  }

  /** One configuration's pass over the stream, a prefix at a time. */
  final class Run {
    private final ModelState model;
    private final EvaluationRun evaluation;
    private int next;
    private boolean finished;

    private Run(ModelState model) {
      this.model = model;
      this.evaluation = new EvaluationRun(model, window, new DriftOptions(), null, delay);
    }

    /** Learns rows up to {@code end} (exclusive); at the last row, also the labels still pending. */
    void advanceTo(int end) {
      for (; next < end; next++) {
        evaluation.step(numbers.get(next), categories.get(next), encoded.get(next));
      }
      if (next == size() && !finished) {
        evaluation.finish();
        finished = true;
      }
    }

    /** Rows read so far. */
    int rows() {
      return next;
    }

    /** The prequential metrics so far, by name, as evaluate reports them. */
    Map<String, Double> metrics() {
      return model.metrics().toMap();
    }
  }
}
