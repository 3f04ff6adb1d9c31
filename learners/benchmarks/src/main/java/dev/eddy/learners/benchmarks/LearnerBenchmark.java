package dev.eddy.learners.benchmarks;

import dev.eddy.learners.Learners;
import dev.eddy.learners.OnlineLearner;
import dev.eddy.learners.Prediction;
import dev.eddy.learners.Task;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Predict+learn per event (test-then-train, as the job runs it) for every pure learner on dense d =
 * 10, dense d = 100 and hashed sparse input (2^20 dimensions, 20 active), next to {@link RawLoops}
 * doing the same arithmetic on bare arrays (the ceiling). Run with {@code -prof gc} to see the
 * allocation per event (target ~0 B/op).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class LearnerBenchmark {

  @Param({"pa", "pa-i", "pa-ii", "pegasos", "pegasos-avg", "logistic", "adagrad", "ftrl"})
  public String type;

  @Param({"dense10", "dense100", "hashed"})
  public String shape;

  /**
   * {@code learner} or {@code raw}: one benchmark method with this as its last parameter, so that
   * JMH measures a learner and its raw loop back to back and a shared machine's changing load
   * affects both alike.
   */
  @Param({"learner", "raw"})
  public String variant;

  private Events events;
  private OnlineLearner learner;
  private RawLoops raw;
  private int rawType;
  private boolean useRaw;
  private int next;

  @Setup
  public void setUp() {
    events = new Events(shape);
    Map<String, String> params = shape.equals("hashed")
        ? Map.of(Learners.HASH_BITS, Integer.toString(Events.HASHED_BITS))
        : Map.of();
    learner = Learners.create(type, params, events.dimension, Task.BINARY);
    raw = new RawLoops(events.dimension);
    useRaw = variant.equals("raw");
    rawType = java.util.List.of(
        "pa", "pa-i", "pa-ii", "pegasos", "pegasos-avg", "logistic", "adagrad", "ftrl").indexOf(type);
  }

  /** One event, predict then learn, through the learner or its raw loop; returns the predicted label. */
  @Benchmark
  public double event() {
    return useRaw ? raw() : learner();
  }

  private double learner() {
    int e = next;
    next = e + 1 == Events.COUNT ? 0 : e + 1;
    Prediction p = learner.predict(events.vectors[e]);
    learner.learn(events.vectors[e], events.labels[e]);
    return p.label();
  }

  private double raw() {
    int e = next;
    next = e + 1 == Events.COUNT ? 0 : e + 1;
    int[] idx = events.indices[e];
    double[] x = events.values[e];
    int n = x.length;
    double y = events.labels[e];
    switch (rawType) {
      case 0:
      case 1:
      case 2:
        return raw.pa(rawType, idx, x, n, y);
      case 3:
        return raw.pegasos(false, idx, x, n, y);
      case 4:
        return raw.pegasos(true, idx, x, n, y);
      case 5:
        return raw.logistic(idx, x, n, y);
      case 6:
        return raw.adagrad(idx, x, n, y);
      default:
        return raw.ftrl(idx, x, n, y);
    }
  }
}
