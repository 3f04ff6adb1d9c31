package dev.eddy.drift;

import dev.eddy.learners.codec.Framing;
import java.util.Map;

/**
 * Encodes any detector built by {@link Detectors} to bytes and back, for Flink keyed state and
 * model snapshots.
 *
 * <p>Format version 1: the {@link Framing} frame (magic {@code "EDDT"}, version), the type
 * name, the parameters as a string map (so decoding rebuilds the config through {@link
 * Detectors#create} and re-validates it), the last signal code, the update count, then the
 * detector's statistics in its own fixed layout. Golden files of every shipped version are decoded
 * by the tests.
 *
 * <p>A snapshot whose parameters lack {@code direction} while its type now declares one was
 * written before the type had it, when it watched both directions (ADWIN, KSWIN), and one without
 * {@code min-examples} before detectors had a warm-up: it restores with {@code direction: both}
 * and {@code min-examples: 0}, so it continues exactly as it would have.
 */
public final class DetectorCodec {
  /** "EDDT": Eddy drift detector. */
  static final int MAGIC = 0x45444454;
  /** The version this build writes (and the highest it reads). */
  public static final int VERSION = 1;

  private static final String WHAT = "drift detector snapshot";

  private DetectorCodec() {}

  /** The detector's type, parameters and statistics, versioned. */
  public static byte[] encode(DriftDetector detector) {
    if (!(detector instanceof BaseDetector base)) {
      throw new IllegalArgumentException(
          "cannot encode " + detector.getClass().getName() + ": only detectors built by Detectors");
    }
    return Framing.encode(
        MAGIC,
        VERSION,
        out -> {
          out.writeUTF(base.type());
          Framing.writeStringMap(out, base.parameters());
          base.write(out);
        });
  }

  /**
   * The detector encoded in {@code bytes}; it continues exactly as the encoded one would.
   *
   * @throws IllegalArgumentException for bytes that are not a detector snapshot, an unsupported
   *     version, truncated or trailing data, or parameters this build rejects
   */
  public static DriftDetector decode(byte[] bytes) {
    return Framing.decode(
        bytes,
        MAGIC,
        WHAT,
        VERSION,
        (in, version) -> {
          String type = in.readUTF();
          Map<String, String> params = Detectors.neutralUnlessGiven(type, Framing.readStringMap(in));
          BaseDetector detector = (BaseDetector) Detectors.create(type, params);
          detector.read(in, version);
          return detector;
        });
  }
}
