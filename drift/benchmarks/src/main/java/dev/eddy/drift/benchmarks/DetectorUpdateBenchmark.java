package dev.eddy.drift.benchmarks;

import dev.eddy.drift.Detectors;
import dev.eddy.drift.DriftDetector;
import dev.eddy.drift.Signal;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Update cost per value of every detector (defaults) on a 0/1 error stream, which every detector
 * accepts: {@code stationary} (p = 0.2 throughout; ADWIN's window keeps growing) and {@code
 * drifting} (p alternating 0.2 / 0.6 every 5,000 values, so resets and shrinking are included).
 * One invocation feeds the next {@value #BATCH} values of a 2^16-value seeded stream.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class DetectorUpdateBenchmark {
  static final int BATCH = 1024;
  private static final int LENGTH = 1 << 16;

  @Param({"adwin", "ddm", "eddm", "hddm-a", "hddm-w", "page-hinkley", "cusum", "kswin"})
  public String type;

  @Param({"stationary", "drifting"})
  public String stream;

  private DriftDetector detector;
  private double[] values;
  private int next;

  @Setup
  public void setUp() {
    detector = Detectors.create(type, Map.of());
    values = new double[LENGTH];
    SplittableRandom random = new SplittableRandom(42);
    for (int t = 0; t < LENGTH; t++) {
      double p = stream.equals("drifting") && (t / 5000) % 2 == 1 ? 0.6 : 0.2;
      values[t] = random.nextDouble() < p ? 1 : 0;
    }
  }

  /** Feeds {@value #BATCH} values; the score is the time per value. */
  @Benchmark
  @OperationsPerInvocation(BATCH)
  public void update(Blackhole blackhole) {
    int drifts = 0;
    for (int i = 0; i < BATCH; i++) {
      if (detector.update(values[next]) == Signal.DRIFT) {
        drifts++;
      }
      next = (next + 1) & (LENGTH - 1);
    }
    blackhole.consume(drifts);
  }
}
