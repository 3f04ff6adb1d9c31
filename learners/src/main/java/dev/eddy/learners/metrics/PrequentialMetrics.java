package dev.eddy.learners.metrics;

import dev.eddy.learners.Prediction;
import dev.eddy.learners.Task;
import dev.eddy.learners.codec.Framing;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Prequential (test-then-train) evaluation (A. P. Dawid, "Present position and potential
 * developments: some personal views: statistical theory: the prequential approach", JRSS A 147,
 * 1984; J. Gama, R. Sebastião, P. P. Rodrigues, "On evaluating stream learning algorithms", Machine
 * Learning 90, 2013): every prediction is scored against its label before the learner sees that
 * label, cumulatively and over a sliding window of the last N pairs.
 *
 * <p>Metrics by task — binary: accuracy, kappa, logLoss (when the learner gives probabilities),
 * precision, recall, f1 (positive class = label > 0); multiclass (labels are class indices): accuracy,
 * kappa, logLoss (when the learner gives class probabilities), macroF1; regression: mae, rmse, r2.
 * See {@link MetricTotals} for the definitions.
 *
 * <p>The window keeps the last N pairs in primitive ring buffers; {@link #record} allocates nothing
 * (except when a new class index first appears, and while the window fills: the buffers start small and
 * double up to N, so that a model that has seen few labels — most of a million model keys — costs a few
 * hundred bytes, not 24 N, to create or restore). Floating-point window sums are recomputed from the
 * ring once per N evictions so that add/remove rounding cannot accumulate.
 */
public final class PrequentialMetrics {

  private static final int MAGIC = 0x4544504D; // "EDPM"
  /** The format {@link #toBytes} writes; format 1 (before macro-F1 and R²) still restores. */
  public static final int VERSION = 2;
  private static final String WHAT = "prequential metrics snapshot";
  /** Pairs the window's buffers hold before they first grow. */
  private static final int INITIAL_CAPACITY = 16;

  private final Task task;
  private final int windowSize;
  private final MetricTotals cumulative;
  private final MetricTotals window;
  /** Buffers of the window's pairs: as long as N once the window is full, shorter while it fills. */
  private double[] predicted;
  private double[] actual;
  private double[] probability;
  private int next;
  private int filled;
  private int evictionsSinceRecompute;

  /**
   * @param task the learner's task
   * @param window N, the size of the sliding window, {@code > 0}
   */
  public PrequentialMetrics(Task task, int window) {
    if (task == null) {
      throw new IllegalArgumentException("prequential metrics task must be given");
    }
    if (window <= 0) {
      throw new IllegalArgumentException("prequential metrics window must be > 0 but was " + window);
    }
    this.task = task;
    this.windowSize = window;
    this.cumulative = new MetricTotals(task);
    this.window = new MetricTotals(task);
    allocate(Math.min(window, INITIAL_CAPACITY));
  }

  private void allocate(int capacity) {
    predicted = java.util.Arrays.copyOf(predicted == null ? new double[0] : predicted, capacity);
    actual = java.util.Arrays.copyOf(actual == null ? new double[0] : actual, capacity);
    probability = java.util.Arrays.copyOf(probability == null ? new double[0] : probability, capacity);
  }

  /**
   * Scores one prediction against its label. Labels: binary, positive when {@code > 0}; multiclass,
   * a class index; regression, any finite value. Throws {@link IllegalArgumentException} for a label
   * (or predicted label) that is not finite or not a class index.
   */
  public void record(Prediction prediction, double label) {
    double p = normalize(prediction.label(), "predicted label");
    double a = normalize(label, "label");
    // binary: P(1); multiclass: the probability given to the true class (for the log loss)
    double prob = task == Task.MULTICLASS ? prediction.probabilityOf((int) a) : prediction.probability();
    boolean evicting = filled == windowSize;
    if (evicting) {
      window.add(predicted[next], actual[next], probability[next], -1);
    } else {
      if (next == predicted.length) {
        allocate((int) Math.min(windowSize, 2L * predicted.length));
      }
      filled++;
    }
    predicted[next] = p;
    actual[next] = a;
    probability[next] = prob;
    next = next + 1 == windowSize ? 0 : next + 1;
    cumulative.add(p, a, prob, 1);
    window.add(p, a, prob, 1);
    if (evicting && ++evictionsSinceRecompute == windowSize) {
      recomputeWindowSums();
    }
  }

  private double normalize(double label, String what) {
    if (!Double.isFinite(label)) {
      throw new IllegalArgumentException(what + " is not finite: " + label);
    }
    if (task == Task.BINARY) {
      return label > 0 ? 1 : 0;
    }
    if (task == Task.MULTICLASS && (label != Math.rint(label) || label < 0 || label >= 1 << 16)) {
      throw new IllegalArgumentException(what + " " + label + " is not a class index");
    }
    return label;
  }

  private void recomputeWindowSums() {
    window.clearSums();
    double logLoss = 0;
    double absolute = 0;
    double squared = 0;
    double labels = 0;
    double labelSquares = 0;
    int oldest = filled == windowSize ? next : 0;
    for (int j = 0; j < filled; j++) {
      int k = (oldest + j) % windowSize;
      double error = predicted[k] - actual[k];
      absolute += Math.abs(error);
      squared += error * error;
      double centered = actual[k] - window.shift;
      labels += centered;
      labelSquares += centered * centered;
      if (task != Task.REGRESSION && !Double.isNaN(probability[k])) {
        logLoss += MetricTotals.logLoss(task, probability[k], (int) actual[k]);
      }
    }
    if (task == Task.REGRESSION) {
      window.absoluteErrorSum = absolute;
      window.squaredErrorSum = squared;
      window.labelSum = labels;
      window.labelSquareSum = labelSquares;
    } else {
      window.logLossSum = logLoss;
    }
    evictionsSinceRecompute = 0;
  }

  /** Rebuilds the window's totals from its pairs (for a format-1 snapshot, which lacks some). */
  private void rebuildWindow() {
    MetricTotals rebuilt = new MetricTotals(task);
    int oldest = filled == windowSize ? next : 0;
    for (int j = 0; j < filled; j++) {
      int k = (oldest + j) % windowSize;
      rebuilt.add(predicted[k], actual[k], probability[k], 1);
    }
    window.copyFrom(rebuilt);
  }

  /** The task the metrics are for. */
  public Task task() {
    return task;
  }

  /** N. */
  public int windowSize() {
    return windowSize;
  }

  /** Pairs recorded. */
  public long count() {
    return cumulative.count();
  }

  /** Cumulative accuracy (NaN before the first pair). */
  public double accuracy() {
    return cumulative.accuracy();
  }

  /** Accuracy over the last N pairs. */
  public double windowAccuracy() {
    return window.accuracy();
  }

  /** Every cumulative metric. */
  public MetricTotals cumulative() {
    return cumulative;
  }

  /** Every metric over the last N pairs. */
  public MetricTotals window() {
    return window;
  }

  /**
   * All defined metrics by name: the cumulative ones ({@code accuracy}, {@code kappa}, …, {@code mae},
   * {@code rmse}) and the windowed ones prefixed {@code window} ({@code windowAccuracy}, …).
   */
  public Map<String, Double> toMap() {
    Map<String, Double> map = new LinkedHashMap<>(cumulative.toMap(""));
    map.putAll(window.toMap("window"));
    return map;
  }

  /**
   * The versioned binary form (format {@value #VERSION}): magic "EDPM", version, task, N, cumulative
   * and window totals (see {@code MetricTotals.write}), the
   * window's pairs oldest first, and the evictions since the last recomputation of the window sums
   * (so that a restored instance continues bit for bit).
   */
  public byte[] toBytes() {
    return Framing.encode(MAGIC, VERSION, this::write);
  }

  private void write(DataOutput out) throws IOException {
    out.writeUTF(task.name());
    out.writeInt(windowSize);
    cumulative.write(out);
    window.write(out);
    out.writeInt(evictionsSinceRecompute);
    out.writeInt(filled);
    int oldest = filled == windowSize ? next : 0;
    for (int k = 0; k < filled; k++) {
      int i = (oldest + k) % windowSize;
      out.writeDouble(predicted[i]);
      out.writeDouble(actual[i]);
      out.writeDouble(probability[i]);
    }
  }

  /** Metrics from {@link #toBytes()}; {@link IllegalArgumentException} on malformed bytes. */
  public static PrequentialMetrics fromBytes(byte[] bytes) {
    return Framing.decode(bytes, MAGIC, WHAT, VERSION, PrequentialMetrics::read);
  }

  private static PrequentialMetrics read(DataInput in, int version) throws IOException {
    String taskName = in.readUTF();
    Task task;
    try {
      task = Task.valueOf(taskName);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown task '" + taskName + "'", e);
    }
    PrequentialMetrics metrics =
        new PrequentialMetrics(task, Framing.checkLength(in.readInt(), 1 << 26, "window"));
    metrics.cumulative.readFrom(in, version);
    metrics.window.readFrom(in, version);
    metrics.evictionsSinceRecompute =
        Framing.checkLength(in.readInt(), metrics.windowSize, "evictions");
    int filled = Framing.checkLength(in.readInt(), metrics.windowSize, "window fill");
    if (filled > metrics.predicted.length) {
      metrics.allocate(filled);
    }
    for (int k = 0; k < filled; k++) {
      metrics.predicted[k] = in.readDouble();
      metrics.actual[k] = in.readDouble();
      metrics.probability[k] = in.readDouble();
    }
    metrics.filled = filled;
    metrics.next = filled % metrics.windowSize;
    if (version == 1 && task != Task.BINARY) { // binary format-1 totals convert exactly
      metrics.rebuildWindow();
    }
    return metrics;
  }
}
