package dev.eddy.cli;

import dev.eddy.core.model.Scored;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The attack of {@code bin/eddy evaluate --poison} (README "Security", BENCHMARKS "Poisoning guard"):
 * an attacker who can write to the events topic adds records to a binary stream; the stream's own rows
 * are scored against their true labels, so the figure is what the poison costs the users.
 * <ul>
 *   <li>{@code flips} × rows label flips in one burst: from row {@code burst-at} × rows on, for
 *       {@code burst-seconds} of record time, each row is followed by replays of its features with the
 *       opposite label, all at its time (a flood of wrong labels);
 *   <li>{@code outliers} × rows extreme records spread evenly: a copy of a row whose one (seeded random)
 *       feature is ±10⁴ × (1 + |value|), with the opposite label.
 * </ul>
 * Seeded ({@code seed}), so every run of one option string injects the same records.
 */
final class Poisoning {
  private final double flips;
  private final double outliers;
  private final double burstAt;
  private final double burstSeconds;
  private final SplittableRandom random;
  private final long rows;
  private final double msPerRow;
  private long row;
  private long correct;
  private long injectedFlips;
  private long injectedOutliers;
  private double owed;
  private double outliersOwed;

  private Poisoning(Map<String, Double> options, long rows, double rowsPerSecond) {
    this.flips = options.get("flips");
    this.outliers = options.get("outliers");
    this.burstAt = options.get("burst-at");
    this.burstSeconds = options.get("burst-seconds");
    this.random = new SplittableRandom(options.get("seed").longValue());
    this.rows = rows;
    this.msPerRow = 1000.0 / rowsPerSecond;
  }

  /**
   * Reads {@code flips=F,outliers=O[,burst-at=A][,burst-seconds=S][,seed=N]} (defaults: burst at 0.6
   * of the stream, 1 s long, seed 1).
   *
   * @throws IllegalArgumentException naming the bad part
   */
  static Poisoning parse(String text, long rows, double rowsPerSecond) {
    Map<String, Double> options = new LinkedHashMap<>(Map.of("flips", 0.0, "outliers", 0.0, "burst-at", 0.6,
        "burst-seconds", 1.0, "seed", 1.0));
    for (String part : text.split(",")) {
      String[] kv = part.split("=", 2);
      if (kv.length != 2 || !options.containsKey(kv[0].trim())) {
        throw new IllegalArgumentException("'" + part + "' is not one of " + options.keySet() + " as NAME=VALUE");
      }
      double v;
      try {
        v = Double.parseDouble(kv[1].trim());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(kv[0].trim() + " must be a number, got " + kv[1]);
      }
      if (!(v >= 0) || Double.isInfinite(v) || (!kv[0].trim().equals("seed") && !kv[0].trim().equals("burst-seconds") && v > 1)) {
        throw new IllegalArgumentException(kv[0].trim() + " must be in [0, 1] (seed, burst-seconds: >= 0), got " + kv[1]);
      }
      options.put(kv[0].trim(), v);
    }
    return new Poisoning(options, rows, rowsPerSecond);
  }

  /** Steps one row of the stream through {@code run}, with the attacker's records after it. */
  void step(EvaluationRun run, double[] numbers, String[] categories, double label) {
    long time = (long) (row * msPerRow);
    Scored scored = run.step(numbers, categories, label, time);
    if ((scored.prediction().label() > 0) == (label > 0)) {
      correct++;
    }
    double flipped = label > 0 ? 0 : 1;
    long burstStart = (long) (burstAt * rows);
    long burstRows = Math.max(1, (long) (burstSeconds * 1000 / msPerRow));
    if (flips > 0 && row >= burstStart && row < burstStart + burstRows) {
      owed += flips * rows / burstRows;
      for (; owed >= 1; owed--, injectedFlips++) {
        run.step(numbers, categories, flipped, time);
      }
    }
    outliersOwed += outliers;
    if (outliersOwed >= 1) {
      outliersOwed--;
      double[] extreme = Arrays.copyOf(numbers, numbers.length);
      int j = random.nextInt(extreme.length);
      extreme[j] = (random.nextBoolean() ? 1 : -1) * 1e4 * (1 + Math.abs(extreme[j]));
      run.step(extreme, categories, flipped, time);
      injectedOutliers++;
    }
    row++;
  }

  /** The accuracy of the stream's own rows against their true labels. */
  double accuracy() {
    return row == 0 ? Double.NaN : (double) correct / row;
  }

  /** The report's lines. */
  String summary() {
    return String.format(java.util.Locale.ROOT,
        "poison: %d rows of the stream, %d label flips injected, %d extreme records injected%n"
            + "accuracy of the stream's rows (true labels): %.4f%n",
        row, injectedFlips, injectedOutliers, accuracy());
  }
}
