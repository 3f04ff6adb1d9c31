package dev.eddy.job.source;

import dev.eddy.core.input.InputEvent;
import dev.eddy.core.input.InputLabel;
import dev.eddy.core.input.ModelInput;
import dev.eddy.core.input.RawRecord;
import dev.eddy.core.input.SyncInput;
import java.io.IOException;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.base.TypeSerializerSingleton;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * The wire form of {@link ModelInput} between the decoders and the keyed learner operator: a tag byte,
 * then the event's or the label's fields (or a replica contribution's index and bytes) written directly. Flink's reflective POJO serializer, which
 * builds and initialises two objects per record by reflection, cost the learner's thread 13 % of its
 * time (JFR, `bin/eddy bench`). Not used for state: nothing keeps a {@code ModelInput} across a
 * checkpoint but the in-flight buffers of unaligned checkpoints.
 */
public final class ModelInputSerializer extends TypeSerializerSingleton<ModelInput> {
  private static final long serialVersionUID = 1L;
  public static final ModelInputSerializer INSTANCE = new ModelInputSerializer();
  private static final byte EVENT = 0;
  private static final byte LABEL = 1;
  private static final byte SYNC = 2;

  @Override
  public boolean isImmutableType() {
    return false;
  }

  @Override
  public ModelInput createInstance() {
    return new ModelInput();
  }

  @Override
  public ModelInput copy(ModelInput from) {
    if (from.event != null) {
      InputEvent e = from.event;
      return ModelInput.of(new InputEvent(e.id, e.modelKey, e.timestamp, e.features.clone(), e.label));
    }
    if (from.sync != null) {
      return ModelInput.of(new SyncInput(from.sync.replica, from.sync.contribution.clone()));
    }
    InputLabel l = from.label;
    RawRecord r = l.source;
    return ModelInput.of(new InputLabel(l.id, l.modelKey, l.timestamp, l.label,
        new RawRecord(r.topic, r.partition, r.offset, r.timestamp, r.key == null ? null : r.key.clone(),
            r.value == null ? null : r.value.clone())));
  }

  @Override
  public ModelInput copy(ModelInput from, ModelInput reuse) {
    return copy(from);
  }

  @Override
  public int getLength() {
    return -1;
  }

  @Override
  public void serialize(ModelInput record, DataOutputView out) throws IOException {
    if (record.event != null) {
      InputEvent e = record.event;
      out.writeByte(EVENT);
      out.writeUTF(e.id);
      out.writeUTF(e.modelKey);
      out.writeLong(e.timestamp);
      out.writeInt(e.features.length);
      for (double x : e.features) {
        out.writeDouble(x);
      }
      out.writeDouble(e.label);
    } else if (record.sync != null) {
      out.writeByte(SYNC);
      out.writeInt(record.sync.replica);
      writeBytes(out, record.sync.contribution);
    } else {
      InputLabel l = record.label;
      out.writeByte(LABEL);
      out.writeUTF(l.id);
      out.writeUTF(l.modelKey);
      out.writeLong(l.timestamp);
      out.writeDouble(l.label);
      RawRecord r = l.source;
      out.writeUTF(r.topic);
      out.writeInt(r.partition);
      out.writeLong(r.offset);
      out.writeLong(r.timestamp);
      writeBytes(out, r.key);
      writeBytes(out, r.value);
    }
  }

  @Override
  public ModelInput deserialize(DataInputView in) throws IOException {
    byte tag = in.readByte();
    if (tag == SYNC) {
      return ModelInput.of(new SyncInput(in.readInt(), readBytes(in)));
    }
    if (tag == EVENT) {
      String id = in.readUTF();
      String key = in.readUTF();
      long timestamp = in.readLong();
      double[] x = new double[in.readInt()];
      for (int i = 0; i < x.length; i++) {
        x[i] = in.readDouble();
      }
      return ModelInput.of(new InputEvent(id, key, timestamp, x, in.readDouble()));
    }
    String id = in.readUTF();
    String key = in.readUTF();
    long timestamp = in.readLong();
    double label = in.readDouble();
    RawRecord r = new RawRecord(in.readUTF(), in.readInt(), in.readLong(), in.readLong(), readBytes(in), readBytes(in));
    return ModelInput.of(new InputLabel(id, key, timestamp, label, r));
  }

  @Override
  public ModelInput deserialize(ModelInput reuse, DataInputView in) throws IOException {
    return deserialize(in);
  }

  @Override
  public void copy(DataInputView in, DataOutputView out) throws IOException {
    serialize(deserialize(in), out);
  }

  private static void writeBytes(DataOutputView out, byte[] b) throws IOException {
    out.writeInt(b == null ? -1 : b.length);
    if (b != null) {
      out.write(b);
    }
  }

  private static byte[] readBytes(DataInputView in) throws IOException {
    int n = in.readInt();
    if (n < 0) {
      return null;
    }
    byte[] b = new byte[n];
    in.readFully(b);
    return b;
  }

  @Override
  public TypeSerializerSnapshot<ModelInput> snapshotConfiguration() {
    return new Snapshot();
  }

  /** The serializer's snapshot (for unaligned checkpoints' in-flight data). */
  public static final class Snapshot extends SimpleTypeSerializerSnapshot<ModelInput> {
    public Snapshot() {
      super(() -> INSTANCE);
    }
  }
}
