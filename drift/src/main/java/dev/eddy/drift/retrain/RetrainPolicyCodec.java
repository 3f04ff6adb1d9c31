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
 *
 * <p>Format version 2, written only {@linkplain #encode(RetrainPolicy, Spec) against the job's spec}
 * (inside the model state's format 3): after the frame a form byte, {@link #GIVEN} followed by the
 * policy name and parameters as in version 1, or {@link #SPEC} when the policy has the spec's config
 * (then not stored); the champion {@linkplain LearnerCodec#writeAgainst against the spec's learner}
 * (its learned state alone when it has the spec's settings); then the rest as in version 1. The
 * spec gives what is not stored on decoding: with a million model keys, rendering, writing, reading
 * and parsing the same parameters for every key was most of the model codec's time.
 */
public final class RetrainPolicyCodec {
  /** "EDRP": Eddy retraining policy. */
  static final int MAGIC = 0x45445250;
  /** The version this build writes (and the highest it reads). */
  public static final int VERSION = 2;

  /** Version 2's form byte: the policy name and parameters follow. */
  static final byte GIVEN = 0;

  /** Version 2's form byte: the policy has the spec's config (not stored). */
  static final byte SPEC = 1;

  /**
   * What a job's spec says of a policy, against which version 2 writes and reads.
   *
   * @param config the spec's policy config
   * @param learner an untrained learner of the spec's settings, never trained; null where the learner
   *     has no prototype form ({@link dev.eddy.learners.LearnerProvider#prototypes})
   */
  public record Spec(RetrainConfig config, OnlineLearner learner) {
    public Spec {
      if (config == null) {
        throw new IllegalArgumentException("the spec's retraining config must be given");
      }
    }
  }

  private static final String WHAT = "retraining policy snapshot";

  private RetrainPolicyCodec() {}

  /** The policy's state in version 1 (standalone, with its name and parameters). */
  public static byte[] encode(RetrainPolicy policy) {
    BasePolicy base = base(policy);
    return Framing.encode(MAGIC, 1, out -> {
      out.writeUTF(base.name());
      Framing.writeStringMap(out, base.parameters());
      base.write(out);
    });
  }

  /** The policy's state in version 2: what it shares with {@code spec} is not stored. */
  public static byte[] encode(RetrainPolicy policy, Spec spec) {
    BasePolicy base = base(policy);
    return Framing.encode(MAGIC, VERSION, out -> {
      if (base.config().equals(spec.config())) {
        out.writeByte(SPEC);
      } else {
        out.writeByte(GIVEN);
        out.writeUTF(base.name());
        Framing.writeStringMap(out, base.parameters());
      }
      LearnerCodec.writeAgainst(out, base.champion(), spec.learner());
      base.writeAfterChampion(out);
    });
  }

  private static BasePolicy base(RetrainPolicy policy) {
    if (!(policy instanceof BasePolicy base)) {
      throw new IllegalArgumentException(
          "cannot encode " + policy.getClass().getName() + ": only policies built by RetrainPolicies");
    }
    return base;
  }

  /**
   * The policy encoded in {@code bytes}; it continues exactly as the encoded one would.
   *
   * @throws IllegalArgumentException for bytes that are not a policy snapshot, an unsupported
   *     version, truncated or trailing data, or parameters this build rejects
   */
  public static RetrainPolicy decode(byte[] bytes) {
    return decode(bytes, null);
  }

  /**
   * The policy encoded in {@code bytes} (either version); what version 2 did not store is {@code
   * spec}'s.
   *
   * @throws IllegalArgumentException as {@link #decode(byte[])}, and for a version 2 policy that
   *     holds the spec's settings when {@code spec} is null
   */
  public static RetrainPolicy decode(byte[] bytes, Spec spec) {
    return Framing.decode(bytes, MAGIC, WHAT, VERSION, (in, version) -> {
      if (version == 1) {
        String name = in.readUTF();
        Map<String, String> params = Framing.readStringMap(in);
        OnlineLearner champion = LearnerCodec.decode(Framing.readBytes(in));
        BasePolicy policy = (BasePolicy) RetrainPolicies.create(name, params, champion);
        policy.readAfterChampion(in, version);
        return policy;
      }
      byte form = in.readByte();
      RetrainConfig config;
      if (form == GIVEN) {
        config = RetrainConfig.fromParams(in.readUTF(), Framing.readStringMap(in));
      } else if (form == SPEC && spec != null) {
        config = spec.config();
      } else {
        throw new IllegalArgumentException(form == SPEC ? WHAT + " has the spec's settings, but no spec was given"
            : WHAT + " has unknown form " + form);
      }
      OnlineLearner champion = LearnerCodec.readAgainst(in, spec == null ? null : spec.learner());
      BasePolicy policy = (BasePolicy) RetrainPolicies.create(config, champion);
      policy.readAfterChampion(in, version);
      return policy;
    });
  }
}
