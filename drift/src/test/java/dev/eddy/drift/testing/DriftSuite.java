package dev.eddy.drift.testing;

import dev.eddy.drift.Detectors;
import dev.eddy.drift.DriftDetector;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The synthetic suite behind the "Drift detectors" table of BENCHMARKS.md: every detector, with its
 * default parameters, on abrupt and gradual changes of Bernoulli error streams (all detectors) and
 * of unit-variance Gaussian streams (real-valued detectors), plus long stationary streams for false
 * alarms. Run it with
 *
 * <pre>java -cp drift/target/classes:drift/target/test-classes dev.eddy.drift.testing.DriftSuite [seeds]</pre>
 *
 * which prints a Markdown table: mean delay (and misses, if any) per change scenario, false alarms
 * per 100,000 values on the stationary streams, and false alarms in the first 2,000 values after
 * a (re)start.
 */
public final class DriftSuite {
  /** Runs per change scenario unless given on the command line. */
  public static final int DEFAULT_SEEDS = 50;
  /** Length of each stationary stream. */
  public static final int STATIONARY_LENGTH = 100_000;

  private DriftSuite() {}

  /** The change scenarios, Bernoulli first. */
  public static List<Scenario> changes() {
    return List.of(
        Scenario.bernoulli(0.2, 0.4),
        Scenario.bernoulli(0.2, 0.6),
        Scenario.bernoulli(0.2, 0.8),
        Scenario.bernoulliGradual(0.2, 0.6, 1000),
        Scenario.gaussian(0, 0.5),
        Scenario.gaussian(0, 1),
        Scenario.gaussian(0, 2),
        Scenario.gaussianGradual(0, 2, 1000));
  }

  /** The stationary scenarios: Bernoulli p = 0.2 and N(0, 1). */
  public static List<Scenario> stationary() {
    return List.of(
        Scenario.stationary(false, 0.2, STATIONARY_LENGTH),
        Scenario.stationary(true, 0, STATIONARY_LENGTH));
  }

  /** True if detectors of {@code type} can take the scenario's values. */
  public static boolean applies(String type, Scenario scenario) {
    return scenario.binary() || !Detectors.isBinary(type);
  }

  /** Prints the table for {@code args[0]} seeds (default {@value #DEFAULT_SEEDS}). */
  public static void main(String[] args) {
    int seeds = args.length > 0 ? Integer.parseInt(args[0]) : DEFAULT_SEEDS;
    int stationarySeeds = Math.max(1, seeds / 10);
    StringBuilder header = new StringBuilder("| detector |");
    StringBuilder rule = new StringBuilder("|---|");
    for (Scenario s : changes()) {
      header.append(' ').append(s.name()).append(" |");
      rule.append("---:|");
    }
    for (Scenario s : stationary()) {
      header.append(" FA/100k ").append(s.name().replace(" stationary", "")).append(" |");
      rule.append("---:|");
    }
    header.append(" FA/100k first 2k |");
    rule.append("---:|");
    System.out.println(header);
    System.out.println(rule);
    for (String type : Detectors.types()) {
      Supplier<DriftDetector> factory = () -> Detectors.create(type, Map.of());
      StringBuilder row = new StringBuilder("| ").append(type).append(" |");
      long earlyAlarms = 0;
      long earlyValues = 0;
      for (Scenario s : changes()) {
        if (!applies(type, s)) {
          row.append(" — |");
          continue;
        }
        DetectionRuns.Result r = DetectionRuns.run(factory, s, seeds);
        earlyAlarms += r.falseAlarms();
        earlyValues += r.stationaryValues();
        row.append(' ').append(delay(r)).append(" |");
      }
      for (Scenario s : stationary()) {
        String cell = applies(type, s)
            ? fmt(DetectionRuns.run(factory, s, stationarySeeds).falseAlarmsPer100k())
            : "—";
        row.append(' ').append(cell).append(" |");
      }
      row.append(' ').append(fmt(earlyAlarms * 100_000.0 / earlyValues)).append(" |");
      System.out.println(row);
    }
    System.out.println();
    System.out.printf(
        Locale.ROOT,
        "Delays: mean over %d seeds of (first drift at or after the change) - change, the change at"
            + " 2,000 of 5,000 values (gradual: the start of a 1,000-value ramp); (m/n missed): m of"
            + " n runs never fired after the change. FA/100k: drifts per 100,000 values on %d"
            + " stationary streams of %,d; 'first 2k': drifts in the 2,000 pre-change values of the"
            + " change scenarios, i.e. right after a (re)start. Binary detectors (%s) take only the"
            + " Bernoulli streams.%n",
        seeds,
        stationarySeeds,
        STATIONARY_LENGTH,
        String.join(", ", Detectors.binaryTypes()));
  }

  private static String delay(DetectionRuns.Result r) {
    String mean = r.detected() == 0 ? "never" : fmt(r.meanDelay());
    return r.missed() == 0 ? mean : mean + " (" + r.missed() + "/" + r.runs() + " missed)";
  }

  private static String fmt(double v) {
    return String.format(Locale.ROOT, v >= 100 ? "%.0f" : "%.1f", v);
  }
}
