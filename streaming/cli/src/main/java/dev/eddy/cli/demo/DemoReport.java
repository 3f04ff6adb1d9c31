package dev.eddy.cli.demo;

import dev.eddy.cli.plot.SeriesPlot;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The demo's report: prequential accuracy over a sliding window of events, with the detected drifts
 * and the stream's true change points as vertical markers, as a PNG.
 */
public final class DemoReport {
  private DemoReport() {}

  /**
   * @param correct whether the prediction of event i was right
   * @param window length of the sliding window
   */
  public static void write(Path file, boolean[] correct, int window, List<Long> truePoints, List<Long> drifts)
      throws IOException {
    double[] accuracy = new double[correct.length];
    int right = 0;
    for (int i = 0; i < correct.length; i++) {
      right += correct[i] ? 1 : 0;
      if (i >= window) {
        right -= correct[i - window] ? 1 : 0;
      }
      accuracy[i] = i + 1 < window / 10 ? Double.NaN : (double) right / Math.min(i + 1, window);
    }
    new SeriesPlot("Eddy demo: prequential accuracy (window " + window + ")", "event", "accuracy")
        .line("accuracy", accuracy, new Color(31, 119, 180), 1.5f)
        .markers("true concept change", truePoints, new Color(120, 120, 120), 2f)
        .markers("detected drift", drifts, new Color(214, 39, 40), 1.5f)
        .writePng(file);
  }
}
