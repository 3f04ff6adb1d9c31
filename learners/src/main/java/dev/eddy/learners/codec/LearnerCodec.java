package dev.eddy.learners.codec;

import dev.eddy.learners.LearnerProvider;
import dev.eddy.learners.Learners;
import dev.eddy.learners.OnlineLearner;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

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
 *
 * <p>Inside another format that knows the job's spec (the model state's format 3), a learner is
 * written {@linkplain #writeAgainst against a prototype}: one form byte, then either only its learned
 * state ({@link LearnerProvider#writeLearned}: it has the prototype's type, task, dimension and
 * hyperparameters, which are not stored) or, when it differs from the prototype, its full snapshot.
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

  /** Form byte of {@link #writeAgainst}: a full snapshot follows (length-prefixed). */
  static final byte FULL = 0;

  /** Form byte of {@link #writeAgainst}: the learned state of a learner set up as the prototype follows. */
  static final byte LEARNED = 1;

  /**
   * Writes {@code learner} as its learned state alone when it has {@code prototype}'s type, task,
   * dimension and hyperparameters, else as its full snapshot; {@code prototype} may be null (full).
   */
  public static void writeAgainst(DataOutput out, OnlineLearner learner, OnlineLearner prototype) throws IOException {
    if (sameSettings(learner, prototype)) {
      out.writeByte(LEARNED);
      Learners.provider(learner.type()).writeLearned(learner, out);
    } else {
      out.writeByte(FULL);
      Framing.writeBytes(out, encode(learner));
    }
  }

  /**
   * Reads what {@link #writeAgainst} wrote against a prototype of the same settings; a learned state
   * takes the type, task, dimension and hyperparameters of {@code prototype} (null: only full forms).
   */
  public static OnlineLearner readAgainst(DataInput in, OnlineLearner prototype) throws IOException {
    byte form = in.readByte();
    if (form == FULL) {
      return decode(Framing.readBytes(in));
    }
    if (form != LEARNED) {
      throw new IllegalArgumentException(WHAT + " has unknown form " + form);
    }
    if (prototype == null) {
      throw new IllegalArgumentException(WHAT + " holds only a learned state, but no prototype learner was given to read it");
    }
    return Learners.provider(prototype.type()).readLearned(prototype, in);
  }

  /** Whether the two learners have one type, task, dimension and hyperparameters, and a prototype form. */
  private static boolean sameSettings(OnlineLearner learner, OnlineLearner prototype) {
    return prototype != null && learner.type().equals(prototype.type()) && learner.task() == prototype.task()
        && learner.dimension() == prototype.dimension() && learner.hyperparameters().equals(prototype.hyperparameters())
        && Learners.provider(prototype.type()).prototypes(prototype.type());
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
