package dev.eddy.cli.report;

import dev.eddy.schemas.DriftEvent;
import dev.eddy.schemas.DriftKind;
import dev.eddy.schemas.DriftLevel;
import dev.eddy.schemas.ModelSnapshot;
import dev.eddy.core.model.OutputRecords;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Quality over event time, one line per model key (the worst {@code N} keys when there are more):
 * accuracy (or MAE for regression) over a sliding window of each key's last labelled predictions, the
 * same prequential measure as the job's window metrics; with vertical markers at the true concept
 * changes (where known), the detected concept drifts and the model versions born after the first.
 */
final class QualityChart {
  static final String TRUTH = "#000000";
  static final String DRIFT = "#D55E00";
  static final String VERSION = "#009E73";
  /** Points drawn per line at most. */
  static final int POINTS = 400;
  static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);

  /** One key's line: event times and the windowed measure there. */
  record Line(String key, double[] time, double[] value, double overall) {}

  private QualityChart() {}

  /** The lines of the worst {@code worst} keys, worst first. */
  static List<Line> lines(ReportInput in, int worst) {
    Map<String, List<ReportInput.Scored>> byKey = new LinkedHashMap<>();
    for (ReportInput.Scored s : in.predictions()) {
      if (!Double.isNaN(s.error())) {
        byKey.computeIfAbsent(s.modelKey(), k -> new ArrayList<>()).add(s);
      }
    }
    List<Line> lines = new ArrayList<>();
    byKey.forEach((key, scored) -> lines.add(line(key, scored, in.regression())));
    Comparator<Line> worstFirst = Comparator.comparingDouble(Line::overall);
    lines.sort(in.regression() ? worstFirst.reversed() : worstFirst);
    return lines.subList(0, Math.min(worst, lines.size()));
  }

  /** The windowed measure over {@code scored} (in event-time order), sampled to at most {@link #POINTS} points. */
  static Line line(String key, List<ReportInput.Scored> scored, boolean regression) {
    List<ReportInput.Scored> sorted = new ArrayList<>(scored);
    sorted.sort(Comparator.comparingLong(ReportInput.Scored::eventTime));
    int n = sorted.size();
    int window = Math.max(20, Math.min(1000, n / 20));
    int step = Math.max(1, n / POINTS);
    List<double[]> points = new ArrayList<>();
    double sum = 0;
    double total = 0;
    for (int i = 0; i < n; i++) {
      double e = sorted.get(i).error();
      sum += e;
      total += e;
      if (i >= window) {
        sum -= sorted.get(i - window).error();
      }
      if ((i + 1) % step == 0 || i == n - 1) {
        double mean = sum / Math.min(i + 1, window);
        points.add(new double[] {sorted.get(i).eventTime(), regression ? mean : 1 - mean});
      }
    }
    double[] t = new double[points.size()];
    double[] v = new double[points.size()];
    for (int i = 0; i < t.length; i++) {
      t[i] = points.get(i)[0];
      v[i] = points.get(i)[1];
    }
    return new Line(key, t, v, regression ? total / n : 1 - total / n);
  }

  /** The chart of {@code lines} with the markers of their keys; {@code truth}: true change times. */
  static SvgChart draw(ReportInput in, List<Line> lines, List<Long> truth) {
    String measure = in.regression() ? "MAE" : "accuracy";
    SvgChart chart = new SvgChart("quality", "Prequential " + measure + " over event time", "event time (UTC)", measure);
    double from = Double.MAX_VALUE;
    double to = -Double.MAX_VALUE;
    double top = 0;
    for (Line l : lines) {
      from = Math.min(from, l.time()[0]);
      to = Math.max(to, l.time()[l.time().length - 1]);
      for (double v : l.value()) {
        top = Math.max(top, v);
      }
    }
    if (lines.isEmpty()) {
      return chart;
    }
    chart.xRange(from, to);
    if (in.regression()) {
      chart.yRange(0, top * 1.05, 5, "%.3g");
    } else {
      chart.yRange(0, 1, 5, "%.1f");
    }
    for (int i = 0; i <= 6; i++) {
      double t = from + (to - from) * i / 6;
      chart.xTick(t, TIME.format(Instant.ofEpochMilli((long) t)));
    }
    for (Line l : lines) {
      chart.line(l.key(), l.time(), l.value());
    }
    Set<String> keys = new java.util.HashSet<>();
    lines.forEach(l -> keys.add(l.key()));
    for (long t : truth) {
      chart.marker("truth", TRUTH, t, "true concept change at " + Instant.ofEpochMilli(t));
    }
    for (DriftEvent d : detectedDrifts(in, keys)) {
      chart.marker("drift", DRIFT, d.getTimestamp(), "drift detected on " + d.getModelKey() + " by " + d.getDetector()
          + " at example " + d.getPosition() + " (" + d.getAction() + ")");
    }
    for (ModelSnapshot m : newVersions(in, keys)) {
      chart.marker("version", VERSION, m.getTimestamp(), m.getModelKey() + " version " + m.getVersion() + ": " + m.getReason());
    }
    return chart;
  }

  /** The concept drifts (not warnings, not feature drifts) detected on {@code keys}. */
  static List<DriftEvent> detectedDrifts(ReportInput in, Set<String> keys) {
    return in.drifts().stream().filter(d -> d.getLevel() == DriftLevel.DRIFT && d.getKind() == DriftKind.CONCEPT
        && keys.contains(d.getModelKey())).toList();
  }

  /** The first snapshot of each version after the initial one, of {@code keys}. */
  static List<ModelSnapshot> newVersions(ReportInput in, Set<String> keys) {
    return in.models().stream().filter(m -> m.getVersion() > 1 && !OutputRecords.UPDATE.equals(m.getReason())
        && keys.contains(m.getModelKey())).toList();
  }
}
