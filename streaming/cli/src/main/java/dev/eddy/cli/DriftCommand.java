package dev.eddy.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.eddy.cli.plot.SeriesPlot;
import dev.eddy.drift.Detectors;
import dev.eddy.drift.DriftDetector;
import dev.eddy.drift.InputDomain;
import dev.eddy.drift.Signal;
import java.awt.Color;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code bin/eddy drift}: runs one drift detector over a file of numbers (one per line, e.g. a
 * recorded 0/1 error series) and prints the 0-based positions of its warnings and drifts; {@code
 * --json} writes them, {@code --plot} draws the series, its running mean and the signals. Blank
 * lines are skipped (positions count values, not lines). Bad options, an unknown detector or
 * parameter, a non-numeric line or a value outside the detector's domain print the problem naming
 * the option (and the line) and exit 2.
 */
@Command(
    name = "drift",
    mixinStandardHelpOptions = true,
    description = {
      "Runs a drift detector over a file of numbers and prints where it warned and detected drift.",
      "The file holds one number per line; positions are 0-based. Detectors: adwin, ddm, eddm, hddm-a, hddm-w (0/1",
      "errors only for ddm, eddm, hddm-a, hddm-w), page-hinkley, cusum, kswin."
    })
public final class DriftCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--detector", required = true, paramLabel = "TYPE",
      description = "Detector type: adwin, ddm, eddm, hddm-a, hddm-w, page-hinkley, cusum, kswin.")
  String detector;

  @Option(names = "--param", paramLabel = "NAME=VALUE",
      description = "A detector parameter, repeatable, e.g. delta=0.01 (defaults: the paper's).")
  Map<String, String> params = new LinkedHashMap<>();

  @Option(names = "--input", required = true, paramLabel = "FILE",
      description = "The numbers, one per line.")
  Path input;

  @Option(names = "--json", paramLabel = "FILE",
      description = "Also write {\"warnings\": [...], \"drifts\": [...], ...} here.")
  Path json;

  @Option(names = "--plot", paramLabel = "FILE.png",
      description = "Also draw the series, its running mean and the signals to this PNG.")
  Path plot;

  @Override
  public Integer call() throws IOException {
    DriftDetector d = detector();
    double[] values = read(d.inputDomain(), d.type());
    List<Integer> warnings = new ArrayList<>();
    List<Integer> drifts = new ArrayList<>();
    for (int t = 0; t < values.length; t++) {
      Signal s = d.update(values[t]);
      if (s == Signal.WARNING) {
        warnings.add(t);
      } else if (s == Signal.DRIFT) {
        drifts.add(t);
      }
    }
    PrintWriter out = spec.commandLine().getOut();
    out.printf("%s %s over %d values%n", d.type(), d.parameters(), values.length);
    out.printf("warnings (%d): %s%n", warnings.size(), ranges(warnings));
    out.printf("drifts (%d): %s%n", drifts.size(), ranges(drifts));
    if (json != null) {
      Map<String, Object> result = new LinkedHashMap<>();
      result.put("warnings", warnings);
      result.put("drifts", drifts);
      result.put("detector", d.type());
      result.put("parameters", d.parameters());
      result.put("values", values.length);
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(json.toFile(), result);
    }
    if (plot != null) {
      drawPlot(d, values, warnings, drifts);
      out.println("plot: " + plot);
    }
    out.flush();
    return 0;
  }

  private DriftDetector detector() {
    try {
      return Detectors.create(detector, params);
    } catch (IllegalArgumentException e) {
      String option = Detectors.types().contains(detector) ? "--param" : "--detector";
      throw usage(option + ": " + e.getMessage());
    }
  }

  /** The numbers of the input file; a line that is not a number is a usage error naming it. */
  private double[] read(InputDomain domain, String type) throws IOException {
    if (!Files.isRegularFile(input)) {
      throw usage("--input: no such file: " + input);
    }
    double[] values = new double[1024];
    int n = 0;
    int lineNumber = 0;
    try (BufferedReader reader = Files.newBufferedReader(input, StandardCharsets.UTF_8)) {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        lineNumber++;
        String text = line.strip();
        if (text.isEmpty()) {
          continue;
        }
        double v;
        try {
          v = Double.parseDouble(text);
        } catch (NumberFormatException e) {
          throw usage("--input: line " + lineNumber + " is not a number: '" + text + "'");
        }
        try {
          domain.check(type, v);
        } catch (IllegalArgumentException e) {
          throw usage("--input: line " + lineNumber + ": " + e.getMessage());
        }
        if (n == values.length) {
          values = Arrays.copyOf(values, n * 2);
        }
        values[n++] = v;
      }
    }
    return Arrays.copyOf(values, n);
  }

  private void drawPlot(DriftDetector d, double[] values, List<Integer> warnings, List<Integer> drifts)
      throws IOException {
    int window = Math.max(10, values.length / 100);
    double[] mean = new double[values.length];
    double sum = 0;
    for (int t = 0; t < values.length; t++) {
      sum += values[t] - (t >= window ? values[t - window] : 0);
      mean[t] = sum / Math.min(t + 1, window);
    }
    new SeriesPlot(d.type() + " " + d.parameters(), "position", "value")
        .line("value", values, new Color(175, 175, 175), 0.6f)
        .markers("warnings (" + warnings.size() + ")", warnings, new Color(255, 190, 90), 1f)
        .line("running mean (last " + window + ")", mean, new Color(30, 90, 200), 2f)
        .markers("drifts (" + drifts.size() + ")", drifts, new Color(215, 25, 25), 2.5f)
        .writePng(plot);
  }

  /** Positions as comma-separated runs, e.g. "12-15, 40"; "none" when empty. */
  static String ranges(List<Integer> positions) {
    if (positions.isEmpty()) {
      return "none";
    }
    StringBuilder out = new StringBuilder();
    int start = positions.get(0);
    int last = start;
    for (int i = 1; i <= positions.size(); i++) {
      int p = i < positions.size() ? positions.get(i) : Integer.MIN_VALUE;
      if (p != last + 1) {
        out.append(out.length() == 0 ? "" : ", ").append(start).append(start == last ? "" : "-" + last);
        start = p;
      }
      last = p;
    }
    return out.toString();
  }

  private ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }
}
