package dev.eddy.drift;

import dev.eddy.learners.codec.Framing;
import dev.eddy.learners.FeatureVector;
import java.io.IOException;
import java.util.Arrays;
import dev.eddy.learners.standardize.Standardizer;
import java.util.Map;

/**
 * Feature drift: one real-valued detector per feature (e.g. {@code kswin} or {@code page-hinkley}),
 * updated with every event, labelled or not. Feature drift raises alerts per feature; it does not
 * retrain unless the job spec says so (then pass a DRIFT here as the policy's signal). Meant for dense
 * inputs of modest dimension: every update visits every feature (absent entries of a sparse vector
 * count as 0), and the dimension is capped at {@value #MAX_DIMENSION}.
 *
 * <p><b>Scale-free.</b> A detector sees its feature's z-score against that feature's own statistics
 * (mean and variance of its values since the monitor started or since that feature last drifted),
 * taken before the value itself, so the detectors' parameters mean the same whatever the unit of a
 * feature: a value 3 standard deviations away counts as 3, in grams or in tonnes. A feature's
 * detector starts after {@value #WARM_UP} values (and again after each of its drifts, when its
 * statistics restart with the new distribution as the reference). A detector that takes a {@code
 * direction} watches both unless the parameters say otherwise, and the detectors' warm-up for a
 * learning model ({@code min-examples}) is 0 unless given.
 *
 * <p>{@link #update} allocates nothing; the features that drifted on the last update are read with
 * {@link #drifts()} and {@link #drifted(int)}.
 */
public final class FeatureDriftMonitor {
  /** Largest dimension monitored (one detector per feature). */
  public static final int MAX_DIMENSION = 4096;

  /** "EDFM": Eddy feature drift monitor. */
  private static final int MAGIC = 0x4544464D;
  /** Format 2 adds each feature's statistics; a format-1 snapshot restores with fresh statistics. */
  private static final int VERSION = 2;
  /** Values of a feature whose statistics its z-scores need before its detector takes them. */
  public static final int WARM_UP = 30;
  private static final String WHAT = "feature drift monitor snapshot";

  private final DriftDetector[] detectors;
  private final Standardizer[] scales;
  private final double[] value = new double[1];
  private final double[] z = new double[1];
  private final double[] row;
  private final int[] drifted;
  private int drifts;

  /**
   * A detector of {@code type} with {@code params} for each of {@code dimension} features.
   *
   * @throws IllegalArgumentException for a binary detector type (features are real), a dimension
   *     outside [1, {@value #MAX_DIMENSION}], or what {@link Detectors#create} rejects
   */
  public FeatureDriftMonitor(String type, Map<String, String> params, int dimension) {
    this(fresh(type, params, dimension), freshScales(dimension));
  }

  private FeatureDriftMonitor(DriftDetector[] detectors, Standardizer[] scales) {
    this.detectors = detectors;
    this.scales = scales;
    this.row = new double[detectors.length];
    this.drifted = new int[detectors.length];
  }

  private static Standardizer[] freshScales(int dimension) {
    Standardizer[] scales = new Standardizer[dimension];
    for (int i = 0; i < dimension; i++) {
      scales[i] = new Standardizer(1);
    }
    return scales;
  }

  private static DriftDetector[] fresh(String type, Map<String, String> params, int dimension) {
    if (dimension < 1 || dimension > MAX_DIMENSION) {
      throw new IllegalArgumentException(
          "feature drift: dimension must be in [1, " + MAX_DIMENSION + "] but was " + dimension);
    }
    Map<String, String> watched = Detectors.neutralUnlessGiven(type, params);
    DriftDetector[] out = new DriftDetector[dimension];
    for (int i = 0; i < dimension; i++) {
      out[i] = Detectors.create(type, watched);
    }
    if (out[0].inputDomain() == InputDomain.BINARY) {
      throw new IllegalArgumentException(
          "feature drift: " + type + " takes only 0/1 errors; use adwin, page-hinkley, cusum or kswin");
    }
    return out;
  }

  /**
   * Takes one event's features; returns how many features signalled DRIFT. A non-finite value is
   * rejected before any detector changes.
   */
  public int update(FeatureVector x) {
    if (x.dimension() != detectors.length) {
      throw new IllegalArgumentException(
          "feature drift: vector of dimension " + x.dimension() + ", monitor of " + detectors.length);
    }
    Arrays.fill(row, 0);
    for (int k = 0; k < x.size(); k++) {
      row[x.index(k)] += x.value(k);
    }
    for (int i = 0; i < row.length; i++) {
      if (!Double.isFinite(row[i])) {
        throw new IllegalArgumentException("feature drift: feature " + i + " is not finite: " + row[i]);
      }
    }
    drifts = 0;
    for (int i = 0; i < row.length; i++) {
      Standardizer scale = scales[i];
      value[0] = row[i];
      boolean warm = scale.count() >= WARM_UP;
      if (warm) {
        scale.transform(value, z); // the z-score against the values before this one
      }
      scale.update(value);
      if (warm && detectors[i].update(z[0]) == Signal.DRIFT) {
        drifted[drifts++] = i;
        scales[i] = new Standardizer(1); // the new distribution is the reference from now on
      }
    }
    return drifts;
  }

  /** Number of features that drifted on the last update. */
  public int drifts() {
    return drifts;
  }

  /** The k-th feature (index) that drifted on the last update, k &lt; {@link #drifts()}. */
  public int drifted(int k) {
    if (k < 0 || k >= drifts) {
      throw new IndexOutOfBoundsException("drifted(" + k + ") of " + drifts);
    }
    return drifted[k];
  }

  /** The detector of one feature (for its statistics in a drift event). */
  public DriftDetector detector(int feature) {
    return detectors[feature];
  }

  /** Number of features. */
  public int dimension() {
    return detectors.length;
  }

  /**
   * Every feature's detector and statistics, versioned: magic "EDFM", version 2, count, each
   * detector's {@link DetectorCodec} bytes, then each feature's {@link Standardizer} bytes (format 1
   * ended after the detectors).
   */
  public byte[] encode() {
    return Framing.encode(MAGIC, VERSION, out -> {
      out.writeInt(detectors.length);
      for (DriftDetector d : detectors) {
        Framing.writeBytes(out, DetectorCodec.encode(d));
      }
      for (Standardizer s : scales) {
        Framing.writeBytes(out, s.toBytes());
      }
    });
  }

  /** A monitor from {@link #encode}'s bytes; continues exactly as the encoded one. */
  public static FeatureDriftMonitor decode(byte[] bytes) {
    return Framing.decode(bytes, MAGIC, WHAT, VERSION, (in, version) -> {
      int n = Framing.readLength(in);
      if (n < 1 || n > MAX_DIMENSION) {
        throw new IOException("bad dimension " + n);
      }
      DriftDetector[] detectors = new DriftDetector[n];
      for (int i = 0; i < n; i++) {
        detectors[i] = DetectorCodec.decode(Framing.readBytes(in));
      }
      Standardizer[] scales = freshScales(n);
      if (version >= 2) {
        for (int i = 0; i < n; i++) {
          scales[i] = Standardizer.fromBytes(Framing.readBytes(in));
        }
      }
      return new FeatureDriftMonitor(detectors, scales);
    });
  }
}
