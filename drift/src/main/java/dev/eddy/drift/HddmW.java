package dev.eddy.drift;

import dev.eddy.learners.params.Param;
import dev.eddy.learners.params.ParamSet;
import dev.eddy.learners.params.ParamValues;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Map;

/**
 * HDDM with the W-test: I. Frías-Blanco, J. del Campo-Ávila, G. Ramos-Jiménez, R. Morales-Bueno, A.
 * Ortiz-Díaz and Y. Caballero-Mota, "Online and Non-Parametric Drift Detection Methods Based on
 * Hoeffding's Bounds", IEEE Transactions on Knowledge and Data Engineering 27(3), 2015.
 *
 * <p>The input is the classifier's error indicator (1 = wrong). Estimates are exponentially weighted
 * moving averages with weight {@code lambda} on the newest value (the first value initialises an
 * average). Each average carries its independent-bound coefficient c = sum of squared weights
 * (c = 1 after one value, then c' = lambda^2 + (1 - lambda)^2 c), which McDiarmid's inequality
 * turns into the radius eps = sqrt(c ln(1/a) / 2). The total average T is copied into S1 whenever
 * T + eps(T) sets a new minimum (the cut point), and a second average S2 restarts there and follows
 * the values after the cut. The W-test reports a rise when
 *
 * <pre>S2 - S1 &gt; sqrt((c(S1) + c(S2)) ln(1/a) / 2)</pre>
 *
 * DRIFT at a = {@code drift-confidence}, else WARNING at a = {@code warning-confidence}, else
 * STABLE; with {@code two-sided} the mirror-image test (cut at the maximum of T - eps) reports falls.
 * The update order (total, rise cut, rise test, fall cut, fall test) follows the authors' MOA
 * implementation.
 */
public final class HddmW extends BaseDetector {
  /** The type name. */
  public static final String TYPE = "hddm-w";

  /**
   * HDDM-W's parameters (defaults from the paper).
   *
   * @param driftConfidence significance of the drift test, in (0, 1) ({@code drift-confidence}, 0.001)
   * @param warningConfidence significance of the warning test, in [drift-confidence, 1) ({@code
   *     warning-confidence}, 0.005)
   * @param lambda weight of the newest value in the averages, in (0, 1] ({@code lambda}, 0.05)
   * @param twoSided also detect falls of the mean ({@code two-sided}, false)
   */
  public record Config(double driftConfidence, double warningConfidence, double lambda, boolean twoSided) {
    static final Param<Double> DRIFT_CONFIDENCE = HddmA.Config.DRIFT_CONFIDENCE;
    static final Param<Double> WARNING_CONFIDENCE = HddmA.Config.WARNING_CONFIDENCE;
    static final Param<Double> LAMBDA = Param.real("lambda", 0.05,
        "weight of the newest value in the moving average").above(0).atMost(1).log();
    static final Param<Boolean> TWO_SIDED = HddmA.Config.TWO_SIDED;

    /** The parameters, each declared once, in the order of the components. */
    public static final ParamSet PARAMS = ParamSet.of(TYPE, DRIFT_CONFIDENCE, WARNING_CONFIDENCE, LAMBDA, TWO_SIDED);

    /** The defaults. */
    public static final Config DEFAULT = fromParams(Map.of());

    /** Validates every parameter; errors name it and its value. */
    public Config {
      PARAMS.check(driftConfidence, warningConfidence, lambda, twoSided);
      HddmA.validateConfidences(TYPE, driftConfidence, warningConfidence);
    }

    /** Reads spec parameters, defaults for missing ones. */
    public static Config fromParams(Map<String, String> raw) {
      ParamValues p = PARAMS.parse(raw);
      return new Config(p.get(DRIFT_CONFIDENCE), p.get(WARNING_CONFIDENCE), p.get(LAMBDA), p.get(TWO_SIDED));
    }

    /** The spec parameters. */
    public Map<String, String> toParams() {
      return PARAMS.render(driftConfidence, warningConfidence, lambda, twoSided);
    }
  }

  private final Config config;
  private final double driftLog; // ln(1 / a_D)
  private final double warningLog; // ln(1 / a_W)
  private final WeightedMean total = new WeightedMean();
  private final WeightedMean riseBefore = new WeightedMean();
  private final WeightedMean riseAfter = new WeightedMean();
  private final WeightedMean fallBefore = new WeightedMean();
  private final WeightedMean fallAfter = new WeightedMean();
  private final WeightedMean[] means = {total, riseBefore, riseAfter, fallBefore, fallAfter};
  private double riseCut;
  private double fallCut;

  /** A fresh HDDM-W. */
  public HddmW(Config config) {
    super(TYPE, InputDomain.BINARY);
    this.config = config;
    this.driftLog = Math.log(1 / config.driftConfidence());
    this.warningLog = Math.log(1 / config.warningConfidence());
    clear();
  }

  @Override
  Signal step(double x) {
    double lambda = config.lambda();
    total.add(x, lambda);
    double eps = Math.sqrt(total.coefficient * driftLog / 2);
    if (total.mean + eps < riseCut) {
      riseCut = total.mean + eps;
      riseBefore.set(total);
      riseAfter.clear();
    } else {
      riseAfter.add(x, lambda);
    }
    Signal signal = test(riseBefore, riseAfter);
    if (total.mean - eps > fallCut) {
      fallCut = total.mean - eps;
      fallBefore.set(total);
      fallAfter.clear();
    } else {
      fallAfter.add(x, lambda);
    }
    if (config.twoSided() && signal != Signal.DRIFT) {
      Signal fall = test(fallAfter, fallBefore);
      if (fall != Signal.STABLE) {
        signal = fall;
      }
    }
    return signal;
  }

  /** Tests whether {@code high} exceeds {@code low} by more than the McDiarmid radius. */
  private Signal test(WeightedMean low, WeightedMean high) {
    if (!low.started || !high.started) {
      return Signal.STABLE;
    }
    double c = (low.coefficient + high.coefficient) / 2;
    double difference = high.mean - low.mean;
    if (difference > Math.sqrt(c * driftLog)) {
      return Signal.DRIFT;
    }
    return difference > Math.sqrt(c * warningLog) ? Signal.WARNING : Signal.STABLE;
  }

  /** The weighted average T of all values. */
  public double mean() {
    return total.mean;
  }

  /** T's independent-bound coefficient (sum of squared weights). */
  public double coefficient() {
    return total.coefficient;
  }

  /** S1 of the rise test: T at the cut point. */
  public double cutMean() {
    return riseBefore.mean;
  }

  /** S1's coefficient. */
  public double cutCoefficient() {
    return riseBefore.coefficient;
  }

  /** S2 of the rise test: the weighted average since the cut point (0 if empty). */
  public double sinceCutMean() {
    return riseAfter.mean;
  }

  /** S2's coefficient. */
  public double sinceCutCoefficient() {
    return riseAfter.coefficient;
  }

  @Override
  void clear() {
    for (WeightedMean e : means) {
      e.clear();
    }
    riseCut = Double.POSITIVE_INFINITY;
    fallCut = Double.NEGATIVE_INFINITY;
  }

  @Override
  Map<String, String> ruleParameters() {
    return config.toParams();
  }

  @Override
  public Map<String, Double> statistics() {
    return stats(
        "mean", total.mean, "coefficient", total.coefficient, "cut-mean", riseBefore.mean,
        "since-cut-mean", riseAfter.mean, "since-cut-coefficient", riseAfter.coefficient);
  }

  @Override
  void writeState(DataOutput out) throws IOException {
    for (WeightedMean e : means) {
      e.write(out);
    }
    out.writeDouble(riseCut);
    out.writeDouble(fallCut);
  }

  @Override
  void readState(DataInput in, int version) throws IOException {
    for (WeightedMean e : means) {
      e.read(in);
    }
    riseCut = in.readDouble();
    fallCut = in.readDouble();
  }
}
