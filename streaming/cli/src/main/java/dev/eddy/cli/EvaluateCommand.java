package dev.eddy.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.eddy.cli.csv.CsvColumns;
import dev.eddy.cli.csv.CsvReader;
import dev.eddy.cli.csv.CsvRow;
import dev.eddy.core.guard.GuardConfig;
import dev.eddy.core.guard.GuardRule;
import dev.eddy.core.model.ModelConfig;
import dev.eddy.core.model.ModelState;
import dev.eddy.core.spec.GuardSpecReader;
import dev.eddy.core.spec.JobSpec;
import dev.eddy.learners.Learners;
import dev.eddy.learners.Task;
import dev.eddy.learners.eval.EvaluationReport;
import dev.eddy.learners.eval.LabelEncoder;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
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
 * file in row order — the tool for choosing a learner before deploying it. Each row goes through the
 * job's own model step ({@link ModelState}: standardize, predict, then learn, with the same drift
 * detection and retraining), so what evaluate reports is what the job would do; this command only
 * reads the file, shows progress and writes the result ({@link EvaluationRun}).
 *
 * <p>Usage errors (missing file or column, unknown learner, bad parameter) print the problem naming
 * the option and exit 2. Malformed rows are skipped, counted and reported with their line numbers.
 */
@Command(
    name = "evaluate",
    mixinStandardHelpOptions = true,
    description = {
      "Evaluates a learner prequentially (test-then-train) over a CSV file, in row order.",
      "Each row goes through the job's own model step: predicted, scored, then learned. Prints the final metrics; --json writes",
      "learner, hyperparameters, task, instances, skipped, seconds, instancesPerSecond, every",
      "metric by name (accuracy as a fraction, kappa, logLoss, precision, recall, f1 for binary;",
      "accuracy, kappa, logLoss, macroF1 for multiclass; mae, rmse, r2 for regression; window*",
      "over the last --window rows; the job's models topic carries the same), window and accuracyPerWindow",
      "(rmsePerWindow for regression: the metric of each consecutive block of --window rows).",
      "Every column but the label is a feature: numbers (standardized by default), or, with",
      "--param hash-bits=B, also categories (hashed one-hot). A column is numeric when each of",
      "its cells, in the whole file, is a number or missing (empty, NA, NaN, null, ?); a row",
      "with a missing number is skipped."
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

  @Option(names = "--delay", defaultValue = "0", paramLabel = "N",
      description = "Each row's label arrives N rows after the row (default: ${DEFAULT-VALUE}, with the row): the row is predicted when read and learned from when row i+N is read, as the job does with labels that come later on the labels topic; labels still pending at the end are learned then.")
  int delay;

  @Option(names = "--predictions", paramLabel = "FILE",
      description = "Also write each example's prediction here as CSV: example (0-based), score, predictedLabel, modelVersion.")
  Path predictionsFile;

  @Option(names = "--guard", paramLabel = "KEY=VALUE",
      description = "A rule of the poisoning guard, as under guard: in a job spec, repeatable: max-z, max-step, max-learn-rate, max-label-age (README \"Security\"). Refusals are printed.")
  Map<String, String> guard = new LinkedHashMap<>();

  @Option(names = "--rows-per-second", defaultValue = "1000", paramLabel = "R",
      description = "Record time of the rows for the guard's max-learn-rate and max-label-age: row i at i/R seconds (default: ${DEFAULT-VALUE}, the demo's stream).")
  double rowsPerSecond;

  @Option(names = "--poison", paramLabel = "flips=F,outliers=O[,burst-at=A,burst-seconds=S,seed=N]",
      description = "Binary task only: inject an attacker's records (F x rows label flips in a burst, O x rows extreme records) and print the accuracy of the file's own rows against their true labels (README \"Security\").")
  String poison;

  @Option(names = "--no-progress", description = "Do not show the progress bar.")
  boolean noProgress;

  @Option(names = "--candidate", paramLabel = "TYPE[,NAME=VALUE...]",
      description = "A learner that races against --learner, repeatable (learner.candidates of a job spec): every one learns from every row, the best windowed score serves.")
  List<String> candidates = new ArrayList<>();

  @Option(names = "--selection-window", defaultValue = "1000", paramLabel = "N",
      description = "With --candidate: labelled rows in each candidate's score (default: ${DEFAULT-VALUE}).")
  int selectionWindow;

  @Option(names = "--selection-margin", defaultValue = "0.01", paramLabel = "M",
      description = "With --candidate: how much lower a candidate's windowed loss must be to take over (default: ${DEFAULT-VALUE}).")
  double selectionMargin;

  @Override
  public Integer call() throws IOException {
    long start = System.nanoTime();
    if (window < 1) {
      throw usage("--window must be >= 1 but was " + window);
    }
    if (delay < 0) {
      throw usage("--delay must be >= 0 but was " + delay);
    }
    Task requested = TaskOption.parse(spec, task);
    if (!Files.isRegularFile(csv)) {
      throw usage("--csv: no such file: " + csv);
    }
    if (!Learners.types().contains(learner)) {
      throw usage("--learner: unknown learner type '" + learner + "'; known: " + Learners.types());
    }
    Scan scan = scan(requested);
    ModelState model;
    try {
      model = modelConfig(scan).freshModel();
    } catch (IllegalArgumentException e) {
      throw usage((candidates.isEmpty() ? "--param: " : "--param or --candidate: ") + e.getMessage());
    }
    List<String> badRows = new ArrayList<>();
    EvaluationRun evaluation;
    long skipped;
    try (PrintWriter predictions = predictionsFile == null ? null
        : new PrintWriter(Files.newBufferedWriter(predictionsFile))) {
      evaluation = new EvaluationRun(model, window, drift, predictions, delay).guarded(guardConfig(model), rowsPerSecond);
      Poisoning attack = poisoning(scan);
      skipped = run(evaluation, scan, badRows, attack);
      if (attack != null) {
        spec.commandLine().getOut().print(attack.summary());
      }
      evaluation.finish();
    }
    EvaluationReport report = evaluation.report((System.nanoTime() - start) / 1e9, skipped);
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    badRows.forEach(row -> err.println("skipped " + row));
    if (skipped > badRows.size()) {
      err.println("skipped " + (skipped - badRows.size()) + " more malformed rows");
    }
    out.print(report.toText());
    drift.results().forEach((name, value) -> out.println(name + ": " + value));
    if (!guard.isEmpty()) {
      for (GuardRule rule : GuardRule.values()) {
        out.println("guard " + rule.label() + " refused: " + evaluation.guard().refused(rule));
      }
      out.println("guard max-step clipped: " + evaluation.guard().clipped());
    }
    out.flush();
    if (json != null) {
      Map<String, Object> result = new java.util.LinkedHashMap<>(report.toMap());
      result.putAll(drift.results());
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(json.toFile(), result);
    }
    return 0;
  }

  /** The guard of the {@code --guard} options, checked as the spec's {@code guard:} section. */
  private GuardConfig guardConfig(ModelState model) {
    if (!(rowsPerSecond > 0) || Double.isInfinite(rowsPerSecond)) {
      throw usage("--rows-per-second must be > 0 but was " + rowsPerSecond);
    }
    try {
      return GuardSpecReader.read(guard, standardize, new JobSpec.Learner(learner, model.config().learnerParams()),
          model.config().dimension(), model.config().task());
    } catch (IllegalArgumentException e) {
      throw usage("--guard: " + e.getMessage());
    }
  }

  /** The model the job would run for this file's columns and these options. */
  private ModelConfig modelConfig(Scan scan) {
    JobSpec.Drift driftSpec;
    try {
      driftSpec = drift.drift(scan.labels.task());
    } catch (IllegalArgumentException e) {
      throw usage(e.getMessage());
    }
    JobSpec.Selection selection;
    try {
      selection = CandidateOption.selection(candidates, selectionWindow, selectionMargin);
    } catch (IllegalArgumentException e) {
      throw usage(e.getMessage());
    }
    for (JobSpec.Learner c : selection.candidates()) {
      if (!Learners.types().contains(c.type())) {
        throw usage("--candidate: unknown learner type '" + c.type() + "'; known: " + Learners.types());
      }
    }
    try {
      Task task = scan.labels.task();
      return new ModelConfig(learner, params, scan.columns.numeric(), scan.columns.categorical(), task,
          task == Task.MULTICLASS ? scan.labels.classes() : List.of(), standardize, driftSpec, window, selection);
    } catch (IllegalArgumentException e) {
      throw usage("--csv: " + e.getMessage());
    }
  }

  /** The header, the label column and its labels, and the row count: a first, label-only pass. */
  private record Scan(int labelIndex, CsvColumns columns, LabelEncoder labels, long rows) {}

  private Scan scan(Task requested) throws IOException {
    try (CsvReader reader = open()) {
      int labelIndex = reader.column(labelColumn);
      if (labelIndex < 0) {
        throw usage("--label-column: '" + labelColumn + "' is not a column of " + csv
            + "; columns: " + reader.header());
      }
      Set<String> distinct = new LinkedHashSet<>();
      CsvColumns columns;
      try {
        columns = new CsvColumns(reader.header(), labelIndex);
      } catch (IllegalArgumentException e) {
        throw usage("--csv: " + e.getMessage());
      }
      long rows = 0;
      for (CsvRow row; (row = reader.next()) != null; rows++) {
        if (!row.isMalformed()) {
          columns.observe(row.cells());
          if (requested != Task.REGRESSION) {
            distinct.add(row.cell(labelIndex).trim());
          }
        }
      }
      if (requested == null && distinct.size() > MAX_AUTO_CLASSES) {
        throw usage("--label-column " + labelColumn + " has " + distinct.size()
            + " distinct labels; for a numeric target give --task regression");
      }
      try {
        return new Scan(labelIndex, columns, LabelEncoder.forLabels(requested, distinct), rows);
      } catch (IllegalArgumentException e) {
        throw usage("--label-column " + labelColumn + ": " + e.getMessage());
      }
    }
  }

  private Poisoning poisoning(Scan scan) {
    if (poison == null) {
      return null;
    }
    if (scan.labels.task() != Task.BINARY) {
      throw usage("--poison: needs a binary task, got " + scan.labels.task());
    }
    try {
      return Poisoning.parse(poison, scan.rows, rowsPerSecond);
    } catch (IllegalArgumentException e) {
      throw usage("--poison: " + e.getMessage());
    }
  }

  private long run(EvaluationRun evaluation, Scan scan, List<String> badRows, Poisoning attack) throws IOException {
    long skipped = 0;
    double[] numbers = new double[scan.columns.numeric().size()];
    String[] categories = new String[scan.columns.categorical().size()];
    try (CsvReader reader = open(); ProgressBar progress = progressBar(scan.rows)) {
      long sinceStep = 0;
      for (CsvRow row; (row = reader.next()) != null; ) {
        String problem = row.problem();
        if (problem == null) {
          try {
            double label = scan.labels.encode(row.cell(scan.labelIndex));
            scan.columns.split(row.cells(), numbers, categories);
            if (attack == null) {
              evaluation.step(numbers, categories, label);
            } else {
              attack.step(evaluation, numbers, categories, label);
            }
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

  private ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }
}
