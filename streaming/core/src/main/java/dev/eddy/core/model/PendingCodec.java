package dev.eddy.core.model;

import dev.eddy.learners.FeatureVector;
import dev.eddy.learners.Prediction;
import dev.eddy.learners.codec.Framing;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.List;

/**
 * The versioned binary form of an event that waits for its label (keyed state, so checkpoints and
 * savepoints): what {@link ModelState#predict} returned for it — the prediction, the features as the
 * model will learn from them, the version that predicted, whether a feature drift asked for
 * retraining — the event's time and when it stops waiting. Format 2: magic "EDPE", version, event
 * time, deadline (processing time, ms), prediction (score, label, probability, then the class scores
 * and class probabilities as optional arrays: a count, -1 for none), version, retrain flag, then the
 * features: dimension, entry count, dense flag, indices (sparse only) and values. Format 1 (binary
 * only, before multiclass) lacks the two arrays and still restores. Feature drifts are not kept: they
 * were reported at prediction.
 */
public final class PendingCodec {
  private static final int MAGIC = 0x45445045; // "EDPE"
  private static final int FORMAT = 2;
  private static final String WHAT = "pending event";

  private PendingCodec() {}

  /**
   * An event waiting for its label.
   *
   * @param deadline when it stops waiting (processing time, epoch ms)
   */
  public record Pending(Scored scored, long eventTime, long deadline) {}

  public static byte[] encode(Scored s, long eventTime, long deadline) {
    return Framing.encode(MAGIC, FORMAT, out -> {
      out.writeLong(eventTime);
      out.writeLong(deadline);
      Prediction p = s.prediction();
      out.writeDouble(p.score());
      out.writeDouble(p.label());
      out.writeDouble(p.probability());
      writeOptional(out, p.classScores());
      writeOptional(out, p.classProbabilities());
      out.writeLong(s.version());
      out.writeBoolean(s.retrain());
      writeFeatures(out, s.features());
    });
  }

  public static Pending decode(byte[] bytes) {
    return Framing.decode(bytes, MAGIC, WHAT, FORMAT, (in, version) -> {
      long eventTime = in.readLong();
      long deadline = in.readLong();
      double score = in.readDouble();
      double label = in.readDouble();
      double probability = in.readDouble();
      double[] scores = version >= 2 ? readOptional(in) : null;
      double[] probabilities = version >= 2 ? readOptional(in) : null;
      Prediction p = new Prediction(score, label, probability, scores, probabilities);
      long modelVersion = in.readLong();
      boolean retrain = in.readBoolean();
      return new Pending(new Scored(p, readFeatures(in), modelVersion, retrain, List.of()), eventTime, deadline);
    });
  }

  private static void writeOptional(DataOutput out, double[] values) throws IOException {
    out.writeInt(values == null ? -1 : values.length);
    if (values != null) {
      for (double v : values) {
        out.writeDouble(v);
      }
    }
  }

  private static double[] readOptional(DataInput in) throws IOException {
    int n = in.readInt();
    if (n < -1 || n > 1 << 16) {
      throw new IOException("bad class count " + n);
    }
    if (n == -1) {
      return null;
    }
    double[] values = new double[n];
    for (int k = 0; k < n; k++) {
      values[k] = in.readDouble();
    }
    return values;
  }

  private static void writeFeatures(DataOutput out, FeatureVector x) throws IOException {
    out.writeInt(x.dimension());
    out.writeInt(x.size());
    out.writeBoolean(x.isDense());
    for (int k = 0; k < x.size(); k++) {
      if (!x.isDense()) {
        out.writeInt(x.index(k));
      }
      out.writeDouble(x.value(k));
    }
  }

  private static FeatureVector readFeatures(DataInput in) throws IOException {
    int dimension = Framing.readLength(in);
    int size = Framing.readLength(in);
    boolean dense = in.readBoolean();
    if (size > dimension || (dense && size != dimension)) {
      throw new IOException("bad feature vector: " + size + " entries of dimension " + dimension);
    }
    int[] indices = new int[size];
    double[] values = new double[size];
    for (int k = 0; k < size; k++) {
      indices[k] = dense ? k : in.readInt();
      values[k] = in.readDouble();
    }
    return dense ? FeatureVector.dense(values) : FeatureVector.sparse(dimension, indices, values, size);
  }
}
