package dev.eddy.drift;

import static dev.eddy.learners.params.ParamException.require;

import dev.eddy.learners.params.Param;
import dev.eddy.learners.params.ParamSet;
import dev.eddy.learners.params.ParamValues;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Map;

/**
 * DDM (Drift Detection Method): J. Gama, P. Medas, G. Castillo and P. Rodrigues, "Learning with
 * Drift Detection", Brazilian Symposium on Artificial Intelligence (SBIA), LNCS 3171, 2004.
 *
 * <p>The input is the classifier's error indicator (1 = wrong). After n updates the error rate is
 * p = errors / n with binomial standard deviation s = sqrt(p (1 - p) / n). Once n &gt;= {@code
 * min-instances}, the detector keeps (p_min, s_min), the (p, s) at which p + s was smallest, and
 * reports
 *
 * <ul>
 *   <li>DRIFT when p + s &gt; p_min + {@code drift-level} * s_min (3: 99% confidence in the paper),
 *   <li>WARNING when p + s &gt; p_min + {@code warning-level} * s_min (2: 95%),
 *   <li>STABLE otherwise.
 * </ul>
 *
 * <p>As in the paper (and River and MOA), a run of {@code min-instances} correct predictions gives
 * p_min = s_min = 0, so the first error after it is a drift; use {@code hddm-a} or {@code adwin} for
 * nearly perfect models.
 */
public final class Ddm extends BaseDetector {
  /** The type name. */
  public static final String TYPE = "ddm";

  /**
   * DDM's parameters (defaults from the paper).
   *
   * @param minInstances updates before any test ({@code min-instances}, 30)
   * @param warningLevel warning multiplier of s_min ({@code warning-level}, 2.0)
   * @param driftLevel drift multiplier of s_min, at least the warning one ({@code drift-level}, 3.0)
   */
  public record Config(int minInstances, double warningLevel, double driftLevel) {
    static final Param<Integer> MIN_INSTANCES = Param.integer("min-instances", 30, "updates before any signal").atLeast(1);
    static final Param<Double> WARNING_LEVEL = Param.real("warning-level", 2.0,
        "standard deviations above the best p + s that signal a warning").above(0);
    static final Param<Double> DRIFT_LEVEL = Param.real("drift-level", 3.0,
        "standard deviations above the best p + s that signal a drift").above(0);

    /** The parameters, each declared once, in the order of the components. */
    public static final ParamSet PARAMS = ParamSet.of(TYPE, MIN_INSTANCES, WARNING_LEVEL, DRIFT_LEVEL);

    /** The defaults. */
    public static final Config DEFAULT = fromParams(Map.of());

    /** Validates every parameter; errors name it and its value. */
    public Config {
      PARAMS.check(minInstances, warningLevel, driftLevel);
      require(driftLevel >= warningLevel, TYPE, "drift-level", driftLevel,
          ">= warning-level (" + warningLevel + ")");
    }

    /** Reads spec parameters, defaults for missing ones. */
    public static Config fromParams(Map<String, String> raw) {
      ParamValues p = PARAMS.parse(raw);
      return new Config(p.get(MIN_INSTANCES), p.get(WARNING_LEVEL), p.get(DRIFT_LEVEL));
    }

    /** The spec parameters. */
    public Map<String, String> toParams() {
      return PARAMS.render(minInstances, warningLevel, driftLevel);
    }
  }

  private final Config config;
  private long errors;
  private double pMin;
  private double sMin;

  /** A fresh DDM. */
  public Ddm(Config config) {
    super(TYPE, InputDomain.BINARY);
    this.config = config;
    clear();
  }

  @Override
  Signal step(double error) {
    errors += (long) error;
    long n = updates();
    if (n < config.minInstances()) {
      return Signal.STABLE;
    }
    double p = errorRate();
    double s = std();
    if (p + s <= pMin + sMin) {
      pMin = p;
      sMin = s;
    }
    if (p + s > pMin + config.driftLevel() * sMin) {
      return Signal.DRIFT;
    }
    if (p + s > pMin + config.warningLevel() * sMin) {
      return Signal.WARNING;
    }
    return Signal.STABLE;
  }

  /** The error rate p since the last reset. */
  public double errorRate() {
    return updates() == 0 ? 0 : (double) errors / updates();
  }

  /** The binomial standard deviation s of the error rate. */
  public double std() {
    double p = errorRate();
    return updates() == 0 ? 0 : Math.sqrt(p * (1 - p) / updates());
  }

  /** p at the minimum of p + s (infinite before {@code min-instances} updates). */
  public double pMin() {
    return pMin;
  }

  /** s at the minimum of p + s (infinite before {@code min-instances} updates). */
  public double sMin() {
    return sMin;
  }

  @Override
  void clear() {
    errors = 0;
    pMin = Double.POSITIVE_INFINITY;
    sMin = Double.POSITIVE_INFINITY;
  }

  @Override
  Map<String, String> ruleParameters() {
    return config.toParams();
  }

  @Override
  public Map<String, Double> statistics() {
    return stats("n", updates(), "p", errorRate(), "s", std(), "p-min", pMin, "s-min", sMin);
  }

  @Override
  void writeState(DataOutput out) throws IOException {
    out.writeLong(errors);
    out.writeDouble(pMin);
    out.writeDouble(sMin);
  }

  @Override
  void readState(DataInput in, int version) throws IOException {
    errors = in.readLong();
    pMin = in.readDouble();
    sMin = in.readDouble();
  }
}
