package dev.eddy.core.replica;

import dev.eddy.learners.codec.Framing;
import dev.eddy.learners.standardize.Standardizer;
import dev.eddy.schemas.ReplicaContribution;
import dev.eddy.schemas.codec.Topics;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The persisted form of a {@link Replica} (the job's keyed state {@code eddy-replica}), format 2:
 * magic "EDRP", version, index, count, merge-every, merge-interval (ms), the processing time of the
 * previous contribution (ms), round, awaiting, since, learned, merged, version, the weights at publish
 * (rows, then each row's doubles; 0 rows when none), the two standardizers (optional bytes, {@link
 * Standardizer#toBytes}), and the received contributions (Avro single-object encoding, {@link
 * Topics#REPLICA_CONTRIBUTION}). Format 1 (written before {@code models.merge-interval}) has neither
 * the interval nor the time, and restores as a replica merging by count, its interval's clock
 * starting at 0 (the job then applies its spec's cadence).
 */
public final class ReplicaCodec {
  private static final int MAGIC = 0x45445250; // "EDRP"
  /** The format written. */
  public static final int VERSION = 2;

  private ReplicaCodec() {}

  public static byte[] encode(Replica r) {
    return Framing.encode(MAGIC, VERSION, out -> write(r, out));
  }

  public static Replica decode(byte[] bytes) {
    return Framing.decode(bytes, MAGIC, "replica state", VERSION, (in, version) -> read(in, version));
  }

  private static void write(Replica r, DataOutput out) throws IOException {
    out.writeInt(r.index);
    out.writeInt(r.count);
    out.writeLong(r.mergeEvery);
    out.writeLong(r.mergeInterval);
    out.writeLong(r.lastContributed);
    out.writeLong(r.round);
    out.writeBoolean(r.awaiting);
    out.writeLong(r.since);
    out.writeLong(r.learned);
    out.writeLong(r.merged);
    out.writeLong(r.version);
    double[][] w = r.atPublish == null ? new double[0][] : r.atPublish;
    out.writeInt(w.length);
    for (double[] row : w) {
      Framing.writeDoubles(out, row, row.length);
    }
    Framing.writeOptionalBytes(out, r.delta == null ? null : r.delta.toBytes());
    Framing.writeOptionalBytes(out, r.global == null ? null : r.global.toBytes());
    out.writeInt(r.received.size());
    for (ReplicaContribution c : r.received.values()) {
      Framing.writeBytes(out, Topics.REPLICA_CONTRIBUTION.encode(c));
    }
  }

  private static Replica read(DataInput in, int version) throws IOException {
    int index = in.readInt();
    int count = in.readInt();
    long mergeEvery = in.readLong();
    long mergeInterval = version >= 2 ? in.readLong() : 0;
    long lastContributed = version >= 2 ? in.readLong() : 0;
    Replica r = new Replica(index, count, mergeEvery, mergeInterval, lastContributed);
    r.round = in.readLong();
    r.awaiting = in.readBoolean();
    r.since = in.readLong();
    r.learned = in.readLong();
    r.merged = in.readLong();
    r.version = in.readLong();
    int rows = Framing.checkLength(in.readInt(), 1 << 16, "weight rows");
    if (rows > 0) {
      r.atPublish = new double[rows][];
      for (int k = 0; k < rows; k++) {
        r.atPublish[k] = Framing.readDoubles(in);
      }
    }
    byte[] delta = Framing.readOptionalBytes(in);
    r.delta = delta == null ? null : Standardizer.fromBytes(delta);
    byte[] global = Framing.readOptionalBytes(in);
    r.global = global == null ? null : Standardizer.fromBytes(global);
    int received = Framing.checkLength(in.readInt(), r.count, "received contributions");
    for (int k = 0; k < received; k++) {
      ReplicaContribution c = decodeContribution(Framing.readBytes(in));
      r.received.put(c.getReplica(), c);
    }
    return r;
  }

  /** A contribution from its Avro bytes; {@link UncheckedIOException} when they are not one. */
  public static ReplicaContribution decodeContribution(byte[] bytes) {
    try {
      return Topics.REPLICA_CONTRIBUTION.decode(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException("not a replica contribution", e);
    }
  }
}
