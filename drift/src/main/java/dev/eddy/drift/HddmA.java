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
 * HDDM with the A-test: I. Frías-Blanco, J. del Campo-Ávila, G. Ramos-Jiménez, R. Morales-Bueno, A.
 * Ortiz-Díaz and Y. Caballero-Mota, "Online and Non-Parametric Drift Detection Methods Based on
 * Hoeffding's Bounds", IEEE Transactions on Knowledge and Data Engineering 27(3), 2015.
 *
 * <p>The input is the classifier's error indicator (1 = wrong). Z is the mean of all n values since
 * the reset. The cut point X (the prefix of n_x values with mean X) is moved to the present whenever
 * X + eps(n_x) &gt;= Z + eps(n), with the Hoeffding radius eps(k) = sqrt(ln(1/a_D) / (2k)), so X
 * tracks the lowest plausible past error rate. The A-test then reports a rise of the error rate
 * when
 *
 * <pre>Z - X &gt;= sqrt((n - n_x) / (2 n_x n) ln(2/a))</pre>
 *
 * (Hoeffding's inequality for the difference of the two means, the paper's Theorem): DRIFT at a =
 * {@code drift-confidence}, else WARNING at a = {@code warning-confidence}, else STABLE. With
 * {@code two-sided} a second cut point tracks the highest plausible past rate and a fall is
 * reported the same way. The formulas follow the authors' MOA implementation. The paper bounds the
 * false-alarm probability of each test by a.
 */
public final class HddmA extends BaseDetector {
  /** The type name. */
  public static final String TYPE = "hddm-a";

  /**
   * HDDM-A's parameters (defaults from the paper).
   *
   * @param driftConfidence significance of the drift test, in (0, 1) ({@code drift-confidence}, 0.001)
   * @param warningConfidence significance of the warning test, in [drift-confidence, 1) ({@code
   *     warning-confidence}, 0.005)
   * @param twoSided also detect falls of the mean ({@code two-sided}, false)
   */
  public record Config(double driftConfidence, double warningConfidence, boolean twoSided) {
    static final Param<Double> DRIFT_CONFIDENCE = Param.real("drift-confidence", 0.001,
        "confidence of the drift test (Hoeffding bound)").above(0).below(1).log();
    static final Param<Double> WARNING_CONFIDENCE = Param.real("warning-confidence", 0.005,
        "confidence of the warning test, >= drift-confidence").above(0).below(1).log();
    static final Param<Boolean> TWO_SIDED = Param.bool("two-sided", false, "also signal a falling error rate");

    /** The parameters, each declared once, in the order of the components. */
    public static final ParamSet PARAMS = ParamSet.of(TYPE, DRIFT_CONFIDENCE, WARNING_CONFIDENCE, TWO_SIDED);

    /** The defaults. */
    public static final Config DEFAULT = fromParams(Map.of());

    /** Validates every parameter; errors name it and its value. */
    public Config {
      PARAMS.check(driftConfidence, warningConfidence, twoSided);
      validateConfidences(TYPE, driftConfidence, warningConfidence);
    }

    /** Reads spec parameters, defaults for missing ones. */
    public static Config fromParams(Map<String, String> raw) {
      ParamValues p = PARAMS.parse(raw);
      return new Config(p.get(DRIFT_CONFIDENCE), p.get(WARNING_CONFIDENCE), p.get(TWO_SIDED));
    }

    /** The spec parameters. */
    public Map<String, String> toParams() {
      return PARAMS.render(driftConfidence, warningConfidence, twoSided);
    }
  }

  static void validateConfidences(String type, double drift, double warning) {
    require(
        warning >= drift && warning < 1,
        type,
        "warning-confidence",
        warning,
        "in [drift-confidence = " + drift + ", 1)");
  }

  private final Config config;
  private final double cutLog; // ln(1 / a_D): the Hoeffding radius used to move the cut points
  private final double driftLog; // ln(2 / a_D)
  private final double warningLog; // ln(2 / a_W)
  private double sum;
  private long nLow; // prefix at the lowest plausible mean (rise test)
  private double sumLow;
  private long nHigh; // prefix at the highest plausible mean (fall test)
  private double sumHigh;

  /** A fresh HDDM-A. */
  public HddmA(Config config) {
    super(TYPE, InputDomain.BINARY);
    this.config = config;
    this.cutLog = Math.log(1 / config.driftConfidence());
    this.driftLog = Math.log(2 / config.driftConfidence());
    this.warningLog = Math.log(2 / config.warningConfidence());
  }

  @Override
  Signal step(double x) {
    sum += x;
    long n = updates();
    double z = sum / n;
    double epsZ = radius(n);
    if (nLow == 0 || sumLow / nLow + radius(nLow) >= z + epsZ) {
      nLow = n;
      sumLow = sum;
    }
    if (nHigh == 0 || sumHigh / nHigh - radius(nHigh) <= z - epsZ) {
      nHigh = n;
      sumHigh = sum;
    }
    Signal signal = test(z - sumLow / nLow, nLow);
    if (config.twoSided() && signal != Signal.DRIFT) {
      Signal fall = test(sumHigh / nHigh - z, nHigh);
      if (fall != Signal.STABLE) {
        signal = fall;
      }
    }
    return signal;
  }

  private double radius(long k) {
    return Math.sqrt(cutLog / (2.0 * k));
  }

  private Signal test(double difference, long nCut) {
    long n = updates();
    if (nCut == n) {
      return Signal.STABLE;
    }
    double m = (double) (n - nCut) / ((double) nCut * n) / 2;
    if (difference >= Math.sqrt(m * driftLog)) {
      return Signal.DRIFT;
    }
    return difference >= Math.sqrt(m * warningLog) ? Signal.WARNING : Signal.STABLE;
  }

  /** Mean Z of all values since the reset. */
  public double mean() {
    return updates() == 0 ? 0 : sum / updates();
  }

  /** Length n_x of the prefix at the rise test's cut point. */
  public long cutLength() {
    return nLow;
  }

  /** Mean X of the prefix at the rise test's cut point. */
  public double cutMean() {
    return nLow == 0 ? 0 : sumLow / nLow;
  }

  @Override
  void clear() {
    sum = 0;
    nLow = 0;
    sumLow = 0;
    nHigh = 0;
    sumHigh = 0;
  }

  @Override
  Map<String, String> ruleParameters() {
    return config.toParams();
  }

  @Override
  public Map<String, Double> statistics() {
    return stats(
        "n", updates(), "mean", mean(), "cut-length", nLow, "cut-mean", cutMean(),
        "high-cut-length", nHigh, "high-cut-mean", nHigh == 0 ? 0 : sumHigh / nHigh);
  }

  @Override
  void writeState(DataOutput out) throws IOException {
    out.writeDouble(sum);
    out.writeLong(nLow);
    out.writeDouble(sumLow);
    out.writeLong(nHigh);
    out.writeDouble(sumHigh);
  }

  @Override
  void readState(DataInput in, int version) throws IOException {
    sum = in.readDouble();
    nLow = in.readLong();
    sumLow = in.readDouble();
    nHigh = in.readLong();
    sumHigh = in.readDouble();
  }
}
