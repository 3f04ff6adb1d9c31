package dev.eddy.drift.retrain;

import dev.eddy.learners.codec.Framing;
import dev.eddy.learners.OnlineLearner;
import dev.eddy.learners.codec.LearnerCodec;
import java.util.Map;

/**
 * Encodes a policy's whole state (for Flink keyed state and checkpoints) and back.
 *
 * <p>Format version 1: the {@link Framing} frame (magic {@code "EDRP"}, version), the
 * policy name and parameters (a string map, re-validated on decoding), the champion as a
 * length-prefixed {@link LearnerCodec} snapshot, the model version, whether a candidate exists and,
 * if so, its learner (LearnerCodec), both prequential metrics (their own versioned form), its age
 * and flags; for {@code window}, the windowed examples oldest first (label, sparse flag, dimension,
 * size, [index,] value...).
 */
public final class RetrainPolicyCodec {
  /** "EDRP": Eddy retraining policy. */
  static final int MAGIC = 0x45445250;
  /** The version this build writes (and the highest it reads). */
  public static final int VERSION = 1;

  private RetrainPolicyCodec() {}

  /** The policy's state, versioned. */
  public static byte[] encode(RetrainPolicy policy) {
    if (!(policy instanceof BasePolicy base)) {
      throw new IllegalArgumentException(
          "cannot encode " + policy.getClass().getName() + ": only policies built by RetrainPolicies");
    }
    return Framing.encode(
        MAGIC,
        VERSION,
        out -> {
          out.writeUTF(base.name());
          Framing.writeStringMap(out, base.parameters());
          base.write(out);
        });
  }

  /**
   * The policy encoded in {@code bytes}; it continues exactly as the encoded one would.
   *
   * @throws IllegalArgumentException for bytes that are not a policy snapshot, an unsupported
   *     version, truncated or trailing data, or parameters this build rejects
   */
  public static RetrainPolicy decode(byte[] bytes) {
    return Framing.decode(
        bytes,
        MAGIC,
        "retraining policy snapshot",
        VERSION,
        (in, version) -> {
          String name = in.readUTF();
          Map<String, String> params = Framing.readStringMap(in);
          OnlineLearner champion = LearnerCodec.decode(Framing.readBytes(in));
          BasePolicy policy = (BasePolicy) RetrainPolicies.create(name, params, champion);
          policy.readAfterChampion(in, version);
          return policy;
        });
  }
}
