package dev.eddy.drift;

import dev.eddy.learners.params.Param;
import dev.eddy.learners.params.ParamSet;
import dev.eddy.learners.params.ParamValues;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Map;

/**
 * The Page-Hinkley test: E. S. Page, "Continuous Inspection Schemes", Biometrika 41(1/2), 1954
 * (in the form used for drift detection by Gama et al., e.g. "A survey on concept drift
 * adaptation", ACM Computing Surveys 46(4), 2014).
 *
 * <p>With x̄_n the mean of the n values since the reset, the cumulative deviation m_n = sum (x_t -
 * x̄_t - delta) is compared with its running minimum: PH_n = m_n - min m_t &gt; {@code lambda}
 * signals an increase. This implementation uses the equivalent Lindley recursion U_n = max(0,
 * alpha U_(n-1) + x_n - x̄_n - delta) (equal to PH_n when alpha = 1; {@code alpha} &lt; 1 fades old
 * deviations), and its mirror L_n = max(0, alpha L_(n-1) + x̄_n - x_n - delta) for decreases.
 * After {@code min-instances} values, DRIFT when the watched sum exceeds {@code lambda}; the test
 * has no warning level. By Siegmund's approximation the mean run length to a false alarm on a
 * stationary stream of variance s^2 is about (e^(2 delta b / s^2) - 2 delta b / s^2 - 1) s^2 / (2
 * delta^2), b = lambda + 0.583 s; fading only lengthens it.
 */
public final class PageHinkley extends BaseDetector {
  /** The type name. */
  public static final String TYPE = "page-hinkley";

  /**
   * Page-Hinkley's parameters (the paper fixes no values; defaults as in MOA and River).
   *
   * @param delta magnitude of change tolerated, &gt;= 0 ({@code delta}, 0.005)
   * @param lambda detection threshold, &gt; 0 ({@code lambda}, 50)
   * @param alpha fading factor of the cumulative sums, in (0, 1] ({@code alpha}, 1 - 1e-4)
   * @param minInstances values before any test ({@code min-instances}, 30)
   * @param direction changes watched ({@code direction}: up, down or both; up)
   */
  public record Config(double delta, double lambda, double alpha, int minInstances, Direction direction) {
    static final Param<Double> DELTA = Param.real("delta", 0.005, "magnitude of change tolerated").atLeast(0);
    static final Param<Double> LAMBDA = Param.real("lambda", 50, "threshold of the cumulative deviation").above(0).log();
    static final Param<Double> ALPHA = Param.real("alpha", 1 - 1e-4, "forgetting factor of the cumulative sum")
        .above(0).atMost(1);
    static final Param<Integer> MIN_INSTANCES = Param.integer("min-instances", 30, "updates before any signal").atLeast(1);
    static final Param<String> DIRECTION = Direction.PARAM;

    /** The parameters, each declared once, in the order of the components. */
    public static final ParamSet PARAMS = ParamSet.of(TYPE, DELTA, LAMBDA, ALPHA, MIN_INSTANCES, DIRECTION);

    /** The defaults. */
    public static final Config DEFAULT = fromParams(Map.of());

    /** Validates every parameter; errors name it and its value. */
    public Config {
      PARAMS.check(delta, lambda, alpha, minInstances, direction);
    }

    /** Reads spec parameters, defaults for missing ones. */
    public static Config fromParams(Map<String, String> raw) {
      ParamValues p = PARAMS.parse(raw);
      return new Config(p.get(DELTA), p.get(LAMBDA), p.get(ALPHA), p.get(MIN_INSTANCES), Direction.of(p.get(DIRECTION)));
    }

    /** The spec parameters. */
    public Map<String, String> toParams() {
      return PARAMS.render(delta, lambda, alpha, minInstances, direction);
    }
  }

  private final Config config;
  private double mean;
  private double up;
  private double down;

  /** A fresh Page-Hinkley test. */
  public PageHinkley(Config config) {
    super(TYPE, InputDomain.REAL);
    this.config = config;
  }

  @Override
  Signal step(double x) {
    mean += (x - mean) / updates();
    up = Math.max(0, config.alpha() * up + x - mean - config.delta());
    down = Math.max(0, config.alpha() * down + mean - x - config.delta());
    if (updates() < config.minInstances()) {
      return Signal.STABLE;
    }
    Direction d = config.direction();
    boolean drift = (d.up() && up > config.lambda()) || (d.down() && down > config.lambda());
    return drift ? Signal.DRIFT : Signal.STABLE;
  }

  /** Mean x̄ of the values since the reset. */
  public double mean() {
    return mean;
  }

  /** The increase statistic U. */
  public double upSum() {
    return up;
  }

  /** The decrease statistic L. */
  public double downSum() {
    return down;
  }

  @Override
  void clear() {
    mean = 0;
    up = 0;
    down = 0;
  }

  @Override
  Map<String, String> ruleParameters() {
    return config.toParams();
  }

  @Override
  public Map<String, Double> statistics() {
    return stats("n", updates(), "mean", mean, "up-sum", up, "down-sum", down);
  }

  @Override
  void writeState(DataOutput out) throws IOException {
    out.writeDouble(mean);
    out.writeDouble(up);
    out.writeDouble(down);
  }

  @Override
  void readState(DataInput in, int version) throws IOException {
    mean = in.readDouble();
    up = in.readDouble();
    down = in.readDouble();
  }
}
