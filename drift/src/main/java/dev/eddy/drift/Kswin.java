package dev.eddy.drift;

import static dev.eddy.learners.params.ParamException.require;

import dev.eddy.learners.params.Param;
import dev.eddy.learners.params.ParamSet;
import dev.eddy.learners.params.ParamValues;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;
import java.util.Map;

/**
 * KSWIN (Kolmogorov-Smirnov WINdowing): C. Raab, M. Heusinger and F.-M. Schleif, "Reactive Soft
 * Prototype Computing for Concept Drift Streams", Neurocomputing 416, 2020.
 *
 * <p>A sliding window Psi of the last n = {@code window-size} values. Once it is full, every update
 * takes R = the newest r = {@code stat-size} values and W = r values drawn uniformly without
 * replacement from the n - r older ones (a seeded generator, so runs are reproducible), and computes
 * the two-sample Kolmogorov-Smirnov distance D(R, W) = sup |F_R - F_W|. DRIFT when D &gt; sqrt(-ln
 * {@code alpha} / r), the paper's criterion; there is no warning level. For equal sample sizes the
 * asymptotic Smirnov bound gives each test a false-alarm probability of at most 2 alpha. Resetting
 * (on the first update after a drift) empties the window and reseeds the generator.
 *
 * <p>{@code direction}: {@code both} is the paper's two-sided test. {@code up} (the default, for
 * error streams) uses Smirnov's one-sided statistic D+ = sup (F_W - F_R), large when the newest
 * values are stochastically larger, and {@code down} its mirror D- = sup (F_R - F_W); the same
 * threshold then bounds each test's false-alarm probability by alpha (P(D+ &gt; t) ~ e^(-r t^2)).
 */
public final class Kswin extends BaseDetector {
  /** The type name. */
  public static final String TYPE = "kswin";

  /**
   * KSWIN's parameters (defaults from the paper's experiments and River).
   *
   * @param alpha significance of the KS test, in (0, 1) ({@code alpha}, 0.005)
   * @param windowSize n, the sliding window, at least 2 r ({@code window-size}, 100)
   * @param statSize r, the size of both compared samples, &gt;= 1 ({@code stat-size}, 30)
   * @param seed seed of the sampling generator ({@code seed}, 1)
   * @param direction which shifts are drifts ({@code direction}: up, down or both; up)
   */
  public record Config(double alpha, int windowSize, int statSize, long seed, Direction direction) {
    static final Param<Double> ALPHA = Param.real("alpha", 0.005,
        "significance of the Kolmogorov-Smirnov test").above(0).below(1).log();
    static final Param<Integer> WINDOW_SIZE = Param.integer("window-size", 100, "values kept, >= 2 * stat-size").atLeast(2);
    static final Param<Integer> STAT_SIZE = Param.integer("stat-size", 30, "newest values compared with a sample of the rest")
        .atLeast(1);
    static final Param<Long> SEED = Param.longInteger("seed", 1, "seed of the sampling");
    static final Param<String> DIRECTION = Direction.PARAM;

    /** The parameters, each declared once, in the order of the components. */
    public static final ParamSet PARAMS = ParamSet.of(TYPE, ALPHA, WINDOW_SIZE, STAT_SIZE, SEED, DIRECTION);

    /** The defaults. */
    public static final Config DEFAULT = fromParams(Map.of());

    /** Validates every parameter; errors name it and its value. */
    public Config {
      PARAMS.check(alpha, windowSize, statSize, seed, direction);
      require(windowSize >= 2L * statSize, TYPE, "window-size", windowSize,
          ">= 2 * stat-size = " + 2L * statSize);
    }

    /** Reads spec parameters, defaults for missing ones. */
    public static Config fromParams(Map<String, String> raw) {
      ParamValues p = PARAMS.parse(raw);
      return new Config(p.get(ALPHA), p.get(WINDOW_SIZE), p.get(STAT_SIZE), p.get(SEED),
          Direction.of(p.get(DIRECTION)));
    }

    /** The spec parameters. */
    public Map<String, String> toParams() {
      return PARAMS.render(alpha, windowSize, statSize, seed, direction);
    }
  }

  private final Config config;
  private final double threshold;
  private final double[] window; // ring buffer; when full the oldest value is at next
  private final double[] recent;
  private final double[] sample;
  private final int[] indices;
  private final SplitMix64 random;
  private int size;
  private int next;
  private double distance;

  /** A fresh KSWIN. */
  public Kswin(Config config) {
    super(TYPE, InputDomain.REAL);
    this.config = config;
    this.threshold = Math.sqrt(-Math.log(config.alpha()) / config.statSize());
    this.window = new double[config.windowSize()];
    this.recent = new double[config.statSize()];
    this.sample = new double[config.statSize()];
    this.indices = new int[config.windowSize() - config.statSize()];
    this.random = new SplitMix64(config.seed());
  }

  @Override
  Signal step(double x) {
    int n = window.length;
    window[next] = x;
    next = next + 1 == n ? 0 : next + 1;
    if (size < n) {
      size++;
      if (size < n) {
        return Signal.STABLE;
      }
    }
    int r = recent.length;
    for (int i = 0; i < r; i++) {
      recent[i] = at(n - r + i);
    }
    // Partial Fisher-Yates: the first r entries of indices become a uniform r-subset of [0, n - r).
    for (int i = 0; i < indices.length; i++) {
      indices[i] = i;
    }
    for (int i = 0; i < r; i++) {
      int j = i + random.nextInt(indices.length - i);
      int t = indices[i];
      indices[i] = indices[j];
      indices[j] = t;
      sample[i] = at(indices[i]);
    }
    Arrays.sort(recent);
    Arrays.sort(sample);
    distance = ksDistance(sample, recent, config.direction());
    return distance > threshold ? Signal.DRIFT : Signal.STABLE;
  }

  /** The i-th value of the full window, 0 = oldest. */
  private double at(int i) {
    int k = next + i;
    return window[k >= window.length ? k - window.length : k];
  }

  /** sup |F_a - F_b| over two sorted samples, ties stepped together. */
  static double ksDistance(double[] a, double[] b) {
    return ksDistance(a, b, Direction.BOTH);
  }

  /**
   * Over two sorted samples, ties stepped together: sup (F_a - F_b) for {@code up} (b larger), sup
   * (F_b - F_a) for {@code down}, sup |F_a - F_b| for {@code both}.
   */
  static double ksDistance(double[] a, double[] b, Direction direction) {
    int i = 0;
    int j = 0;
    double d = 0;
    while (i < a.length && j < b.length) {
      double v = Math.min(a[i], b[j]);
      while (i < a.length && a[i] <= v) {
        i++;
      }
      while (j < b.length && b[j] <= v) {
        j++;
      }
      double gap = (double) i / a.length - (double) j / b.length;
      d = Math.max(d, direction == Direction.BOTH ? Math.abs(gap) : direction.up() ? gap : -gap);
    }
    return d;
  }

  /** The KS distance of the last test (0 before the window first fills). */
  public double distance() {
    return distance;
  }

  /** The drift threshold sqrt(-ln alpha / r). */
  public double threshold() {
    return threshold;
  }

  @Override
  void clear() {
    size = 0;
    next = 0;
    distance = 0;
    random.setState(config.seed());
  }

  @Override
  Map<String, String> ruleParameters() {
    return config.toParams();
  }

  @Override
  public Map<String, Double> statistics() {
    return stats("window", size, "distance", distance, "threshold", threshold);
  }

  @Override
  void writeState(DataOutput out) throws IOException {
    out.writeInt(size);
    out.writeInt(next);
    out.writeDouble(distance);
    out.writeLong(random.state());
    for (int i = 0; i < size; i++) {
      out.writeDouble(window[i]);
    }
  }

  @Override
  void readState(DataInput in, int version) throws IOException {
    size = in.readInt();
    next = in.readInt();
    if (size < 0 || size > window.length || next < 0 || next >= window.length) {
      throw new IOException("kswin: bad window position " + size + "/" + next);
    }
    distance = in.readDouble();
    random.setState(in.readLong());
    for (int i = 0; i < size; i++) {
      window[i] = in.readDouble();
    }
  }
}
