package dev.eddy.drift;

import dev.eddy.learners.params.Param;
import dev.eddy.learners.params.ParamSet;
import dev.eddy.learners.params.ParamValues;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Map;

/**
 * The tabular CUSUM: E. S. Page, "Continuous Inspection Schemes", Biometrika 41(1/2), 1954, with
 * the reference value and decision interval in units of the in-control standard deviation (D. C.
 * Montgomery, "Introduction to Statistical Quality Control", ch. 9: k = 0.5, h = 5).
 *
 * <p>The first {@code min-instances} values estimate the in-control mean mu and (sample) standard
 * deviation sigma, which are then frozen (a running mean would chase the shift being detected).
 * Each later value updates C+ = max(0, C+ + x - mu - k sigma) and C- = max(0, C- + mu - x - k
 * sigma), k = {@code slack}; DRIFT when a watched sum exceeds h sigma, h = {@code threshold}. There
 * is no warning level. Siegmund's approximation gives the one-sided in-control average run length
 * (e^(2 k b) - 2 k b - 1) / (2 k^2), b = h + 1.166: about 938 for k = 0.5, h = 5 (469 two-sided).
 * A constant warm-up gives sigma = 0, so any later deviation is a drift. Suited to standardized
 * features (feature drift, where {@link FeatureDriftMonitor} watches both directions); for error
 * streams prefer the binary detectors.
 */
public final class Cusum extends BaseDetector {
  /** The type name. */
  public static final String TYPE = "cusum";

  /**
   * CUSUM's parameters.
   *
   * @param minInstances values that estimate the in-control mean and deviation, &gt;= 2 ({@code
   *     min-instances}, 30)
   * @param slack k, the reference value in standard deviations, &gt;= 0 ({@code slack}, 0.5)
   * @param threshold h, the decision interval in standard deviations, &gt; 0 ({@code threshold}, 5)
   * @param direction changes watched ({@code direction}: up, down or both; up, as on an error
   *     stream; feature drift asks for both)
   */
  public record Config(int minInstances, double slack, double threshold, Direction direction) {
    static final Param<Integer> MIN_INSTANCES = Param.integer("min-instances", 30,
        "updates that estimate the reference mean and deviation").atLeast(2);
    static final Param<Double> SLACK = Param.real("slack", 0.5, "k: standardized shift ignored per update").atLeast(0);
    static final Param<Double> THRESHOLD = Param.real("threshold", 5.0, "h: cumulative sum that signals a drift").above(0);
    static final Param<String> DIRECTION = Direction.PARAM;

    /** The parameters, each declared once, in the order of the components. */
    public static final ParamSet PARAMS = ParamSet.of(TYPE, MIN_INSTANCES, SLACK, THRESHOLD, DIRECTION);

    /** The defaults. */
    public static final Config DEFAULT = fromParams(Map.of());

    /** Validates every parameter; errors name it and its value. */
    public Config {
      PARAMS.check(minInstances, slack, threshold, direction);
    }

    /** Reads spec parameters, defaults for missing ones. */
    public static Config fromParams(Map<String, String> raw) {
      ParamValues p = PARAMS.parse(raw);
      return new Config(p.get(MIN_INSTANCES), p.get(SLACK), p.get(THRESHOLD), Direction.of(p.get(DIRECTION)));
    }

    /** The spec parameters. */
    public Map<String, String> toParams() {
      return PARAMS.render(minInstances, slack, threshold, direction);
    }
  }

  private final Config config;
  private double mean; // warm-up mean, frozen as mu afterwards
  private double m2; // warm-up sum of squared deviations
  private double sigma;
  private double up;
  private double down;

  /** A fresh CUSUM. */
  public Cusum(Config config) {
    super(TYPE, InputDomain.REAL);
    this.config = config;
  }

  @Override
  Signal step(double x) {
    long n = updates();
    int warmUp = config.minInstances();
    if (n <= warmUp) {
      double d = x - mean;
      mean += d / n;
      m2 += d * (x - mean);
      if (n == warmUp) {
        sigma = Math.sqrt(m2 / (n - 1));
      }
      return Signal.STABLE;
    }
    double k = config.slack() * sigma;
    up = Math.max(0, up + x - mean - k);
    down = Math.max(0, down + mean - x - k);
    double h = config.threshold() * sigma;
    Direction dir = config.direction();
    boolean drift = (dir.up() && up > h) || (dir.down() && down > h);
    return drift ? Signal.DRIFT : Signal.STABLE;
  }

  /** The in-control mean (the running warm-up mean until the warm-up ends). */
  public double reference() {
    return mean;
  }

  /** The in-control standard deviation (0 until the warm-up ends). */
  public double sigma() {
    return sigma;
  }

  /** C+, the increase sum. */
  public double upSum() {
    return up;
  }

  /** C-, the decrease sum. */
  public double downSum() {
    return down;
  }

  @Override
  void clear() {
    mean = 0;
    m2 = 0;
    sigma = 0;
    up = 0;
    down = 0;
  }

  @Override
  Map<String, String> ruleParameters() {
    return config.toParams();
  }

  @Override
  public Map<String, Double> statistics() {
    return stats("n", updates(), "reference", mean, "sigma", sigma, "up-sum", up, "down-sum", down);
  }

  @Override
  void writeState(DataOutput out) throws IOException {
    out.writeDouble(mean);
    out.writeDouble(m2);
    out.writeDouble(sigma);
    out.writeDouble(up);
    out.writeDouble(down);
  }

  @Override
  void readState(DataInput in, int version) throws IOException {
    mean = in.readDouble();
    m2 = in.readDouble();
    sigma = in.readDouble();
    up = in.readDouble();
    down = in.readDouble();
  }
}
