package dev.eddy.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.eddy.cli.csv.CsvReader;
import dev.eddy.cli.csv.CsvRow;
import dev.eddy.learners.FeatureHasher;
import dev.eddy.learners.Learners;
import dev.eddy.learners.OnlineLearner;
import dev.eddy.learners.Task;
import dev.eddy.learners.eval.EvaluationReport;
import dev.eddy.learners.eval.ExampleEncoder;
import dev.eddy.learners.eval.LabelEncoder;
import dev.eddy.learners.eval.PrequentialEvaluator;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code bin/eddy evaluate}: offline prequential (test-then-train) evaluation of a learner over a CSV
 * file in row order — the tool for choosing a learner before deploying it. The loop, the feature
 * encoding and the metrics are those of {@code dev.eddy.learners.eval}, i.e. the code the job runs;
 * this command only reads the file, shows progress and writes the result.
 *
 * <p>Usage errors (missing file or column, unknown learner, bad parameter) print the problem naming
 * the option and exit 2. Malformed rows are skipped, counted and reported with their line numbers.
 */
@Command(
    name = "evaluate",
    mixinStandardHelpOptions = true,
    description = {
      "Prequential (test-then-train) evaluation of a learner over a CSV file in row order:",
      "each row is predicted, scored, then learned. Prints the final metrics; --json writes",
      "learner, hyperparameters, task, instances, skipped, seconds, instancesPerSecond, every",
      "metric by name (accuracy as a fraction, kappa, logLoss, precision, recall, f1; mae, rmse",
      "for regression; window* over the last --window rows), window and accuracyPerWindow",
      "(rmsePerWindow for regression: the metric of each consecutive block of --window rows).",
      "Every column but the label is a feature: numbers (standardized by default), or, with",
      "--param hash-bits=B, also categories (hashed one-hot)."
    })
public final class EvaluateCommand implements Callable<Integer> {
  private static final int REPORTED_BAD_ROWS = 10;
  /** More distinct labels than this without --task is taken for a numeric target, not classes. */
  private static final int MAX_AUTO_CLASSES = 1000;

  @Spec CommandSpec spec;

  @Option(names = "--csv", required = true, paramLabel = "FILE",
      description = "CSV file with a header row.")
  Path csv;

  @Option(names = "--label-column", required = true, paramLabel = "NAME",
      description = "Column holding the label: 0/1, -1/+1, class names, or numbers with --task regression.")
  String labelColumn;

  @Option(names = "--learner", required = true, paramLabel = "TYPE",
      description = "Learner type: pa, pa-i, pa-ii, pegasos, pegasos-avg, logistic, adagrad, ftrl, ...")
  String learner;

  @Option(names = "--param", paramLabel = "NAME=VALUE",
      description = "A hyperparameter, repeatable: C, epsilon, lambda, learning-rate, schedule, alpha, beta, l1, l2, hash-bits, ...")
  Map<String, String> params = new LinkedHashMap<>();

  @Option(names = "--standardize", negatable = true, defaultValue = "true", fallbackValue = "true",
      description = "Standardize numeric features with running mean and variance (default: on).")
  boolean standardize;

  @Option(names = "--window", defaultValue = "1000", paramLabel = "N",
      description = "Rows per window of the windowed metrics (default: ${DEFAULT-VALUE}).")
  int window;

  @Option(names = "--task", paramLabel = "TASK",
      description = "binary, multiclass or regression (default: binary for 0/1 or -1/+1 labels, else multiclass).")
  String task;

  @picocli.CommandLine.Mixin DriftOptions drift = new DriftOptions();

  @Option(names = "--json", paramLabel = "FILE", description = "Also write the result as JSON here.")
  Path json;

  @Option(names = "--no-progress", description = "Do not show the progress bar.")
  boolean noProgress;

  @Override
  public Integer call() throws IOException {
    long start = System.nanoTime();
    if (window < 1) {
      throw usage("--window must be >= 1 but was " + window);
    }
    Task requested = parseTask();
    if (!Files.isRegularFile(csv)) {
      throw usage("--csv: no such file: " + csv);
    }
    if (!Learners.types().contains(learner)) {
      throw usage("--learner: unknown learner type '" + learner + "'; known: " + Learners.types());
    }
    Scan scan = scan(requested);
    ExampleEncoder encoder;
    try {
      encoder = new ExampleEncoder(scan.header, scan.labelIndex, hashBits(), standardize);
    } catch (IllegalArgumentException e) {
      throw usage("--csv: " + e.getMessage());
    }
    OnlineLearner model;
    try {
      model = Learners.create(learner, params, encoder.dimension(), scan.labels.task());
    } catch (IllegalArgumentException e) {
      throw usage("--param: " + e.getMessage());
    }
    try {
      model = drift.wrap(model);
    } catch (IllegalArgumentException e) {
      throw usage(e.getMessage());
    }
    PrequentialEvaluator evaluator = new PrequentialEvaluator(model, window);
    List<String> badRows = new ArrayList<>();
    long skipped = run(evaluator, encoder, scan, badRows);
    EvaluationReport report = evaluator.report((System.nanoTime() - start) / 1e9, skipped);
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    badRows.forEach(row -> err.println("skipped " + row));
    if (skipped > badRows.size()) {
      err.println("skipped " + (skipped - badRows.size()) + " more malformed rows");
    }
    out.print(report.toText());
    drift.results().forEach((name, value) -> out.println(name + ": " + value));
    out.flush();
    if (json != null) {
      Map<String, Object> result = new java.util.LinkedHashMap<>(report.toMap());
      result.putAll(drift.results());
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(json.toFile(), result);
    }
    return 0;
  }

  /** The header, the label column and its labels, and the row count: a first, label-only pass. */
  private record Scan(List<String> header, int labelIndex, LabelEncoder labels, long rows) {}

  private Scan scan(Task requested) throws IOException {
    try (CsvReader reader = open()) {
      int labelIndex = reader.column(labelColumn);
      if (labelIndex < 0) {
        throw usage("--label-column: '" + labelColumn + "' is not a column of " + csv
            + "; columns: " + reader.header());
      }
      Set<String> distinct = new LinkedHashSet<>();
      long rows = 0;
      for (CsvRow row; (row = reader.next()) != null; rows++) {
        if (!row.isMalformed() && requested != Task.REGRESSION) {
          distinct.add(row.cell(labelIndex).trim());
        }
      }
      if (requested == null && distinct.size() > MAX_AUTO_CLASSES) {
        throw usage("--label-column " + labelColumn + " has " + distinct.size()
            + " distinct labels; for a numeric target give --task regression");
      }
      try {
        return new Scan(reader.header(), labelIndex, LabelEncoder.forLabels(requested, distinct),
            rows);
      } catch (IllegalArgumentException e) {
        throw usage("--label-column " + labelColumn + ": " + e.getMessage());
      }
    }
  }

  private long run(PrequentialEvaluator evaluator, ExampleEncoder encoder, Scan scan,
      List<String> badRows) throws IOException {
    long skipped = 0;
    try (CsvReader reader = open(); ProgressBar progress = progressBar(scan.rows)) {
      long sinceStep = 0;
      for (CsvRow row; (row = reader.next()) != null; ) {
        String problem = row.problem();
        if (problem == null) {
          try {
            double label = scan.labels.encode(row.cell(scan.labelIndex));
            evaluator.step(encoder.encode(row.cells()), label);
          } catch (IllegalArgumentException e) {
            problem = e.getMessage();
          }
        }
        if (problem != null) {
          if (++skipped <= REPORTED_BAD_ROWS) {
            badRows.add("line " + row.line() + ": " + problem);
          }
        }
        if (progress != null && ++sinceStep == 4096) {
          progress.stepBy(sinceStep);
          sinceStep = 0;
        }
      }
      if (progress != null) {
        progress.stepBy(sinceStep);
      }
    }
    return skipped;
  }

  private ProgressBar progressBar(long rows) {
    if (noProgress) {
      return null;
    }
    return new ProgressBarBuilder().setTaskName("evaluate " + learner).setInitialMax(rows)
        .setUnit(" rows", 1).setUpdateIntervalMillis(250).showSpeed()
        .setConsumer(new ConsoleProgressBarConsumer(System.err)).build();
  }

  private CsvReader open() throws IOException {
    try {
      return CsvReader.open(csv);
    } catch (IllegalArgumentException e) {
      throw usage("--csv: " + e.getMessage());
    }
  }

  private Task parseTask() {
    if (task == null) {
      return null;
    }
    try {
      return Task.valueOf(task.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw usage("--task must be binary, multiclass or regression but was '" + task + "'");
    }
  }

  private int hashBits() {
    String bits = params.get(Learners.HASH_BITS);
    try {
      return bits == null ? 0 : FeatureHasher.parseBits(bits);
    } catch (IllegalArgumentException e) {
      throw usage("--param: " + e.getMessage());
    }
  }

  private ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }
}
