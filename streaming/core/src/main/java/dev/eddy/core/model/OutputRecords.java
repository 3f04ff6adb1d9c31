package dev.eddy.core.model;

import dev.eddy.drift.Signal;
import dev.eddy.learners.codec.LearnerCodec;
import dev.eddy.learners.Task;
import dev.eddy.schemas.DriftEvent;
import dev.eddy.schemas.DriftKind;
import dev.eddy.schemas.DriftLevel;
import dev.eddy.schemas.ModelSnapshot;
import dev.eddy.schemas.Prediction;
import dev.eddy.schemas.codec.Topics;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns what a {@link ModelState} step returned into the records of the output topics. Pure, so the
 * job's operator and {@code bin/eddy evaluate} write the same records for the same step.
 */
public final class OutputRecords {
  /** The reason of a model snapshot published periodically, as an update of its current version. */
  public static final String UPDATE = "update";
  /** The reason of a model's last snapshot, published when {@code models.idle-ttl} drops it. */
  public static final String IDLE = "idle";

  private OutputRecords() {}

  /**
   * The prediction record of an event, by task: binary, the score, 0/1 label and probability (where
   * the learner defines it); multiclass, also the predicted class's name, every class's score and,
   * where defined, probability, by class name; regression, the predicted value.
   *
   * @param config the model's configuration (its task and classes)
   * @param label the event's label (as the learner sees it: a class index for multiclass) when it
   *     came with the event, else null
   */
  public static Prediction prediction(String id, String modelKey, ModelConfig config, Scored scored, Double label,
      long eventTime, long processedAt) {
    var p = scored.prediction();
    Double probability = null;
    String predictedClass = null;
    String labelClass = null;
    Map<String, Double> classScores = null;
    Map<String, Double> classProbabilities = null;
    Double predictedValue = null;
    switch (config.task()) {
      case BINARY -> probability = p.hasProbability() ? p.probability() : null;
      case MULTICLASS -> {
        List<String> classes = config.classes();
        predictedClass = className(classes, (int) p.label());
        labelClass = label == null ? null : className(classes, label.intValue());
        classScores = byClass(classes, p.classScores());
        classProbabilities = byClass(classes, p.classProbabilities());
      }
      case REGRESSION -> predictedValue = p.label();
    }
    // the all-fields constructor: a builder would resolve every unset field's default per record
    return new Prediction(id, modelKey, scored.version(), p.score(), p.label(), probability, label, eventTime,
        processedAt, TASK_NAMES[config.task().ordinal()], predictedClass, labelClass, classScores, classProbabilities,
        predictedValue);
  }

  private static final String[] TASK_NAMES = taskNames();

  private static String[] taskNames() {
    Task[] tasks = Task.values();
    String[] names = new String[tasks.length];
    for (Task t : tasks) {
      names[t.ordinal()] = t.name().toLowerCase(Locale.ROOT);
    }
    return names;
  }

  /** The name of class {@code k} (its index when the classes are not named). */
  private static String className(List<String> classes, int k) {
    return k < classes.size() ? classes.get(k) : String.valueOf(k);
  }

  /** Per-class values by class name, in class order; null for null. */
  private static Map<String, Double> byClass(List<String> classes, double[] values) {
    if (values == null) {
      return null;
    }
    Map<String, Double> map = new LinkedHashMap<>();
    for (int k = 0; k < values.length; k++) {
      map.put(className(classes, k), values[k]);
    }
    return map;
  }

  /** The drift-topic record of a concept or feature drift signal. */
  public static DriftEvent drift(String modelKey, DriftSignal s, long timestamp) {
    return DriftEvent.newBuilder()
        .setModelKey(modelKey)
        .setDetector(s.detector())
        .setLevel(s.level() == Signal.DRIFT ? DriftLevel.DRIFT : DriftLevel.WARNING)
        .setKind(s.isConcept() ? DriftKind.CONCEPT : DriftKind.FEATURE)
        .setFeature(s.feature())
        .setPosition(s.position())
        .setStatistics(s.statistics())
        .setAction(s.action())
        .setModelVersion(s.version())
        .setTimestamp(timestamp)
        .build();
  }

  /** The size in bytes of {@code model}'s snapshot record as the models topic stores it (Avro single-object encoding). */
  public static int snapshotBytes(ModelState model) {
    return Topics.MODEL.encode(snapshot("", model, "size", 0)).length;
  }

  /** The models-topic record of the model's current version: champion, standardizer, metrics. */
  public static ModelSnapshot snapshot(String modelKey, ModelState model, String reason, long timestamp) {
    return snapshot(modelKey, model, reason, timestamp, 0, 0);
  }

  /**
   * The models-topic record of the model's current version, with how many labels from the labels
   * topic were matched to their events and how many events waited for one in vain.
   */
  public static ModelSnapshot snapshot(String modelKey, ModelState model, String reason, long timestamp,
      long labelsMatched, long labelsExpired) {
    var champion = model.champion();
    return ModelSnapshot.newBuilder()
        .setModelKey(modelKey)
        .setVersion(model.version())
        .setLearnerType(champion.type())
        .setHyperparameters(champion.hyperparameters())
        .setParameters(ByteBuffer.wrap(LearnerCodec.encode(champion)))
        .setStandardizer(model.standardizer() == null ? null : ByteBuffer.wrap(model.standardizer().toBytes()))
        .setMetrics(model.metrics().toMap())
        .setExamples(champion.examplesSeen())
        .setReason(reason)
        .setTimestamp(timestamp)
        .setLabelsMatched(labelsMatched)
        .setLabelsExpired(labelsExpired)
        .build();
  }
}
