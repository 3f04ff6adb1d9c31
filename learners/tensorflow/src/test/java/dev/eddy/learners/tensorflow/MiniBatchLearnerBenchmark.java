package dev.eddy.learners.tensorflow;

import dev.eddy.learners.Learners;
import dev.eddy.learners.OnlineLearner;
import dev.eddy.learners.Task;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Examples per second of the TensorFlow learners (test-then-train, CPU) at several batch sizes,
 * next to the pure-Java {@code logistic} learner (SGD, one update per example) on the same stream.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@OperationsPerInvocation(StreamBenchmarkState.EXAMPLES)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Dorg.bytedeco.javacpp.cachedir=target/javacpp")
public class MiniBatchLearnerBenchmark {

  /** A TensorFlow learner per trial, with max-wait off so that only full batches train. */
  @State(Scope.Benchmark)
  public static class TensorFlowState extends StreamBenchmarkState {
    @Param({"tf-logistic", "tf-mlp"})
    public String type;

    @Param({"32", "256", "1024"})
    public int batch;

    private TensorFlowLearner learner;

    /** Builds the learner. */
    @Setup(Level.Trial)
    public void create() {
      Map<String, String> params = Map.of("batch-size", Integer.toString(batch), "max-wait", "0");
      learner = (TensorFlowLearner) Learners.create(type, params, DIMENSION, Task.BINARY);
    }

    /** Releases the session. */
    @TearDown(Level.Trial)
    public void close() {
      learner.close();
    }
  }

  /** The pure-Java {@code logistic} learner with its defaults. */
  @State(Scope.Benchmark)
  public static class BaselineState extends StreamBenchmarkState {
    private OnlineLearner learner;

    /** Builds the learner. */
    @Setup(Level.Trial)
    public void create() {
      learner = Learners.create("logistic", Map.of(), DIMENSION, Task.BINARY);
    }
  }

  /** Predict then learn, for every example of the stream. */
  @Benchmark
  public void tensorFlow(TensorFlowState state, Blackhole blackhole) {
    state.testThenTrain(state.learner, blackhole);
  }

  /** The same for the pure-Java baseline. */
  @Benchmark
  public void pureJavaLogistic(BaselineState state, Blackhole blackhole) {
    state.testThenTrain(state.learner, blackhole);
  }
}
