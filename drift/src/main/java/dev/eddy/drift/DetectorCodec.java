package dev.eddy.drift;

import dev.eddy.learners.codec.Framing;
import java.io.DataOutput;
import java.io.IOException;
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
 *
 * <p>Format version 2, written only {@linkplain #encode(DriftDetector, DriftDetector) against the
 * spec's detector} (inside the model state's format 3): after the frame a form byte, {@link #GIVEN}
 * followed by the type and parameters as in version 1, or {@link #SPEC} when the detector has the
 * spec's type and parameters, which are then not stored: the spec's detector gives them on decoding
 * (a million model keys all hold the spec's; rendering and parsing them was most of the codec's
 * time). Then the last signal code, the update count and the statistics, as in version 1.
 */
public final class DetectorCodec {
  /** "EDDT": Eddy drift detector. */
  static final int MAGIC = 0x45444454;
  /** The version this build writes (and the highest it reads). */
  public static final int VERSION = 2;

  /** Version 2's form byte: the type and parameters follow. */
  static final byte GIVEN = 0;

  /** Version 2's form byte: the detector has the spec's type and parameters (not stored). */
  static final byte SPEC = 1;

  private static final String WHAT = "drift detector snapshot";

  private DetectorCodec() {}

  /** The detector's type, parameters and statistics, in version 1 (standalone: the models topic, feature monitors). */
  public static byte[] encode(DriftDetector detector) {
    BaseDetector base = base(detector);
    return Framing.encode(MAGIC, 1, out -> {
      writeGiven(out, base);
      base.write(out);
    });
  }

  /**
   * The detector in version 2: without its type and parameters when they are {@code spec}'s (a
   * detector of the job's spec, never updated), with them otherwise; {@code spec} may be null.
   */
  public static byte[] encode(DriftDetector detector, DriftDetector spec) {
    BaseDetector base = base(detector);
    return Framing.encode(MAGIC, VERSION, out -> {
      if (spec != null && Detectors.sameSettings(base, spec)) {
        out.writeByte(SPEC);
      } else {
        out.writeByte(GIVEN);
        writeGiven(out, base);
      }
      base.write(out);
    });
  }

  private static BaseDetector base(DriftDetector detector) {
    if (!(detector instanceof BaseDetector base)) {
      throw new IllegalArgumentException(
          "cannot encode " + detector.getClass().getName() + ": only detectors built by Detectors");
    }
    return base;
  }

  private static void writeGiven(DataOutput out, BaseDetector base) throws IOException {
    out.writeUTF(base.type());
    Framing.writeStringMap(out, base.parameters());
  }

  /**
   * The detector encoded in {@code bytes}; it continues exactly as the encoded one would.
   *
   * @throws IllegalArgumentException for bytes that are not a detector snapshot, an unsupported
   *     version, truncated or trailing data, or parameters this build rejects
   */
  public static DriftDetector decode(byte[] bytes) {
    return decode(bytes, null);
  }

  /**
   * The detector encoded in {@code bytes} (either version); one of version 2 without its type and
   * parameters takes those of {@code spec}.
   *
   * @throws IllegalArgumentException as {@link #decode(byte[])}, and for a version 2 detector of
   *     the spec's settings when {@code spec} is null
   */
  public static DriftDetector decode(byte[] bytes, DriftDetector spec) {
    return Framing.decode(bytes, MAGIC, WHAT, VERSION, (in, version) -> {
      byte form = version >= 2 ? in.readByte() : GIVEN;
      BaseDetector detector;
      if (form == GIVEN) {
        String type = in.readUTF();
        Map<String, String> params = Detectors.neutralUnlessGiven(type, Framing.readStringMap(in));
        detector = (BaseDetector) Detectors.create(type, params);
      } else if (form == SPEC) {
        if (spec == null) {
          throw new IllegalArgumentException(WHAT + " has the spec's settings, but no spec detector was given");
        }
        detector = (BaseDetector) Detectors.fresh(spec);
      } else {
        throw new IllegalArgumentException(WHAT + " has unknown form " + form);
      }
      detector.read(in, version);
      return detector;
    });
  }
}
