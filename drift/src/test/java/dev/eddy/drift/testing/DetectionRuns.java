package dev.eddy.drift.testing;

import dev.eddy.drift.DriftDetector;
import dev.eddy.drift.Signal;
import java.util.Arrays;
import java.util.function.Supplier;
import java.util.function.ToIntBiFunction;

/**
 * Runs detectors over seeded {@link Scenario}s and measures detection delay and false alarms, the
 * way the drift tests and the {@code DriftSuite} report compute them.
 *
 * <p>Delay of one run: the index of the first DRIFT at or after the change point minus the change
 * point (for a gradual change, counted from its start); a run with no DRIFT after the change is a
 * miss. False alarms: DRIFTs before the change point (all of them on a stationary stream).
 */
public final class DetectionRuns {
  private DetectionRuns() {}

  /**
   * The outcome over several seeds.
   *
   * @param runs number of seeds
   * @param detected runs with a DRIFT after the change
   * @param meanDelay mean delay over detected runs (NaN if none)
   * @param medianDelay median delay over all runs, a miss counting as infinitely late (NaN if
   *     half or more missed)
   * @param maxDelay largest delay over detected runs (-1 if none)
   * @param falseAlarms DRIFTs before the change point, summed over runs
   * @param stationaryValues values before the change point, summed over runs
   * @param bounded runs for which the bound function gave a finite bound
   * @param withinBound bounded runs whose delay was at most their bound
   */
  public record Result(
      int runs,
      int detected,
      double meanDelay,
      double medianDelay,
      int maxDelay,
      long falseAlarms,
      long stationaryValues,
      int bounded,
      int withinBound) {

    /** False alarms per 100,000 stationary values. */
    public double falseAlarmsPer100k() {
      return stationaryValues == 0 ? 0 : falseAlarms * 100_000.0 / stationaryValues;
    }

    /** Runs with no DRIFT after the change. */
    public int missed() {
      return runs - detected;
    }
  }

  /** Runs a fresh detector from {@code factory} on {@code scenario} for seeds 1..{@code seeds}. */
  public static Result run(Supplier<DriftDetector> factory, Scenario scenario, int seeds) {
    return run(factory, scenario, seeds, (detector, s) -> Bounds.NEVER);
  }

  /**
   * As {@link #run(Supplier, Scenario, int)}, also asking {@code bound} for each run's delay bound
   * given the detector as it stands just before the first changed value ({@link Bounds#NEVER}
   * when it makes no claim for that run).
   */
  public static Result run(
      Supplier<DriftDetector> factory,
      Scenario scenario,
      int seeds,
      ToIntBiFunction<DriftDetector, Scenario> bound) {
    int bounded = 0;
    int withinBound = 0;
    int detected = 0;
    long delaySum = 0;
    int[] delays = new int[seeds];
    int maxDelay = -1;
    long falseAlarms = 0;
    for (int seed = 1; seed <= seeds; seed++) {
      double[] values = scenario.generate(seed * 1_000_003L + scenario.name().hashCode());
      DriftDetector detector = factory.get();
      int delay = -1;
      int limit = Bounds.NEVER;
      for (int t = 0; t < values.length && delay < 0; t++) {
        if (t == scenario.changeAt()) {
          limit = bound.applyAsInt(detector, scenario);
        }
        if (detector.update(values[t]) == Signal.DRIFT) {
          if (t < scenario.changeAt()) {
            falseAlarms++;
          } else {
            delay = t - scenario.changeAt();
          }
        }
      }
      delays[seed - 1] = delay < 0 ? Integer.MAX_VALUE : delay;
      if (limit != Bounds.NEVER) {
        bounded++;
        if (delay >= 0 && delay <= limit) {
          withinBound++;
        }
      }
      if (delay >= 0) {
        detected++;
        delaySum += delay;
        maxDelay = Math.max(maxDelay, delay);
      }
    }
    double mean = detected == 0 ? Double.NaN : (double) delaySum / detected;
    Arrays.sort(delays);
    double median = median(delays);
    return new Result(
        seeds,
        detected,
        mean,
        median,
        maxDelay,
        falseAlarms,
        (long) seeds * scenario.changeAt(),
        bounded,
        withinBound);
  }

  private static double median(int[] sorted) {
    int n = sorted.length;
    int hi = sorted[n / 2];
    int lo = n % 2 == 1 ? hi : sorted[n / 2 - 1];
    return hi == Integer.MAX_VALUE ? Double.NaN : (lo + (double) hi) / 2;
  }
}
