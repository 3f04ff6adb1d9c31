package dev.eddy.cli.tune;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.eddy.cli.KafkaOptions;
import dev.eddy.cli.TaskOption;
import dev.eddy.core.kafka.KafkaAccess;
import dev.eddy.core.kafka.KafkaConnection;
import dev.eddy.cli.plot.SeriesPlot;
import dev.eddy.drift.Detectors;
import dev.eddy.drift.retrain.RetrainConfig;
import dev.eddy.learners.Learners;
import dev.eddy.learners.Task;
import java.awt.Color;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
 * {@code bin/eddy tune}: Bayesian optimization of the learner, its hyperparameters and optionally
 * the drift detector and retraining policy over a replay of a CSV file ({@link Tuner}). Every trial
 * runs the job's own model step ({@link Replay}), so the best configuration scores in the job what it
 * scored here. Writes the table of trials, {@code --json}, {@code --spec-out} (a job spec for {@code
 * bin/eddy run}) and {@code --plot} (the best score against the number of evaluations).
 */
@Command(
    name = "tune",
    mixinStandardHelpOptions = true,
    description = {
      "Finds the learner and hyperparameters that score best on a CSV file, by Bayesian optimization.",
      "Each trial runs the job's own model step over the rows in order (as evaluate does): a Gaussian process",
      "(Matern 5/2) with expected improvement after a Sobol design; trials below the median at a quarter and at",
      "half of the stream stop early (successive halving). The search space is what the parameters declare",
      "(docs/parameters.md, the ranges in parentheses). Same --seed, same result."
    })
public final class TuneCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--csv", paramLabel = "FILE", description = "CSV file with a header row (or --topic).")
  Path csv;

  @Option(names = "--label-column", paramLabel = "NAME", description = "Column holding the label (with --csv).")
  String labelColumn;

  @Option(names = "--topic", paramLabel = "TOPIC",
      description = "Replay the labelled events of this Kafka topic on --bootstrap instead of a CSV: from the beginning to the end offsets found at start (or --max-events labelled events).")
  String topic;

  @Option(names = "--kafka-config", paramLabel = "FILE",
      description = "With --topic: a Kafka client properties file (security.protocol, sasl.*, ssl.*, ...), as Kafka's own tools take it.")
  Path kafkaConfig;

  @Option(names = "--format", defaultValue = "avro", paramLabel = "FORMAT",
      description = "With --topic: the events' encoding, avro (default) or json.")
  String format;

  @Option(names = "--parallel", defaultValue = "1", paramLabel = "P",
      description = "Trials run P at a time on P threads (default: ${DEFAULT-VALUE}); the same --seed and --parallel give the same result.")
  int parallel;

  @Option(names = "--task", paramLabel = "TASK",
      description = "binary, multiclass or regression (default: binary for 0/1 or -1/+1 labels, else multiclass).")
  String task;

  @Option(names = "--learners", defaultValue = "all", split = ",", paramLabel = "TYPE",
      description = "Candidate learners, comma-separated, or all (every pure-Java learner of the task; default).")
  List<String> learners;

  @Option(names = "--drift", split = ",", paramLabel = "TYPE",
      description = "Candidate concept-drift detectors, comma-separated (none: no detector); default: no detector.")
  List<String> detectors = new ArrayList<>();

  @Option(names = "--retrain", split = ",", paramLabel = "POLICY",
      description = "Candidate retraining policies with --drift (default: background).")
  List<String> policies = new ArrayList<>();

  @Option(names = "--budget", defaultValue = "30", paramLabel = "N", description = "Trials (default: ${DEFAULT-VALUE}).")
  int budget;

  @Option(names = "--objective", paramLabel = "METRIC",
      description = "accuracy, kappa, log-loss, mae or rmse (default: accuracy, rmse for regression).")
  String objective;

  @Option(names = "--search", defaultValue = "bo", paramLabel = "HOW",
      description = "bo (default) or random: uniform random points with the same budget and early stopping, the baseline.")
  String search;

  @Option(names = "--delay", defaultValue = "0", paramLabel = "N", description = "Labels arrive N rows after their row, as in evaluate.")
  int delay;

  @Option(names = "--max-events", defaultValue = "" + Long.MAX_VALUE, paramLabel = "N", description = "Use at most the first N rows.")
  long maxEvents;

  @Option(names = "--window", defaultValue = "1000", paramLabel = "N", description = "Rows per window of the windowed metrics.")
  int window;

  @Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "Seed of the search (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--json", paramLabel = "FILE", description = "Also write the trials and the best configuration as JSON.")
  Path json;

  @Option(names = "--spec-out", paramLabel = "FILE", description = "Write the best configuration as a job spec for bin/eddy run.")
  Path specOut;

  @Option(names = "--bootstrap", defaultValue = "127.0.0.1:9092", paramLabel = "HOST:PORT",
      description = "Kafka bootstrap servers: where --topic is read, and written into --spec-out (default: ${DEFAULT-VALUE}).")
  String bootstrap;

  @Option(names = "--name", defaultValue = "tuned", paramLabel = "NAME", description = "Job name written into --spec-out.")
  String name;

  @Option(names = "--plot", paramLabel = "FILE", description = "Write a PNG of the best score against the evaluations.")
  Path plot;

  @Option(names = "--no-progress", description = "Do not show the progress bar.")
  boolean noProgress;

  @Override
  public Integer call() throws IOException {
    if (budget < 1) {
      throw usage("--budget must be >= 1 but was " + budget);
    }
    if (delay < 0 || window < 1 || maxEvents < 1) {
      throw usage("--delay must be >= 0, --window and --max-events >= 1");
    }
    if (!search.equals("bo") && !search.equals("random")) {
      throw usage("--search must be bo or random but was '" + search + "'");
    }
    if (parallel < 1) {
      throw usage("--parallel must be >= 1 but was " + parallel);
    }
    Replay replay = topic == null ? csvReplay() : topicReplay();
    Task t = replay.task();
    Objective goal = objective(t);
    SearchSpace space;
    try {
      space = new SearchSpace(candidates(t), t, detectors(t), policies());
    } catch (IllegalArgumentException e) {
      throw usage("--learners: " + e.getMessage());
    }
    Tuner tuner = new Tuner(space, trials(replay, goal), goal, seed, search.equals("random"));
    List<Tuner.Trial> trials;
    try (ProgressBar progress = noProgress ? null : new ProgressBarBuilder().setTaskName("tune").setInitialMax(budget)
        .setUnit(" trials", 1).setConsumer(new ConsoleProgressBarConsumer(System.err)).build()) {
      trials = tuner.run(budget, parallel, () -> {
        if (progress != null) {
          progress.step();
        }
      });
    }
    Tuner.Trial best = Tuner.best(trials, goal);
    report(trials, best, goal, replay);
    if (json != null) {
      TuneOutput.writeJson(json, trials, best, goal, seed, search, replay.size(), space);
    }
    if (specOut != null && best != null) {
      try {
        TuneOutput.writeSpec(specOut, best.config(), replay, name, bootstrap);
      } catch (IllegalArgumentException e) {
        throw usage("--spec-out: " + e.getMessage());
      }
    }
    if (plot != null) {
      double[] curve = Tuner.bestSoFar(trials, goal);
      new SeriesPlot("best " + goal.option + " after each evaluation", "evaluations", goal.option)
          .line("best so far", curve, new Color(0x1f77b4), 2f).writePng(plot);
    }
    return best == null ? 1 : 0;
  }

  private Replay csvReplay() throws IOException {
    if (csv == null || labelColumn == null) {
      throw usage("give --csv FILE --label-column NAME, or --topic TOPIC (with --bootstrap)");
    }
    if (!Files.isRegularFile(csv)) {
      throw usage("--csv: no such file: " + csv);
    }
    try {
      return Replay.load(csv, labelColumn, TaskOption.parse(spec, task), maxEvents, window, delay);
    } catch (IllegalArgumentException e) {
      throw usage("--csv: " + e.getMessage());
    }
  }

  private Replay topicReplay() throws IOException {
    if (csv != null || labelColumn != null) {
      throw usage("--topic replays the events' own labels: give --csv and --label-column, or --topic, not both");
    }
    if (!format.equals("avro") && !format.equals("json")) {
      throw usage("--format must be avro or json but was '" + format + "'");
    }
    KafkaConnection connection;
    try {
      connection = new KafkaConnection(bootstrap, kafkaConfig == null ? Map.of() : KafkaOptions.read(kafkaConfig, "--kafka-config"));
      KafkaAccess.check(connection);
    } catch (IllegalArgumentException e) {
      throw usage("--bootstrap/--kafka-config: " + e.getMessage());
    }
    try {
      KafkaReplay.Read read = KafkaReplay.read(connection, topic, format, TaskOption.parse(spec, task), maxEvents, window, delay);
      spec.commandLine().getErr().printf(Locale.ROOT, "read %d records of %s: %d labelled events replayed, %d without a label, %d that did not decode%n",
          read.records(), topic, read.replay().size(), read.unlabelled(), read.undecodable());
      return read.replay();
    } catch (IllegalArgumentException e) {
      throw usage("--topic: " + e.getMessage());
    }
  }

  private void report(List<Tuner.Trial> trials, Tuner.Trial best, Objective goal, Replay replay) {
    PrintWriter out = spec.commandLine().getOut();
    out.printf(Locale.ROOT, "%d trials on %d rows (%s search, seed %d), objective %s%n", trials.size(), replay.size(),
        search, seed, goal.option);
    out.printf(Locale.ROOT, "%4s  %-10s  %-8s  %s%n", "#", goal.option, "rows", "configuration");
    for (Tuner.Trial t : trials) {
      out.printf(Locale.ROOT, "%4d  %-10.6f  %-8s  %s%n", t.number(), t.score(),
          t.stopped() ? t.rows() + " (stopped)" : Integer.toString(t.rows()), t.config().describe());
    }
    out.println(best == null ? "no trial finished with a finite score"
        : String.format(Locale.ROOT, "best: #%d %s = %.6f: %s", best.number(), goal.option, best.score(),
            best.config().describe()));
    out.flush();
  }

  private static Tuner.Trials trials(Replay replay, Objective goal) {
    return new Tuner.Trials() {
      @Override
      public Tuner.Stepper start(SearchSpace.Config config) {
        Replay.Run run = replay.start(config);
        return new Tuner.Stepper() {
          @Override
          public void advanceTo(int end) {
            run.advanceTo(end);
          }

          @Override
          public double score() {
            return goal.value(run.metrics());
          }
        };
      }

      @Override
      public int length() {
        return replay.size();
      }
    };
  }

  private List<String> candidates(Task t) {
    List<String> out = new ArrayList<>();
    if (learners.size() == 1 && learners.get(0).equals("all")) {
      for (String type : Learners.types()) {
        if (!type.startsWith("tf-") && Learners.tasks(type).contains(t)) {
          out.add(type);
        }
      }
      return out;
    }
    for (String type : learners) {
      if (!Learners.types().contains(type)) {
        throw usage("--learners: unknown learner type '" + type + "'; known: " + Learners.types());
      }
      if (!Learners.tasks(type).contains(t)) {
        throw usage("--learners: " + type + " does not support task " + t);
      }
      out.add(type);
    }
    return out;
  }

  private List<String> detectors(Task t) {
    for (String d : detectors) {
      if (!d.equals("none")) {
        try {
          Detectors.parameters(d);
        } catch (IllegalArgumentException e) {
          throw usage("--drift: " + e.getMessage());
        }
        if (t == Task.REGRESSION && Detectors.isBinary(d)) {
          throw usage("--drift: " + d + " takes only 0/1 errors; a regression's errors are real");
        }
      }
    }
    if (!policies.isEmpty() && detectors.isEmpty()) {
      throw usage("--retrain needs --drift");
    }
    return detectors;
  }

  private List<String> policies() {
    for (String p : policies) {
      if (!RetrainConfig.POLICIES.contains(p)) {
        throw usage("--retrain: unknown retraining policy '" + p + "'; known: " + RetrainConfig.POLICIES);
      }
    }
    return policies;
  }

  private Objective objective(Task t) {
    if (objective == null) {
      return t == Task.REGRESSION ? Objective.RMSE : Objective.ACCURACY;
    }
    try {
      return Objective.of(objective);
    } catch (IllegalArgumentException e) {
      throw usage("--objective " + e.getMessage());
    }
  }

  private ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }
}
