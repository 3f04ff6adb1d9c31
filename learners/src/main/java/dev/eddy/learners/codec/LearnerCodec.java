package dev.eddy.learners.codec;

import dev.eddy.learners.LearnerProvider;
import dev.eddy.learners.Learners;
import dev.eddy.learners.OnlineLearner;

/**
 * The versioned binary form of any learner, for checkpoints, the models topic and replicas:
 *
 * <pre>
 *   int    magic 0x45444C4E ("EDLN")
 *   ushort format version (currently {@value #VERSION})
 *   UTF    learner type name, e.g. "pa-i"
 *   ...    the payload of the type's {@link LearnerProvider#writeState provider}
 * </pre>
 *
 * The type name selects the provider on decoding, so learners of any provider on the classpath
 * (pure Java or TensorFlow) round-trip through one codec. Every version that has shipped stays
 * readable; committed golden snapshots in the tests hold it to that.
 */
public final class LearnerCodec {

  /** "EDLN". */
  public static final int MAGIC = 0x45444C4E;

  /** The format version written by {@link #encode}. */
  public static final int VERSION = 1;

  private static final String WHAT = "learner snapshot";

  private LearnerCodec() {}

  /** The learner's snapshot. */
  public static byte[] encode(OnlineLearner learner) {
    LearnerProvider provider = Learners.provider(learner.type());
    return Framing.encode(
        MAGIC,
        VERSION,
        out -> {
          out.writeUTF(learner.type());
          provider.writeState(learner, out);
        });
  }

  /**
   * A learner restored from {@link #encode}'s bytes; throws {@link IllegalArgumentException} for a
   * bad magic number, an unknown format version, an unknown learner type, or truncated bytes.
   */
  public static OnlineLearner decode(byte[] bytes) {
    return Framing.decode(
        bytes,
        MAGIC,
        WHAT,
        VERSION,
        (in, version) -> {
          String type = in.readUTF();
          LearnerProvider provider;
          try {
            provider = Learners.provider(type);
          } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(WHAT + ": " + e.getMessage(), e);
          }
          return provider.readState(type, in);
        });
  }
}
