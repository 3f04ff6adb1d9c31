package dev.eddy.cli.report;

import dev.eddy.cli.plot.SeriesPlot;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The report's main chart (quality over event time with its markers) as a PNG, drawn with the same
 * {@link SeriesPlot} as the other plots of {@code bin/eddy}; time in seconds from the first point.
 */
final class ReportPng {
  private ReportPng() {}

  static void write(HtmlReport report, ReportInput in, List<Long> truth, Path file) throws IOException {
    List<QualityChart.Line> lines = report.lines();
    double start = lines.stream().mapToDouble(l -> l.time()[0]).min().orElse(0);
    String measure = in.regression() ? "MAE" : "accuracy";
    SeriesPlot plot = new SeriesPlot("Prequential " + measure + " over event time", "event time (s from the first)", measure);
    int i = 0;
    for (QualityChart.Line l : lines) {
      double[] t = new double[l.time().length];
      for (int k = 0; k < t.length; k++) {
        t[k] = (l.time()[k] - start) / 1000;
      }
      plot.line(l.key(), t, l.value(), Color.decode(SvgChart.PALETTE[i++ % SvgChart.PALETTE.length]), 1.6f);
    }
    java.util.Set<String> keys = new java.util.HashSet<>();
    lines.forEach(l -> keys.add(l.key()));
    plot.markers("true concept change", seconds(truth, start), Color.decode(QualityChart.TRUTH), 1.6f);
    plot.markers("drift detected", seconds(QualityChart.detectedDrifts(in, keys).stream()
        .map(d -> d.getTimestamp()).toList(), start), Color.decode(QualityChart.DRIFT), 1.2f);
    plot.markers("new model version", seconds(QualityChart.newVersions(in, keys).stream()
        .map(m -> m.getTimestamp()).toList(), start), Color.decode(QualityChart.VERSION), 1.2f);
    plot.writePng(file);
  }

  private static List<Double> seconds(List<Long> times, double start) {
    List<Double> s = new ArrayList<>();
    times.forEach(t -> s.add((t - start) / 1000));
    return s;
  }
}
