package dev.eddy.cli.report;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import dev.eddy.schemas.DeadLetter;
import dev.eddy.schemas.ModelSnapshot;
import dev.eddy.core.model.OutputRecords;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The report of a job's output topics as one self-contained HTML file: the charts are SVG drawn here
 * ({@link SvgChart}), the styles and the small legend script are inline, so it opens without a network.
 * The markup lives in the Mustache template {@code report.html.mustache} (which escapes every value);
 * this class only prepares what it shows.
 */
public final class HtmlReport {
  private static final Mustache TEMPLATE =
      new DefaultMustacheFactory("dev/eddy/cli/report").compile("report.html.mustache");

  /**
   * What the report is about.
   *
   * @param title the page's title
   * @param source where the data came from (bootstrap, topics), shown under the title
   * @param worst how many model keys the quality chart draws at most (the worst ones)
   * @param truth the event times of the true concept changes, where known (else empty)
   */
  public record Options(String title, String source, int worst, List<Long> truth) {
    public Options {
      if (worst < 1) {
        throw new IllegalArgumentException("--worst must be >= 1, got " + worst);
      }
      truth = List.copyOf(truth);
    }
  }

  /** A row of the dead letters by reason. */
  public record ReasonRow(String reason, long count, String share) {}

  /** A row of the model versions table. */
  public record VersionRow(String modelKey, long version, String reason, long examples, String time, String metrics) {}

  /** The page's data, as the template reads it. */
  public record Page(String title, String source, String generated, long predictions, long labelled,
      String overall, String measure, long keys, long drifts, long versions, long deadLetters,
      List<SvgChart> charts, SvgChart quality, List<ReasonRow> reasons, List<VersionRow> versionRows,
      boolean hasReasons, boolean hasVersions) {}

  private final Page page;
  private final List<QualityChart.Line> lines;

  private HtmlReport(Page page, List<QualityChart.Line> lines) {
    this.page = page;
    this.lines = lines;
  }

  /** Prepares the report of {@code in}. */
  public static HtmlReport of(ReportInput in, Options o) {
    List<QualityChart.Line> lines = QualityChart.lines(in, o.worst());
    SvgChart quality = QualityChart.draw(in, lines, o.truth());
    double[] latency = in.predictions().stream().mapToDouble(ReportInput.Scored::latencyMs).toArray();
    double[] delay = in.predictions().stream().mapToDouble(ReportInput.Scored::labelDelayMs).toArray();
    List<SvgChart> charts = List.of(
        Distribution.draw("latency", "Prediction latency, event time to prediction", latency),
        Distribution.draw("label-delay", "Label delay, prediction to the label's arrival", delay));
    long labelled = in.predictions().stream().filter(s -> !Double.isNaN(s.error())).count();
    double errors = in.predictions().stream().mapToDouble(ReportInput.Scored::error).filter(e -> !Double.isNaN(e)).sum();
    double overall = labelled == 0 ? Double.NaN : in.regression() ? errors / labelled : 1 - errors / labelled;
    List<ReasonRow> reasons = reasons(in.deadLetters());
    List<VersionRow> versions = versions(in.models());
    long keys = in.predictions().stream().map(ReportInput.Scored::modelKey).distinct().count();
    long drifts = QualityChart.detectedDrifts(in, new java.util.HashSet<>(
        in.predictions().stream().map(ReportInput.Scored::modelKey).toList())).size();
    Page page = new Page(o.title(), o.source(), Instant.now().toString(), in.predictions().size(), labelled,
        String.format(Locale.ROOT, "%.4f", overall), in.regression() ? "MAE" : "accuracy", keys, drifts,
        versions.stream().filter(v -> v.version() > 1).count(), in.deadLetters().size(), charts, quality,
        reasons, versions, !reasons.isEmpty(), !versions.isEmpty());
    return new HtmlReport(page, lines);
  }

  /** The page's data (for tests and the PNG). */
  public Page page() {
    return page;
  }

  List<QualityChart.Line> lines() {
    return lines;
  }

  /** The HTML. */
  public String html() {
    StringWriter out = new StringWriter();
    TEMPLATE.execute(out, page);
    return out.toString();
  }

  /** Writes the HTML to {@code file}. */
  public void write(Path file) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      Files.createDirectories(parent);
      Files.writeString(file, html());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the report to " + file, e);
    }
  }

  /**
   * Dead letters by the kind of their reason: the reason's text with quoted values and numbers replaced
   * by placeholders, so that "feature 'x3' is not finite: NaN" and the same of 'x4' count together.
   */
  static List<ReasonRow> reasons(List<DeadLetter> deadLetters) {
    Map<String, Long> counts = new TreeMap<>();
    for (DeadLetter d : deadLetters) {
      counts.merge(kind(d.getReason()), 1L, Long::sum);
    }
    List<ReasonRow> rows = new ArrayList<>();
    counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).forEach(e ->
        rows.add(new ReasonRow(e.getKey(), e.getValue(),
            String.format(Locale.ROOT, "%.1f%%", 100.0 * e.getValue() / deadLetters.size()))));
    return rows;
  }

  static String kind(String reason) {
    String k = reason.replaceAll("'[^']*'", "'…'").replaceAll("-?\\b\\d+(\\.\\d+)?([eE]-?\\d+)?\\b|NaN|Infinity", "#");
    return k.length() > 120 ? k.substring(0, 119) + "…" : k;
  }

  /** Each model version: its first snapshot's reason and time, its last snapshot's examples and metrics. */
  static List<VersionRow> versions(List<ModelSnapshot> models) {
    Map<String, ModelSnapshot> first = new LinkedHashMap<>();
    Map<String, ModelSnapshot> last = new LinkedHashMap<>();
    for (ModelSnapshot m : models) {
      String id = m.getModelKey() + "\u0000" + m.getVersion();
      if (!first.containsKey(id) || OutputRecords.UPDATE.equals(first.get(id).getReason())
          && !OutputRecords.UPDATE.equals(m.getReason())) {
        first.put(id, m);
      }
      last.put(id, m);
    }
    List<VersionRow> rows = new ArrayList<>();
    first.forEach((id, f) -> {
      ModelSnapshot l = last.get(id);
      rows.add(new VersionRow(f.getModelKey(), f.getVersion(), f.getReason(), l.getExamples(),
          Instant.ofEpochMilli(f.getTimestamp()).toString(), metrics(l.getMetrics())));
    });
    return rows;
  }

  private static String metrics(Map<String, Double> metrics) {
    StringBuilder b = new StringBuilder();
    for (String name : List.of("accuracy", "kappa", "windowAccuracy", "mae", "rmse", "windowMae")) {
      Double v = metrics == null ? null : metrics.get(name);
      if (v != null && !v.isNaN()) {
        b.append(b.length() == 0 ? "" : ", ").append(name).append(String.format(Locale.ROOT, " %.4f", v));
      }
    }
    return b.toString();
  }
}
