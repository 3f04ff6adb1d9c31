package dev.eddy.cli.report;

import java.util.Arrays;
import java.util.Locale;

/**
 * A histogram of durations in milliseconds as a bar chart: 20 equal bins from 0 to the 99th percentile, the
 * values above it in a last bin, with the median and the 99th percentile in the title; shown in the unit
 * (ms, s, min, h, d) in which the 99th percentile is under 10 000, else days.
 */
final class Distribution {
  static final int BINS = 20;

  private Distribution() {}

  /** Units and their length in ms, smallest first. */
  private static final String[] UNITS = {"ms", "s", "min", "h", "d"};
  private static final double[] UNIT_MS = {1, 1e3, 6e4, 3.6e6, 8.64e7};

  /** The chart of {@code millis} (NaN skipped); no bars when there are none. */
  static SvgChart draw(String id, String title, double[] millis) {
    double[] ms = Arrays.stream(millis).filter(d -> !Double.isNaN(d)).sorted().toArray();
    if (ms.length == 0) {
      return new SvgChart(id, title, "ms", "count");
    }
    int u = 0;
    while (u < UNITS.length - 1 && quantile(ms, 0.99) >= 10_000 * UNIT_MS[u]) {
      u++;
    }
    String unit = UNITS[u];
    double scale = UNIT_MS[u];
    double[] v = Arrays.stream(ms).map(d -> d / scale).toArray();
    double p50 = quantile(v, 0.5);
    double p99 = quantile(v, 0.99);
    SvgChart chart = new SvgChart(id, String.format(Locale.ROOT, "%s (n = %d, median %.4g %s, p99 %.4g %s)",
        title, v.length, p50, unit, p99, unit), unit, "count");
    double width = Math.max(p99, 1) / BINS;
    long[] counts = new long[BINS + 1];
    for (double d : v) {
      counts[Math.min(BINS, (int) (d / width))]++;
    }
    long most = Arrays.stream(counts).max().orElse(1);
    chart.xRange(0, width * (BINS + 1));
    chart.yRange(0, most, 4, "%.0f");
    for (int b = 0; b <= BINS; b++) {
      if (counts[b] > 0) {
        String range = b == BINS ? String.format(Locale.ROOT, "%.4g %s and over", width * BINS, unit)
            : String.format(Locale.ROOT, "%.4g-%.4g %s", width * b, width * (b + 1), unit);
        chart.bar(width * b, width * (b + 1), counts[b], range + ": " + counts[b]);
      }
    }
    for (int b = 0; b <= BINS; b += 5) {
      chart.xTick(width * b, String.format(Locale.ROOT, "%.4g", width * b));
    }
    return chart;
  }

  /** The q-quantile of sorted values (nearest rank). */
  static double quantile(double[] sorted, double q) {
    int rank = Math.max(1, (int) Math.ceil(q * sorted.length));
    return sorted[rank - 1];
  }
}
