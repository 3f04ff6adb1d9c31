package dev.eddy.drift;

import static dev.eddy.drift.params.Params.require;

import dev.eddy.drift.params.Params;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.List;
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
  public record Config(
      double delta, double lambda, double alpha, int minInstances, Direction direction) {
    /** The defaults. */
    public static final Config DEFAULT = new Config(0.005, 50, 1 - 1e-4, 30, Direction.UP);

    static final List<String> PARAMETERS =
        List.of("delta", "lambda", "alpha", "min-instances", "direction");

    /** Validates every parameter; errors name it and its value. */
    public Config {
      require(delta >= 0 && Double.isFinite(delta), TYPE, "delta", delta, ">= 0");
      require(lambda > 0 && Double.isFinite(lambda), TYPE, "lambda", lambda, "> 0");
      require(alpha > 0 && alpha <= 1, TYPE, "alpha", alpha, "in (0, 1]");
      require(minInstances >= 1, TYPE, "min-instances", minInstances, ">= 1");
      require(direction != null, TYPE, "direction", direction, "one of up, down, both");
    }

    /** Reads spec parameters, defaults for missing ones. */
    public static Config fromParams(Map<String, String> raw) {
      Params p = Params.of(TYPE, raw, PARAMETERS);
      return new Config(
          p.real("delta", DEFAULT.delta),
          p.real("lambda", DEFAULT.lambda),
          p.real("alpha", DEFAULT.alpha),
          p.integer("min-instances", DEFAULT.minInstances),
          Direction.of(p.choice("direction", DEFAULT.direction.specName(), Direction.NAMES)));
    }

    /** The spec parameters. */
    public Map<String, String> toParams() {
      return Params.ordered(
          "delta", delta, "lambda", lambda, "alpha", alpha, "min-instances", minInstances,
          "direction", direction);
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
  public Map<String, String> parameters() {
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
