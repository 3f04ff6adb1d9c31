package dev.eddy.learners.tensorflow;

import dev.eddy.learners.FeatureVector;
import dev.eddy.learners.OnlineLearner;
import dev.eddy.learners.Prediction;
import dev.eddy.learners.Task;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * A mini-batch learner on TensorFlow Java: {@code tf-logistic} (logistic regression, softmax for
 * multiclass) or {@code tf-mlp} (ReLU hidden layers), trained by Adam or SGD on the masked mean
 * cross-entropy of each batch.
 *
 * <p><b>Learning</b> copies each example into a preallocated batch; a training step (one {@code
 * Session.run}) runs when the batch is full, or — checked on every {@link #learn} and {@link
 * #flushIfDue} call — when its first example has waited {@code max-wait} milliseconds, so a slow
 * stream still learns. {@link #flush} trains a partial batch at once (before a snapshot that should
 * not carry waiting examples, at end of input).
 *
 * <p><b>Predicting</b> runs the network in Java on the weights read back after the last step
 * ({@link JavaForward}): no TensorFlow call per event, and examples still waiting in the batch do
 * not affect it. {@link #predict} never changes the model.
 *
 * <p><b>State</b>: {@link TensorFlowLearnerProvider#writeState} writes the configuration, counters,
 * weights, optimizer state and waiting examples ({@link SnapshotFormat}, versioned); a restored
 * learner predicts identically and, fed the same examples, keeps learning identically.
 *
 * <p><b>Resources</b>: each learner owns a TensorFlow graph, session and batch tensors in native
 * memory; {@link #close} releases them, and every learner — copies and merge results included —
 * must be closed. Not thread-safe: one learner per operator instance (task thread).
 */
public final class TensorFlowLearner implements OnlineLearner, AutoCloseable {
  private final TensorFlowLearnerConfig config;
  private final ModelSession session;
  private final Weights weights;
  private final JavaForward forward;
  private final MiniBatch batch;
  private final LongSupplier nanoClock;
  private final long maxWaitNanos;
  private long examplesSeen;
  private long trainingSteps;
  private float lastLoss = Float.NaN;
  private boolean closed;

  TensorFlowLearner(TensorFlowLearnerConfig config, Weights initial, LongSupplier nanoClock) {
    this.config = config;
    this.weights = initial.copy();
    this.forward = new JavaForward(weights);
    this.batch = new MiniBatch(config.batchSize(), config.dimension());
    this.nanoClock = nanoClock;
    this.maxWaitNanos = TimeUnit.MILLISECONDS.toNanos(config.maxWaitMillis());
    this.session = new ModelSession(config);
    try {
      session.assign(weights);
    } catch (RuntimeException e) {
      session.close();
      throw e;
    }
  }

  /** A fresh learner with Glorot-initialized weights drawn from the configuration's seed. */
  public static TensorFlowLearner create(TensorFlowLearnerConfig config) {
    return new TensorFlowLearner(
        config, Weights.glorot(config.layerSizes(), config.seed()), System::nanoTime);
  }

  @Override
  public Prediction predict(FeatureVector x) {
    requireOpen();
    requireValid(x);
    double[] logits = forward.logits(x);
    if (config.task() == Task.BINARY) {
      double z = logits[0];
      // StrictMath: the same probability on every JVM, as the golden snapshots require.
      return new Prediction(z, z > 0 ? 1 : 0, 1 / (1 + StrictMath.exp(-z)));
    }
    double[] scores = logits.clone(); // logits is the forward pass's reused buffer
    int best = 0;
    for (int k = 1; k < scores.length; k++) {
      if (scores[k] > scores[best]) {
        best = k;
      }
    }
    return new Prediction(scores[best], best, Double.NaN, scores, softmax(scores, best));
  }

  /** The softmax of the logits, shifted by the largest ({@code best}) so that exp cannot overflow. */
  private static double[] softmax(double[] logits, int best) {
    double[] p = new double[logits.length];
    double sum = 0;
    for (int k = 0; k < p.length; k++) {
      p[k] = StrictMath.exp(logits[k] - logits[best]);
      sum += p[k];
    }
    for (int k = 0; k < p.length; k++) {
      p[k] /= sum;
    }
    return p;
  }

  @Override
  public void learn(FeatureVector x, double label) {
    requireOpen();
    requireValid(x);
    float target = target(label);
    long now = nanoClock.getAsLong();
    batch.add(x, target, now);
    examplesSeen++;
    if (batch.isFull() || batch.isDue(now, maxWaitNanos)) {
      trainStep();
    }
  }

  /**
   * Trains on the waiting examples now, full batch or not; returns false when none were waiting.
   */
  public boolean flush() {
    requireOpen();
    if (batch.isEmpty()) {
      return false;
    }
    trainStep();
    return true;
  }

  /**
   * Trains the waiting examples if the first has waited {@code max-wait}; for an operator's timer
   * when no example arrives. Returns whether it trained.
   */
  public boolean flushIfDue() {
    requireOpen();
    if (!batch.isDue(nanoClock.getAsLong(), maxWaitNanos)) {
      return false;
    }
    trainStep();
    return true;
  }

  private void trainStep() {
    lastLoss = session.train(batch, weights);
    forward.refresh(weights);
    batch.clear();
    trainingSteps++;
  }

  /** An independent learner in its own session, with the same weights and waiting examples. */
  @Override
  public TensorFlowLearner copy() {
    requireOpen();
    return SnapshotFormat.copy(this);
  }

  /** Releases the native graph, session and tensors; idempotent. Any later use throws. */
  @Override
  public void close() {
    if (!closed) {
      closed = true;
      session.close();
    }
  }

  @Override
  public String type() {
    return config.type();
  }

  @Override
  public Task task() {
    return config.task();
  }

  @Override
  public int dimension() {
    return config.dimension();
  }

  @Override
  public Map<String, String> hyperparameters() {
    return config.toParams();
  }

  /** Type, task, dimension, classes and hidden layers: what merging needs equal. */
  @Override
  public String layout() {
    return config.layout();
  }

  @Override
  public long examplesSeen() {
    return examplesSeen;
  }

  /** The validated configuration. */
  public TensorFlowLearnerConfig config() {
    return config;
  }

  /** Training steps run so far (full and partial batches). */
  public long trainingSteps() {
    return trainingSteps;
  }

  /** Mean cross-entropy of the last trained batch, before its step; NaN before the first step. */
  public double lastBatchLoss() {
    return lastLoss;
  }

  /** Examples learned but not yet trained on. */
  public int pendingExamples() {
    return batch.rows();
  }

  /** True when TensorFlow placed this learner's session on a GPU (else it runs on the CPU). */
  public boolean onGpu() {
    return session.onGpu();
  }

  Weights weights() {
    return weights;
  }

  MiniBatch batch() {
    return batch;
  }

  ModelSession session() {
    return session;
  }

  LongSupplier nanoClock() {
    return nanoClock;
  }

  void restoreCounters(long seen, long steps) {
    this.examplesSeen = seen;
    this.trainingSteps = steps;
  }

  private float target(double label) {
    if (config.task() == Task.BINARY) {
      if (!Double.isFinite(label)) {
        throw new IllegalArgumentException("binary label must be finite but was " + label);
      }
      return label > 0 ? 1f : 0f;
    }
    if (label != Math.rint(label) || label < 0 || label >= config.classes()) {
      throw new IllegalArgumentException(
          "multiclass label must be a class index in [0, "
              + config.classes()
              + ") but was "
              + label);
    }
    return (float) label;
  }

  private void requireValid(FeatureVector x) {
    if (x.dimension() != config.dimension()) {
      throw new IllegalArgumentException(
          config.type()
              + " has dimension "
              + config.dimension()
              + " but the example has "
              + x.dimension());
    }
    x.requireFinite();
  }

  private void requireOpen() {
    if (closed) {
      throw new IllegalStateException(config.type() + " learner is closed");
    }
  }
}
