package dev.eddy.drift;

import dev.eddy.learners.codec.Framing;
import dev.eddy.learners.FeatureVector;
import java.io.IOException;
import java.util.Arrays;
import java.util.Map;

/**
 * Feature drift: one real-valued detector per feature of the standardized input (e.g. {@code kswin}
 * or {@code cusum}), updated with every event, labelled or not. Feature drift raises alerts per
 * feature; it does not retrain unless the job spec says so (then pass a DRIFT here as the policy's
 * signal). Meant for dense inputs of modest dimension: every update visits every feature (absent
 * entries of a sparse vector count as 0), and the dimension is capped at {@value #MAX_DIMENSION}.
 *
 * <p>{@link #update} allocates nothing; the features that drifted on the last update are read with
 * {@link #drifts()} and {@link #drifted(int)}.
 */
public final class FeatureDriftMonitor {
  /** Largest dimension monitored (one detector per feature). */
  public static final int MAX_DIMENSION = 4096;

  /** "EDFM": Eddy feature drift monitor. */
  private static final int MAGIC = 0x4544464D;
  private static final int VERSION = 1;
  private static final String WHAT = "feature drift monitor snapshot";

  private final DriftDetector[] detectors;
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
    this(fresh(type, params, dimension));
  }

  private FeatureDriftMonitor(DriftDetector[] detectors) {
    this.detectors = detectors;
    this.row = new double[detectors.length];
    this.drifted = new int[detectors.length];
  }

  private static DriftDetector[] fresh(String type, Map<String, String> params, int dimension) {
    if (dimension < 1 || dimension > MAX_DIMENSION) {
      throw new IllegalArgumentException(
          "feature drift: dimension must be in [1, " + MAX_DIMENSION + "] but was " + dimension);
    }
    DriftDetector[] out = new DriftDetector[dimension];
    for (int i = 0; i < dimension; i++) {
      out[i] = Detectors.create(type, params);
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
      if (detectors[i].update(row[i]) == Signal.DRIFT) {
        drifted[drifts++] = i;
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

  /** Every feature's detector, versioned (magic "EDFM", version 1, count, DetectorCodec each). */
  public byte[] encode() {
    return Framing.encode(MAGIC, VERSION, out -> {
      out.writeInt(detectors.length);
      for (DriftDetector d : detectors) {
        Framing.writeBytes(out, DetectorCodec.encode(d));
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
      return new FeatureDriftMonitor(detectors);
    });
  }
}
