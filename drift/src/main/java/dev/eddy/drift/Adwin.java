package dev.eddy.drift;

import dev.eddy.learners.params.Param;
import dev.eddy.learners.params.ParamSet;
import dev.eddy.learners.params.ParamValues;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Map;

/**
 * ADWIN (ADaptive WINdowing), in its ADWIN2 form: A. Bifet and R. Gavaldà, "Learning from
 * Time-Changing Data with Adaptive Windowing", SIAM International Conference on Data Mining (SDM),
 * 2007.
 *
 * <p>The window W is summarised by an {@link ExponentialHistogram} with at most M = {@code
 * max-buckets} buckets of each size (the paper's compression). Every
 * {@code clock} updates, every split of W at a bucket boundary into an older W0 (n0 values) and a
 * newer W1 (n1 values), both at least {@code min-window-length} long, is tested: if
 *
 * <pre>|mean(W0) - mean(W1)| &gt; eps_cut = sqrt(2 (1/n0 + 1/n1) var(W) ln(2/d')) + (2/3) (1/n0 + 1/n1) ln(2/d')</pre>
 *
 * with d' = delta / ln|W| (the union bound over the O(log |W|) cuts ADWIN2 checks, as in the
 * authors' MOA implementation), the oldest bucket is dropped and the test repeats. Theorem 3 of the
 * paper: with a stationary mean the window shrinks at a check with probability at most delta; a
 * difference of means above 2 eps_cut is detected with probability at least 1 - delta.
 *
 * <p>Signals: DRIFT when the window shrank at this update and its mean moved in a watched {@code
 * direction} (the window's mean after the cuts against its mean before this update, as MOA's
 * {@code ADWINChangeDetector} compares its estimates; {@code up}, the default, reports only a
 * rising mean: on an error stream a model that got better is no drift). A cut in an unwatched
 * direction still shrinks the window, silently, so the estimate keeps adapting; {@code both} is
 * ADWIN as in the paper. ADWIN has no warning level. On the first update after a drift the whole
 * window is dropped (the detector contract), not only the part ADWIN cut.
 */
public final class Adwin extends BaseDetector {
  /** The type name. */
  public static final String TYPE = "adwin";

  /**
   * ADWIN's parameters (defaults from the paper's experiments and MOA).
   *
   * @param delta confidence of the cut test, in (0, 1) ({@code delta}, 0.002)
   * @param clock test for cuts every this many updates ({@code clock}, 32)
   * @param minWindowLength shortest sub-window a cut may leave ({@code min-window-length}, 5)
   * @param maxBuckets M, the buckets kept per row ({@code max-buckets}, 5); relative cut-position
   *     error is about 1/M
   * @param direction which moves of the mean are drifts ({@code direction}: up, down or both; up)
   */
  public record Config(double delta, int clock, int minWindowLength, int maxBuckets, Direction direction) {
    static final Param<Double> DELTA = Param.real("delta", 0.002,
        "confidence of the cut test: smaller means fewer false alarms, later detection")
        .above(0).below(1).log();
    static final Param<Integer> CLOCK = Param.integer("clock", 32, "test for cuts every this many updates").atLeast(1);
    static final Param<Integer> MIN_WINDOW_LENGTH = Param.integer("min-window-length", 5,
        "shortest sub-window a cut may leave").atLeast(1);
    static final Param<Integer> MAX_BUCKETS = Param.integer("max-buckets", 5,
        "M, buckets kept per histogram row; cut-position error is about 1/M").atLeast(2);
    static final Param<String> DIRECTION = Direction.PARAM;

    /** The parameters, each declared once, in the order of the components. */
    public static final ParamSet PARAMS =
        ParamSet.of(TYPE, DELTA, CLOCK, MIN_WINDOW_LENGTH, MAX_BUCKETS, DIRECTION);

    /** The defaults. */
    public static final Config DEFAULT = fromParams(Map.of());

    /** Validates every parameter; errors name it and its value. */
    public Config {
      PARAMS.check(delta, clock, minWindowLength, maxBuckets, direction);
    }

    /** Reads spec parameters, defaults for missing ones. */
    public static Config fromParams(Map<String, String> raw) {
      ParamValues p = PARAMS.parse(raw);
      return new Config(p.get(DELTA), p.get(CLOCK), p.get(MIN_WINDOW_LENGTH), p.get(MAX_BUCKETS),
          Direction.of(p.get(DIRECTION)));
    }

    /** The spec parameters. */
    public Map<String, String> toParams() {
      return PARAMS.render(delta, clock, minWindowLength, maxBuckets, direction);
    }
  }

  private final Config config;
  private final ExponentialHistogram window;

  /** A fresh ADWIN. */
  public Adwin(Config config) {
    super(TYPE, InputDomain.REAL);
    this.config = config;
    this.window = new ExponentialHistogram(config.maxBuckets());
  }

  /** The parameters. */
  public Config config() {
    return config;
  }

  @Override
  Signal step(double x) {
    double before = mean();
    window.insert(x);
    if (updates() % config.clock() != 0) {
      return Signal.STABLE;
    }
    boolean shrank = false;
    while (cutExists()) {
      window.dropOldest();
      shrank = true;
    }
    if (!shrank) {
      return Signal.STABLE;
    }
    double after = mean();
    Direction d = config.direction();
    boolean watched = d == Direction.BOTH || (d.up() && after > before) || (d.down() && after < before);
    return watched ? Signal.DRIFT : Signal.STABLE;
  }

  /** True if some split W0 W1 at a bucket boundary passes the cut test. */
  private boolean cutExists() {
    int minLen = config.minWindowLength();
    long width = window.width();
    if (width < 2L * minLen) {
      return false;
    }
    double variance = window.variance();
    double logTerm = Math.log(2 * Math.log(width) / config.delta());
    double n0 = 0;
    double u0 = 0;
    double n1 = width;
    double u1 = window.total();
    for (int r = window.rows() - 1; r >= 0; r--) {
      double size = Math.scalb(1.0, r);
      for (int i = 0; i < window.count(r); i++) {
        double s = window.sum(r, i);
        n0 += size;
        n1 -= size;
        u0 += s;
        u1 -= s;
        if (n1 < minLen) {
          return false; // every later cut leaves W1 even shorter
        }
        if (n0 >= minLen) {
          double inv = 1 / n0 + 1 / n1;
          double eps = Math.sqrt(2 * inv * variance * logTerm) + 2.0 / 3.0 * inv * logTerm;
          if (Math.abs(u0 / n0 - u1 / n1) > eps) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /** Number of values in the window. */
  public long width() {
    return window.width();
  }

  /** Mean of the window (0 when empty). */
  public double mean() {
    return window.width() == 0 ? 0 : window.total() / window.width();
  }

  /** Variance of the window (population; 0 when empty). */
  public double variance() {
    return window.variance();
  }

  /** Number of buckets in the histogram. */
  public int buckets() {
    return window.buckets();
  }

  /** Number of values in each bucket, oldest first (for tests and plots). */
  public long[] bucketSizes() {
    long[] out = new long[window.buckets()];
    int k = 0;
    for (int r = window.rows() - 1; r >= 0; r--) {
      for (int i = 0; i < window.count(r); i++) {
        out[k++] = 1L << r;
      }
    }
    return out;
  }

  @Override
  void clear() {
    window.clear();
  }

  @Override
  Map<String, String> ruleParameters() {
    return config.toParams();
  }

  @Override
  public Map<String, Double> statistics() {
    return stats("width", width(), "mean", mean(), "variance", variance(), "buckets", buckets());
  }

  @Override
  void writeState(DataOutput out) throws IOException {
    window.write(out);
  }

  @Override
  void readState(DataInput in, int version) throws IOException {
    window.read(in);
  }
}
