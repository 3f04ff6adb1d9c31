package dev.eddy.core.input;

import dev.eddy.learners.codec.Framing;

/**
 * The versioned binary form of a label that came before its event (keyed state): the label, when it
 * stops waiting, and the record it came in, for the dead letter if its event never comes. Format 1:
 * magic "EDEL", version, label, deadline, event id, model key, timestamp, then the record's topic,
 * partition, offset, timestamp, key and value (optional blobs).
 */
public final class EarlyLabelCodec {
  private static final int MAGIC = 0x4544454C; // "EDEL"
  private static final int FORMAT = 1;

  private EarlyLabelCodec() {}

  /**
   * A label waiting for its event.
   *
   * @param deadline when it stops waiting (processing time, epoch ms)
   */
  public record Early(InputLabel label, long deadline) {}

  public static byte[] encode(InputLabel l, long deadline) {
    return Framing.encode(MAGIC, FORMAT, out -> {
      out.writeDouble(l.label);
      out.writeLong(deadline);
      out.writeUTF(l.id);
      out.writeUTF(l.modelKey);
      out.writeLong(l.timestamp);
      RawRecord r = l.source;
      out.writeUTF(r.topic);
      out.writeInt(r.partition);
      out.writeLong(r.offset);
      out.writeLong(r.timestamp);
      Framing.writeOptionalBytes(out, r.key);
      Framing.writeOptionalBytes(out, r.value);
    });
  }

  public static Early decode(byte[] bytes) {
    return Framing.decode(bytes, MAGIC, "early label", FORMAT, (in, version) -> {
      double label = in.readDouble();
      long deadline = in.readLong();
      String id = in.readUTF();
      String modelKey = in.readUTF();
      long timestamp = in.readLong();
      RawRecord r = new RawRecord(in.readUTF(), in.readInt(), in.readLong(), in.readLong(),
          Framing.readOptionalBytes(in), Framing.readOptionalBytes(in));
      return new Early(new InputLabel(id, modelKey, timestamp, label, r), deadline);
    });
  }
}
