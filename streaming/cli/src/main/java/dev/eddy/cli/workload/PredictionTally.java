package dev.eddy.cli.workload;

import dev.eddy.schemas.Prediction;
import dev.eddy.schemas.codec.Topics;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;

/**
 * Counts predictions as they are read from the predictions topic: records, distinct event ids (to
 * see losses and duplicates), correct predictions among labelled ones, and model versions.
 */
public final class PredictionTally {
  private final Map<String, Integer> perId = new HashMap<>();
  private final TreeSet<Long> versions = new TreeSet<>();
  private long records;
  private long labelled;
  private long correct;
  private long latestVersion;

  /** Adds one record's value bytes. */
  public void add(byte[] value) {
    Prediction p;
    try {
      p = Topics.PREDICTION.decode(value);
    } catch (IOException e) {
      throw new IllegalStateException("the predictions topic holds a record that is not a Prediction", e);
    }
    add(p);
  }

  /** Adds one prediction. */
  public void add(Prediction p) {
    records++;
    perId.merge(p.getId(), 1, Integer::sum);
    versions.add(p.getModelVersion());
    latestVersion = p.getModelVersion();
    if (p.getLabel() != null) {
      labelled++;
      boolean positive = p.getLabel() > 0;
      if ((p.getPredictedLabel() > 0) == positive) {
        correct++;
      }
    }
  }

  public long records() {
    return records;
  }

  public long distinctIds() {
    return perId.size();
  }

  /** Ids seen more than once. */
  public long duplicatedIds() {
    return perId.values().stream().filter(n -> n > 1).count();
  }

  public boolean contains(String id) {
    return perId.containsKey(id);
  }

  /** Fraction of labelled predictions that were right (NaN before any). */
  public double accuracy() {
    return labelled == 0 ? Double.NaN : (double) correct / labelled;
  }

  public long latestVersion() {
    return latestVersion;
  }

  public TreeSet<Long> versions() {
    return versions;
  }
}
