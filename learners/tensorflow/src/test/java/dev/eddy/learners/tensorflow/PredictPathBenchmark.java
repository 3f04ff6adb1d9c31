package dev.eddy.learners.tensorflow;

import dev.eddy.learners.FeatureVector;
import dev.eddy.learners.Task;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The choice behind {@link JavaForward}: the cost of one prediction computed in Java from the
 * cached weights against one {@code Session.run} of the same network on a single row.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = "-Dorg.bytedeco.javacpp.cachedir=target/javacpp")
@State(Scope.Benchmark)
public class PredictPathBenchmark {
  private static final int DIMENSION = 32;

  @Param({"tf-logistic", "tf-mlp"})
  public String type;

  private TensorFlowLearner learner;
  private FeatureVector vector;
  private float[] row;

  /** A fresh learner (default hidden layers 64,32) and one random row. */
  @Setup(Level.Trial)
  public void create() {
    learner = new TensorFlowLearnerProvider().create(type, Map.of(), DIMENSION, Task.BINARY);
    SplittableRandom random = new SplittableRandom(1);
    double[] values = new double[DIMENSION];
    row = new float[DIMENSION];
    for (int i = 0; i < DIMENSION; i++) {
      values[i] = random.nextDouble(-1, 1);
      row[i] = (float) values[i];
    }
    vector = FeatureVector.dense(values);
  }

  /** Releases the session. */
  @TearDown(Level.Trial)
  public void close() {
    learner.close();
  }

  /** What {@link TensorFlowLearner#predict} does: the forward pass in Java. */
  @Benchmark
  public double javaForward() {
    return learner.predict(vector).score();
  }

  /** The alternative: one session run on a 1-row tensor. */
  @Benchmark
  public float sessionRun() {
    return learner.session().logits(row, 1, 1)[0];
  }
}
