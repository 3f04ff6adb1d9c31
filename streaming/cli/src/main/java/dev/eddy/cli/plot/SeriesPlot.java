package dev.eddy.cli.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.BitmapEncoder.BitmapFormat;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler.LegendPosition;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A PNG line chart of one or more series over a position axis, with vertical markers at given
 * positions (detected drifts, warnings, true change points), each kind in its own color and
 * legend entry. Layers are drawn in the order they are added, so add markers that must stay
 * visible last. Drawn headless with XChart; used by {@code bin/eddy drift --plot} and reusable by
 * reports (e.g. prequential accuracy over time with drift markers).
 *
 * <p>Series longer than {@value #MAX_POINTS} points are thinned to every k-th point (the chart is
 * a few thousand pixels wide at most); markers are drawn from the lowest to the highest plotted
 * value. Not thread-safe; build, then {@link #writePng} once.
 */
public final class SeriesPlot {
  /** Most points drawn per series. */
  public static final int MAX_POINTS = 8000;

  static {
    System.setProperty("java.awt.headless", "true");
  }

  /** A polyline (markers are vertical segments separated by NaN gaps). */
  private record Layer(String name, double[] x, double[] y, Color color, float width, boolean marker) {}

  private final String title;
  private final String xTitle;
  private final String yTitle;
  private final List<Layer> layers = new ArrayList<>();
  private int width = 1200;
  private int height = 500;

  /** An empty chart with a title and axis titles. */
  public SeriesPlot(String title, String xTitle, String yTitle) {
    this.title = title;
    this.xTitle = xTitle;
    this.yTitle = yTitle;
  }

  /** The picture's size in pixels (default 1200 x 500). */
  public SeriesPlot size(int width, int height) {
    if (width < 100 || height < 100) {
      throw new IllegalArgumentException("plot size must be at least 100 x 100 but was " + width + " x " + height);
    }
    this.width = width;
    this.height = height;
    return this;
  }

  /** A line of {@code y} over positions 0, 1, 2, ... */
  public SeriesPlot line(String name, double[] y, Color color, float width) {
    double[] x = new double[y.length];
    for (int i = 0; i < x.length; i++) {
      x[i] = i;
    }
    return line(name, x, y, color, width);
  }

  /** A line through (x[i], y[i]); NaN values leave gaps. */
  public SeriesPlot line(String name, double[] x, double[] y, Color color, float width) {
    if (x.length != y.length) {
      throw new IllegalArgumentException(name + ": " + x.length + " x values but " + y.length + " y values");
    }
    int step = Math.max(1, (x.length + MAX_POINTS - 1) / MAX_POINTS);
    int n = (x.length + step - 1) / step;
    double[] tx = new double[n];
    double[] ty = new double[n];
    for (int i = 0; i < n; i++) {
      tx[i] = x[i * step];
      ty[i] = y[i * step];
    }
    layers.add(new Layer(name, tx, ty, color, width, false));
    return this;
  }

  /**
   * Vertical lines of the given width at {@code positions} (x values), spanning the plotted
   * values, under one legend entry; nothing when empty.
   */
  public SeriesPlot markers(String name, double[] positions, Color color, float width) {
    if (positions.length > 0) {
      layers.add(new Layer(name, positions.clone(), null, color, width, true));
    }
    return this;
  }

  /** {@link #markers(String, double[], Color, float)} for integer positions. */
  public SeriesPlot markers(String name, List<? extends Number> positions, Color color, float width) {
    double[] p = new double[positions.size()];
    for (int i = 0; i < p.length; i++) {
      p[i] = positions.get(i).doubleValue();
    }
    return markers(name, p, color, width);
  }

  /** The chart as PNG bytes. */
  public byte[] toPng() throws IOException {
    if (layers.stream().allMatch(Layer::marker)) {
      throw new IllegalStateException("a plot needs at least one line");
    }
    XYChart chart = new XYChart(width, height);
    chart.setTitle(title);
    chart.setXAxisTitle(xTitle);
    chart.setYAxisTitle(yTitle);
    chart.getStyler().setLegendPosition(LegendPosition.OutsideS);
    chart.getStyler().setChartBackgroundColor(Color.WHITE);
    chart.getStyler().setPlotGridLinesVisible(false);
    double low = Double.POSITIVE_INFINITY;
    double high = Double.NEGATIVE_INFINITY;
    for (Layer l : layers) {
      for (int i = 0; !l.marker() && i < l.y().length; i++) {
        if (Double.isFinite(l.y()[i])) {
          low = Math.min(low, l.y()[i]);
          high = Math.max(high, l.y()[i]);
        }
      }
    }
    if (!(low <= high)) {
      low = 0;
      high = 1;
    }
    for (Layer l : layers) {
      XYSeries series = l.marker()
          ? chart.addSeries(l.name(), verticals(l.x(), low, high, true), verticals(l.x(), low, high, false))
          : chart.addSeries(l.name(), l.x(), l.y());
      style(series, l.color(), l.width());
    }
    return BitmapEncoder.getBitmapBytes(chart, BitmapFormat.PNG);
  }

  /** x (or y) coordinates of vertical segments separated by NaN gaps. */
  private static double[] verticals(double[] positions, double low, double high, boolean xs) {
    double[] out = new double[positions.length * 3];
    for (int i = 0; i < positions.length; i++) {
      out[3 * i] = xs ? positions[i] : low;
      out[3 * i + 1] = xs ? positions[i] : high;
      out[3 * i + 2] = Double.NaN;
    }
    return out;
  }

  private static void style(XYSeries s, Color color, float width) {
    s.setXYSeriesRenderStyle(XYSeriesRenderStyle.Line);
    s.setMarker(SeriesMarkers.NONE);
    s.setLineColor(color);
    s.setLineStyle(new BasicStroke(width));
  }

  /** Writes the chart to {@code file} (the name is kept as given). */
  public void writePng(Path file) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Files.write(file, toPng());
  }
}
