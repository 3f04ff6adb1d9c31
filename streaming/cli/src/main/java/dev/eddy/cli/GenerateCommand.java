package dev.eddy.cli;

import dev.eddy.core.synthetic.AgrawalGenerator;
import dev.eddy.core.synthetic.FriedmanGenerator;
import dev.eddy.core.synthetic.HyperplaneGenerator;
import dev.eddy.core.synthetic.RbfDriftGenerator;
import dev.eddy.core.synthetic.SeaGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code bin/eddy generate}: writes a seeded synthetic stream as a CSV ({@code x1..xd,y}) with a new
 * concept at each quarter, for {@code evaluate}, {@code tune} and the measurements in BENCHMARKS.md:
 * SEA ({@link SeaGenerator}), the hyperplane ({@link HyperplaneGenerator}), Agrawal ({@link
 * AgrawalGenerator}) or the random RBF with moving centres ({@link RbfDriftGenerator}, a gradual
 * drift instead of quarters).
 */
@Command(
    name = "generate",
    mixinStandardHelpOptions = true,
    description = {
      "Writes a seeded synthetic labelled stream as a CSV file, with a new concept at each quarter.",
      "sea: SEA concepts (3 features in [0, 10], thresholds 8, 9, 7, 9.5); hyperplane: a random hyperplane",
      "through [0, 1]^d, redrawn at each quarter; agrawal: the loan functions 1, 2, 3, 4 in turn; rbf: random",
      "RBF, --centroids centres moving --speed per row (gradual drift), --classes K of them (multiclass when K > 2);",
      "friedman: Friedman #1 regression (10 features, y real, unit noise, stationary). The label column is y."
    })
public final class GenerateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--stream", required = true, paramLabel = "NAME", description = "sea, hyperplane, agrawal, rbf or friedman.")
  String stream;

  @Option(names = "--rows", defaultValue = "100000", paramLabel = "N", description = "Rows (default: ${DEFAULT-VALUE}).")
  long rows;

  @Option(names = "--noise", defaultValue = "0.1", paramLabel = "P", description = "Fraction of flipped labels (default: ${DEFAULT-VALUE}).")
  double noise;

  @Option(names = "--dimension", defaultValue = "10", paramLabel = "D", description = "Features of the hyperplane (default: ${DEFAULT-VALUE}).")
  int dimension;

  @Option(names = "--centroids", defaultValue = "50", paramLabel = "K", description = "Centres of rbf (default: ${DEFAULT-VALUE}).")
  int centroids;

  @Option(names = "--speed", defaultValue = "0.0001", paramLabel = "V", description = "Distance each rbf centre moves per row (default: ${DEFAULT-VALUE}).")
  double speed;

  @Option(names = "--classes", defaultValue = "2", paramLabel = "K", description = "Classes of rbf (default: ${DEFAULT-VALUE}).")
  int classes;

  @Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "Seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--out", required = true, paramLabel = "FILE", description = "The CSV file to write.")
  Path out;

  @Override
  public Integer call() throws IOException {
    if (classes < 2) {
      throw new ParameterException(spec.commandLine(), "--classes must be >= 2 but was " + classes);
    }
    if (rows < 1 || !(noise >= 0 && noise <= 0.5) || dimension < 1 || centroids < 1 || !(speed >= 0)) {
      throw new ParameterException(spec.commandLine(), "--rows, --dimension and --centroids must be >= 1, --noise in"
          + " [0, 0.5], --speed >= 0; got " + rows + ", " + dimension + ", " + centroids + ", " + noise + ", " + speed);
    }
    long[] drifts = SeaGenerator.quarters(rows);
    int d;
    String[] names = null;
    java.util.function.ToDoubleFunction<double[]> next;
    switch (stream) {
      case "sea" -> {
        SeaGenerator g = new SeaGenerator(seed, drifts, noise);
        d = 3;
        next = g::next;
      }
      case "hyperplane" -> {
        HyperplaneGenerator g = new HyperplaneGenerator(seed, dimension, drifts, noise);
        d = dimension;
        next = g::next;
      }
      case "agrawal" -> {
        AgrawalGenerator g = new AgrawalGenerator(seed, drifts, noise);
        names = AgrawalGenerator.ATTRIBUTES;
        d = names.length;
        next = g::next;
      }
      case "rbf" -> {
        RbfDriftGenerator g = new RbfDriftGenerator(seed, dimension, centroids, speed, classes);
        d = dimension;
        next = g::next;
      }
      case "friedman" -> {
        FriedmanGenerator g = new FriedmanGenerator(seed);
        d = FriedmanGenerator.DIMENSION;
        next = g::next;
      }
      default -> throw new ParameterException(spec.commandLine(),
          "--stream must be sea, hyperplane, agrawal, rbf or friedman but was '" + stream + "'");
    }
    double[] x = new double[d];
    try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out))) {
      StringBuilder header = new StringBuilder();
      for (int i = 1; i <= d; i++) {
        header.append(names == null ? "x" + i : names[i - 1]).append(',');
      }
      w.println(header.append('y'));
      for (long r = 0; r < rows; r++) {
        double y = next.applyAsDouble(x);
        StringBuilder line = new StringBuilder();
        for (double v : x) {
          line.append(String.format(Locale.ROOT, "%.6f", v)).append(',');
        }
        w.println(stream.equals("friedman") ? line.append(String.format(Locale.ROOT, "%.6f", y)) : line.append((int) y));
      }
    }
    spec.commandLine().getOut().println("wrote " + rows + " rows of " + stream + " to " + out
        + (stream.equals("friedman") ? " (stationary)" : stream.equals("rbf") ? " (centres moving " + speed + " per row)"
            : " (new concepts at " + java.util.Arrays.toString(drifts) + ")"));
    return 0;
  }
}
