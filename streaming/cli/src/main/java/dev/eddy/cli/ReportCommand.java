package dev.eddy.cli;

import dev.eddy.cli.report.HtmlReport;
import dev.eddy.cli.report.ReportInput;
import dev.eddy.cli.report.Reports;
import dev.eddy.core.spec.JobSpec;
import dev.eddy.core.spec.JobSpecReader;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code bin/eddy report}: one self-contained HTML page drawn from a job's output topics. */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description = {
      "Writes a self-contained HTML report of a job's output topics (read_committed).",
      "Quality over event time per model key (the worst --worst keys) with detected drifts, model versions",
      "and, where known, the true concept changes; prediction latency and label delay distributions; dead",
      "letters by reason; the model versions with their reason and metrics. It opens without a network."
    })
public final class ReportCommand implements Callable<Integer> {
  @Mixin KafkaOptions kafka = new KafkaOptions();

  @Option(names = "--spec", description = "The job's spec: its topic names (default: the roles' names, predictions, drift, ...).")
  Path spec;

  @Option(names = "--model-key", paramLabel = "K", description = "Only this model key.")
  String modelKey;

  @Option(names = "--from", paramLabel = "T", description = "Only records from event time T (ISO-8601 instant, e.g. 2026-11-30T10:00:00Z, or epoch ms).")
  String from;

  @Option(names = "--to", paramLabel = "T", description = "Only records up to event time T (as --from).")
  String to;

  @Option(names = "--worst", defaultValue = "5", paramLabel = "N", description = "Draw the N model keys of lowest accuracy (highest MAE) (default: ${DEFAULT-VALUE}).")
  int worst;

  @Option(names = "--true-drift", paramLabel = "T", split = ",", description = "Event times of known true concept changes (as --from), drawn as markers.")
  List<String> truth = new ArrayList<>();

  @Option(names = "--out", required = true, paramLabel = "FILE", description = "The HTML file to write.")
  Path out;

  @Option(names = "--png", paramLabel = "FILE", description = "Also write the quality chart as a PNG image.")
  Path png;

  @Override
  public Integer call() throws Exception {
    JobSpec.Topics topics = spec == null ? Reports.DEFAULT_TOPICS : JobSpecReader.read(spec).kafka().topics();
    ReportInput.Filter filter = new ReportInput.Filter(modelKey, time("--from", from), time("--to", to));
    List<Long> truthTimes = new ArrayList<>();
    for (String t : truth) {
      truthTimes.add(time("--true-drift", t));
    }
    HtmlReport.Options options = new HtmlReport.Options("Eddy report: " + topics.predictions(),
        kafka.bootstrap + " · topics " + topics.predictions() + ", " + topics.drift() + ", " + topics.models() + ", "
            + topics.deadLetter() + ", " + topics.labels(), worst, truthTimes);
    System.out.println("Reading " + topics.predictions() + ", " + topics.drift() + ", " + topics.models() + " and "
        + topics.deadLetter() + " from " + kafka.bootstrap + " ...");
    HtmlReport report = Reports.write(kafka.connection(), topics, filter, options, out, png);
    System.out.printf("Report of %d predictions written to %s%s%n", report.page().predictions(), out,
        png == null ? "" : " (chart: " + png + ")");
    return 0;
  }

  /** An ISO-8601 instant or epoch milliseconds; IllegalArgumentException naming the option. */
  static Long time(String option, String value) {
    if (value == null) {
      return null;
    }
    try {
      return value.chars().allMatch(Character::isDigit) ? Long.parseLong(value) : Instant.parse(value).toEpochMilli();
    } catch (DateTimeParseException | NumberFormatException e) {
      throw new IllegalArgumentException(option + ": '" + value + "' is neither an ISO-8601 instant (2026-11-30T10:00:00Z) nor epoch ms");
    }
  }
}
