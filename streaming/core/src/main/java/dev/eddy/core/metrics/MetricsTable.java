package dev.eddy.core.metrics;

/**
 * README's metrics table, rendered from {@link EddyMetric} (a test keeps README equal to it, as
 * {@code docs/parameters.md} is kept equal to the parameter declarations).
 */
public final class MetricsTable {
  /** The markers README's table sits between. */
  public static final String BEGIN = "<!-- metrics-table:begin (generated from EddyMetric; see MetricsTableTest) -->";
  public static final String END = "<!-- metrics-table:end -->";

  private MetricsTable() {}

  /** The table in Markdown, one row per metric, markers included. */
  public static String markdown() {
    StringBuilder b = new StringBuilder(BEGIN).append('\n')
        .append("| Flink metric | Prometheus name | kind | unit | label | meaning |\n")
        .append("|---|---|---|---|---|---|\n");
    for (EddyMetric m : EddyMetric.values()) {
      b.append("| `").append(m.metricName()).append("` | `").append(m.prometheusName()).append("` | ")
          .append(m.kind().name().toLowerCase(java.util.Locale.ROOT)).append(" | ").append(m.unit()).append(" | ")
          .append(m.perKey() ? "`" + EddyMetric.MODEL_KEY + "`, " : "")
          .append(m.label() == null ? "" : "`" + m.label() + "`: " + String.join(", ", m.labelValues()))
          .append(" | ").append(m.description()).append(" |\n");
    }
    return b.append(END).append('\n').toString();
  }

  /** {@code text} with the part between the markers (inclusive) replaced by the current table. */
  public static String replaceIn(String text) {
    int begin = text.indexOf(BEGIN);
    int end = text.indexOf(END);
    if (begin < 0 || end < begin) {
      throw new IllegalArgumentException("the text has no metrics table markers (" + BEGIN + " ... " + END + ")");
    }
    int after = text.indexOf('\n', end);
    return text.substring(0, begin) + markdown() + (after < 0 ? "" : text.substring(after + 1));
  }
}
