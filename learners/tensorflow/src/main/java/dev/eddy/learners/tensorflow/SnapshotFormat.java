package dev.eddy.learners.tensorflow;

import dev.eddy.learners.Task;
import dev.eddy.learners.codec.Framing;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInput;
import java.io.DataInputStream;
import java.io.DataOutput;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * The versioned binary state of a {@link TensorFlowLearner}, written after the learner codec's
 * header. Version 1, in {@link DataOutput} encoding:
 *
 * <pre>
 * int     version (1)
 * UTF     task name; int dimension
 * int     n; n × (UTF name, UTF value)   the hyperparameters, re-validated on read
 * long    examples seen; long training steps
 * weights int layers; per layer: int fan-in, int fan-out, kernel floats (row-major), bias floats
 * state   int n; n × (int length, floats)   the optimizer's variables (Adam: moments, beta powers)
 * batch   int rows, rows × dimension feature floats, rows label floats (examples not yet trained)
 * </pre>
 *
 * The version field predates {@link Framing}'s header (this payload sits inside the learner codec's
 * frame) but is checked by it like every other format's. With the optimizer's state and the waiting examples in it, a restored learner predicts and goes
 * on learning exactly as the original would have (what a checkpoint recovery needs). A new version
 * gets a new number here and a reader for every older one.
 */
final class SnapshotFormat {
  static final int VERSION = 1;

  private SnapshotFormat() {}

  static void write(TensorFlowLearner learner, DataOutput out) throws IOException {
    TensorFlowLearnerConfig config = learner.config();
    out.writeInt(VERSION);
    out.writeUTF(config.task().name());
    out.writeInt(config.dimension());
    Map<String, String> params = config.toParams();
    out.writeInt(params.size());
    for (Map.Entry<String, String> param : params.entrySet()) {
      out.writeUTF(param.getKey());
      out.writeUTF(param.getValue());
    }
    out.writeLong(learner.examplesSeen());
    out.writeLong(learner.trainingSteps());
    learner.weights().write(out);
    List<float[]> state = learner.session().readOptimizerState();
    out.writeInt(state.size());
    for (float[] values : state) {
      out.writeInt(values.length);
      Framing.writeFloats(out, values);
    }
    learner.batch().write(out);
  }

  /**
   * Reads a learner of {@code type}; {@code device} (null: the one in the snapshot) places it,
   * since a restored operator may hold a different GPU than the one that wrote the snapshot.
   */
  static TensorFlowLearner read(
      String type, DataInput in, DeviceSelection device, LongSupplier nanoClock)
      throws IOException {
    Framing.checkVersion(in.readInt(), VERSION, type + " learner state");
    TensorFlowLearnerConfig config = readConfig(type, in);
    if (device != null) {
      config = config.withDevice(device);
    }
    long seen = in.readLong();
    long steps = in.readLong();
    Weights weights = Weights.read(in, config.layerSizes());
    TensorFlowLearner learner = new TensorFlowLearner(config, weights, nanoClock);
    try {
      learner.session().assignOptimizerState(readOptimizerState(in, learner.session()));
      learner.restoreCounters(seen, steps);
      learner.batch().read(in, nanoClock.getAsLong());
      return learner;
    } catch (IOException | RuntimeException e) {
      learner.close();
      throw e;
    }
  }

  private static List<float[]> readOptimizerState(DataInput in, ModelSession session)
      throws IOException {
    int[] sizes = session.optimizerStateSizes();
    int count = in.readInt();
    if (count != sizes.length) {
      throw new IOException(
          "snapshot has " + count + " optimizer variables but the optimizer has " + sizes.length);
    }
    List<float[]> state = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      int length = in.readInt();
      if (length != sizes[i]) {
        throw new IOException(
            "snapshot optimizer variable "
                + i
                + " has "
                + length
                + " values but the optimizer needs "
                + sizes[i]);
      }
      float[] values = new float[length];
      Framing.readFloats(in, values);
      state.add(values);
    }
    return state;
  }

  private static TensorFlowLearnerConfig readConfig(String type, DataInput in) throws IOException {
    String taskName = in.readUTF();
    int dimension = in.readInt();
    int count = in.readInt();
    Map<String, String> params = new LinkedHashMap<>();
    for (int i = 0; i < count; i++) {
      params.put(in.readUTF(), in.readUTF());
    }
    try {
      return TensorFlowLearnerConfig.parse(type, params, dimension, Task.valueOf(taskName));
    } catch (IllegalArgumentException e) {
      throw new IOException(type + " state holds an invalid configuration: " + e.getMessage(), e);
    }
  }

  /** A deep copy through the snapshot encoding, in a new session on the same device. */
  static TensorFlowLearner copy(TensorFlowLearner learner) {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      write(learner, new DataOutputStream(bytes));
      DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()));
      return read(learner.type(), in, null, learner.nanoClock());
    } catch (IOException e) {
      throw new UncheckedIOException("copying a " + learner.type() + " learner failed", e);
    }
  }
}
