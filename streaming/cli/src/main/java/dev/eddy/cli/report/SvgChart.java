package dev.eddy.cli.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A chart drawn as SVG on the server: its geometry in pixels, ready for the report's template (which
 * holds all the markup). Lines (one per series), vertical markers (drifts, model versions, true changes)
 * and bars share one coordinate system: the data ranges are fixed first ({@link #xRange}, {@link #yRange}),
 * then every element is placed. No script is needed to view it.
 */
public final class SvgChart {
  static final int WIDTH = 960;
  static final int HEIGHT = 320;
  static final int LEFT = 64;
  static final int RIGHT = 40;
  static final int TOP = 16;
  static final int BOTTOM = 40;
  /** Distinct colors for series (Okabe-Ito, readable by color-blind readers), reused in turn. */
  static final String[] PALETTE = {"#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"};

  /** A polyline and its legend entry. */
  public record Series(String name, String color, String points) {}

  /** A vertical line at one x, of a kind (CSS class {@code marker-KIND}), with a hover title. */
  public record Marker(String kind, String color, String x, String title) {}

  /** A bar of a bar chart. */
  public record Bar(String x, String y, String width, String height, String title) {}

  /** An axis tick: its position and label. */
  public record Tick(String at, String label) {}

  public final String id;
  public final String title;
  public final String xTitle;
  public final String yTitle;
  public final int width = WIDTH;
  public final int height = HEIGHT;
  public final int plotLeft = LEFT;
  public final int plotRight = WIDTH - RIGHT;
  public final int plotTop = TOP;
  public final int plotBottom = HEIGHT - BOTTOM;
  public final List<Series> series = new ArrayList<>();
  public final List<Marker> markers = new ArrayList<>();
  public final List<Bar> bars = new ArrayList<>();
  public final List<Tick> xTicks = new ArrayList<>();
  public final List<Tick> yTicks = new ArrayList<>();
  private double x0;
  private double x1 = 1;
  private double y0;
  private double y1 = 1;

  public SvgChart(String id, String title, String xTitle, String yTitle) {
    this.id = id;
    this.title = title;
    this.xTitle = xTitle;
    this.yTitle = yTitle;
  }

  /** The x data range (widened when empty); returns this. */
  public SvgChart xRange(double from, double to) {
    x0 = from;
    x1 = to > from ? to : from + 1;
    return this;
  }

  /** The y data range (widened when empty) with {@code ticks} labelled ticks; returns this. */
  public SvgChart yRange(double from, double to, int ticks, String format) {
    y0 = from;
    y1 = to > from ? to : from + 1;
    for (int i = 0; i <= ticks; i++) {
      double v = y0 + (y1 - y0) * i / ticks;
      yTicks.add(new Tick(fmt(yPixel(v)), String.format(Locale.ROOT, format, v)));
    }
    return this;
  }

  /** A labelled tick on the x axis at data value {@code x}. */
  public void xTick(double x, String label) {
    xTicks.add(new Tick(fmt(xPixel(x)), label));
  }

  /** A line through the points (x[i], y[i]); NaN values are skipped. */
  public void line(String name, double[] x, double[] y) {
    StringBuilder points = new StringBuilder();
    for (int i = 0; i < x.length; i++) {
      if (!Double.isNaN(y[i])) {
        points.append(points.length() == 0 ? "" : " ").append(fmt(xPixel(x[i]))).append(',').append(fmt(yPixel(y[i])));
      }
    }
    series.add(new Series(name, PALETTE[series.size() % PALETTE.length], points.toString()));
  }

  /** A vertical marker at data value {@code x}. */
  public void marker(String kind, String color, double x, String title) {
    markers.add(new Marker(kind, color, fmt(xPixel(x)), title));
  }

  /** A bar over [from, to) of height {@code value}. */
  public void bar(double from, double to, double value, String title) {
    double left = xPixel(from);
    double top = yPixel(value);
    bars.add(new Bar(fmt(left), fmt(top), fmt(Math.max(1, xPixel(to) - left - 1)), fmt(plotBottom - top), title));
  }

  private double xPixel(double x) {
    return plotLeft + (x - x0) / (x1 - x0) * (plotRight - plotLeft);
  }

  private double yPixel(double y) {
    return plotBottom - (y - y0) / (y1 - y0) * (plotBottom - plotTop);
  }

  private static String fmt(double pixels) {
    return String.format(Locale.ROOT, "%.1f", pixels);
  }

  /** The legend entry of a kind of marker. */
  public record MarkerKind(String color, String label) {}

  /** Labels of the marker kinds in the legend. */
  static final java.util.Map<String, String> KIND_LABELS =
      java.util.Map.of("truth", "true concept change", "drift", "drift detected", "version", "new model version");

  public int plotWidth() {
    return plotRight - plotLeft;
  }

  public int plotHeight() {
    return plotBottom - plotTop;
  }

  /** Whether the chart has a legend: lines or markers. */
  public boolean hasLegend() {
    return !series.isEmpty() || !markers.isEmpty();
  }

  /** One legend entry per kind of marker drawn, in the order first drawn. */
  public List<MarkerKind> markerKinds() {
    java.util.Map<String, MarkerKind> kinds = new java.util.LinkedHashMap<>();
    for (Marker m : markers) {
      kinds.putIfAbsent(m.kind(), new MarkerKind(m.color(), KIND_LABELS.getOrDefault(m.kind(), m.kind())));
    }
    return List.copyOf(kinds.values());
  }

  /** Whether the chart has anything to show. */
  public boolean hasData() {
    return !series.isEmpty() || !bars.isEmpty();
  }
}
