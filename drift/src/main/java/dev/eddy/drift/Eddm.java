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
 * EDDM (Early Drift Detection Method): M. Baena-García, J. del Campo-Ávila, R. Fidalgo, A. Bifet,
 * R. Gavaldà and R. Morales-Bueno, "Early Drift Detection Method", Fourth International Workshop on
 * Knowledge Discovery from Data Streams, 2006.
 *
 * <p>The input is the classifier's error indicator (1 = wrong). EDDM watches the distance (in
 * updates) between consecutive errors: while a model improves, errors spread out. At every error it
 * updates the mean p' and the (population) standard deviation s' of the distances (Welford's
 * recurrence). Once {@code min-errors} errors have been seen it keeps the maximum of p' + 2 s' and
 * tests the ratio r = (p' + 2 s') / max(p' + 2 s'):
 *
 * <ul>
 *   <li>DRIFT when r &lt; {@code drift-threshold} (0.90 in the paper),
 *   <li>WARNING when r &lt; {@code warning-threshold} (0.95), a zone that persists across the
 *       correct predictions that follow until the next error is tested,
 *   <li>STABLE otherwise (and whenever p' + 2 s' sets a new maximum).
 * </ul>
 */
public final class Eddm extends BaseDetector {
  /** The type name. */
  public static final String TYPE = "eddm";

  /**
   * EDDM's parameters (defaults from the paper).
   *
   * @param warningThreshold warning when the ratio falls below it, in (0, 1] ({@code
   *     warning-threshold}, 0.95)
   * @param driftThreshold drift when the ratio falls below it, in (0, warning-threshold] ({@code
   *     drift-threshold}, 0.90)
   * @param minErrors errors before any test ({@code min-errors}, 30)
   */
  public record Config(double warningThreshold, double driftThreshold, int minErrors) {
    static final Param<Double> WARNING_THRESHOLD = Param.real("warning-threshold", 0.95,
        "warning when the distance between errors falls below this share of its best")
        .above(0).atMost(1);
    static final Param<Double> DRIFT_THRESHOLD = Param.real("drift-threshold", 0.90,
        "drift when the distance between errors falls below this share of its best")
        .above(0).atMost(1);
    static final Param<Integer> MIN_ERRORS = Param.integer("min-errors", 30, "errors before any signal").atLeast(1);

    /** The parameters, each declared once, in the order of the components. */
    public static final ParamSet PARAMS = ParamSet.of(TYPE, WARNING_THRESHOLD, DRIFT_THRESHOLD, MIN_ERRORS);

    /** The defaults. */
    public static final Config DEFAULT = fromParams(Map.of());

    /** Validates every parameter; errors name it and its value. */
    public Config {
      PARAMS.check(warningThreshold, driftThreshold, minErrors);
      require(driftThreshold <= warningThreshold, TYPE, "drift-threshold", driftThreshold,
          "in (0, warning-threshold = " + warningThreshold + "]");
    }

    /** Reads spec parameters, defaults for missing ones. */
    public static Config fromParams(Map<String, String> raw) {
      ParamValues p = PARAMS.parse(raw);
      return new Config(p.get(WARNING_THRESHOLD), p.get(DRIFT_THRESHOLD), p.get(MIN_ERRORS));
    }

    /** The spec parameters. */
    public Map<String, String> toParams() {
      return PARAMS.render(warningThreshold, driftThreshold, minErrors);
    }
  }

  private final Config config;
  private long errors;
  private long lastError; // update number of the last error (0: none yet)
  private double mean;
  private double m2;
  private double max;
  private boolean warning;

  /** A fresh EDDM. */
  public Eddm(Config config) {
    super(TYPE, InputDomain.BINARY);
    this.config = config;
  }

  @Override
  Signal step(double error) {
    if (error == 0) {
      return warning ? Signal.WARNING : Signal.STABLE;
    }
    errors++;
    double distance = updates() - lastError;
    lastError = updates();
    double d = distance - mean;
    mean += d / errors;
    m2 += d * (distance - mean);
    if (errors < config.minErrors()) {
      return Signal.STABLE;
    }
    double level = level();
    if (level > max) {
      max = level;
      warning = false;
      return Signal.STABLE;
    }
    double ratio = level / max;
    if (ratio < config.driftThreshold()) {
      warning = false;
      return Signal.DRIFT;
    }
    warning = ratio < config.warningThreshold();
    return warning ? Signal.WARNING : Signal.STABLE;
  }

  /** Mean distance p' between consecutive errors. */
  public double meanDistance() {
    return mean;
  }

  /** Population standard deviation s' of the distances. */
  public double stdDistance() {
    return errors == 0 ? 0 : Math.sqrt(m2 / errors);
  }

  /** p' + 2 s'. */
  public double level() {
    return mean + 2 * stdDistance();
  }

  /** The maximum of p' + 2 s' since {@code min-errors} errors (0 before). */
  public double maxLevel() {
    return max;
  }

  @Override
  void clear() {
    errors = 0;
    lastError = 0;
    mean = 0;
    m2 = 0;
    max = 0;
    warning = false;
  }

  @Override
  Map<String, String> ruleParameters() {
    return config.toParams();
  }

  @Override
  public Map<String, Double> statistics() {
    return stats(
        "errors", errors, "mean-distance", mean, "std-distance", stdDistance(), "level", level(), "max-level", max);
  }

  @Override
  void writeState(DataOutput out) throws IOException {
    out.writeLong(errors);
    out.writeLong(lastError);
    out.writeDouble(mean);
    out.writeDouble(m2);
    out.writeDouble(max);
    out.writeBoolean(warning);
  }

  @Override
  void readState(DataInput in, int version) throws IOException {
    errors = in.readLong();
    lastError = in.readLong();
    mean = in.readDouble();
    m2 = in.readDouble();
    max = in.readDouble();
    warning = in.readBoolean();
  }
}
