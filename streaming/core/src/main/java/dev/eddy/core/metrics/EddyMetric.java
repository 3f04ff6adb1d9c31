package dev.eddy.core.metrics;

import java.util.List;

/**
 * Every metric the Eddy job reports, defined once: its name, kind, unit, description and, for a metric
 * with one label, the label's name and its bounded set of values. The job registers exactly these on
 * Flink's metric groups (an adapter in {@code streaming/job}); README's metrics table is rendered from
 * them ({@link MetricsTable}). Engine-free on purpose (as Paimon keeps its metrics in its core), so the
 * definition does not depend on any metric library.
 *
 * <p>Cardinality is bounded: no metric carries the model key, except the opt-in {@link #perKey} ones for
 * at most {@code metrics.key-series} keys per subtask. Quality and lag are of a whole operator subtask
 * (all the model keys it owns); label values come from the fixed lists here.
 */
public enum EddyMetric {
  PREDICTIONS("eddyPredictions", Kind.COUNTER, "predictions", "Predictions emitted (one per valid event)."),
  LEARNED("eddyLearned", Kind.COUNTER, "examples", "Labelled examples learned (test-then-train)."),
  QUALITY("eddyQuality", Kind.GAUGE, "ratio or label unit",
      "Prequential quality of the subtask's models since the subtask started, all keys pooled.",
      "measure", Quality.MEASURES),
  QUALITY_WINDOW("eddyQualityWindow", Kind.GAUGE, "ratio or label unit",
      "Prequential quality over the last 1000 labelled examples of the subtask, all keys pooled.",
      "measure", Quality.MEASURES),
  KEY_QUALITY_WINDOW("eddyKeyQualityWindow", Kind.GAUGE, "ratio or label unit",
      "Opt-in (metrics.key-series: N): one model key's own window quality, for the N keys with the most examples in each subtask.",
      "measure", Quality.MEASURES, true),
  DRIFT_WARNINGS("eddyDriftWarnings", Kind.COUNTER, "signals", "Concept-drift warnings on the prediction errors."),
  DRIFTS("eddyDrifts", Kind.COUNTER, "signals", "Concept drifts detected on the prediction errors."),
  FEATURE_DRIFTS("eddyFeatureDrifts", Kind.COUNTER, "signals", "Feature drifts detected (one per drifting feature)."),
  RETRAINS("eddyRetrains", Kind.COUNTER, "versions", "New model versions born after the initial one (retrains, promotions, resets)."),
  MODEL_VERSION("eddyModelVersion", Kind.GAUGE, "version", "Version of the model that learned last on the subtask (1 = initial)."),
  DEAD_LETTERS("eddyDeadLetters", Kind.COUNTER, "records", "Records sent to the dead-letter topic, by reason.",
      "reason", DeadLetterReason.NAMES),
  EVENT_TIME_LAG("eddyEventTimeLag", Kind.GAUGE, "ms", "Wall-clock time minus the event time of the last event predicted."),
  PREDICTION_LATENCY("eddyPredictionLatency", Kind.HISTOGRAM, "ms", "Event time to prediction, over the last 1000 events."),
  MODEL_CACHE_HITS("eddyModelCacheHits", Kind.COUNTER, "lookups", "Model lookups served by the in-memory model cache."),
  MODEL_CACHE_MISSES("eddyModelCacheMisses", Kind.COUNTER, "lookups", "Model lookups that decoded the model from keyed state or created it."),
  MODELS_CACHED("eddyModelsCached", Kind.GAUGE, "models", "Decoded models held in the subtask's cache."),
  MODELS_CREATED("eddyModelsCreated", Kind.COUNTER, "models", "Fresh models created (model keys seen for the first time)."),
  MODELS_DROPPED_IDLE("eddyModelsDroppedIdle", Kind.COUNTER, "models",
      "Models dropped (with their label waits) after models.idle-ttl without an event; each said on the models topic (reason idle)."),
  LABELS_WAITING("eddyLabelsWaiting", Kind.COUNTER, "events",
      "Unlabelled events that started waiting for their label; pending = this - eddyLabelDelay count - expired."),
  LABELS_MATCHED("eddyLabelsMatched", Kind.COUNTER, "labels", "Labels joined with their event (either came first)."),
  LABELS_EXPIRED("eddyLabelsExpired", Kind.COUNTER, "events", "Events whose label did not come within labels.wait."),
  LABELS_EARLY("eddyLabelsEarly", Kind.COUNTER, "labels", "Labels that arrived before their event."),
  LABELS_DUPLICATE("eddyLabelsDuplicate", Kind.COUNTER, "labels", "Second labels of an event, ignored."),
  LABEL_DELAY("eddyLabelDelay", Kind.HISTOGRAM, "ms", "How long a waiting event waited for its label (its count: waits that ended with the label), last 1000."),
  GUARD_REFUSALS("eddyGuardRefusals", Kind.COUNTER, "examples",
      "Examples the poisoning guard kept from learning (an event is still predicted), by the rule of guard: that refused it.",
      "rule", dev.eddy.core.guard.GuardRule.NAMES),
  GUARD_CLIPPED("eddyGuardClipped", Kind.COUNTER, "examples", "Updates scaled back to guard.max-step (learned, with a bounded step)."),
  REPLICA_ROUNDS("eddyReplicaRounds", Kind.COUNTER, "rounds", "Merge rounds the subtask's replica adopted (models.replicas > 1; 0 with one model)."),
  REPLICA_MERGE_TIME("eddyReplicaMergeTime", Kind.HISTOGRAM, "us", "Time to merge a round's contributions and adopt the result, last 1000 rounds.");

  /** How a metric is reported. */
  public enum Kind {
    /** Monotonic count since the subtask started. */
    COUNTER,
    /** A current value, read when reported. */
    GAUGE,
    /** A distribution over a sliding window of recent values (count, quantiles, mean, min, max). */
    HISTOGRAM
  }

  /** Values of the histograms' sliding window. */
  public static final int HISTOGRAM_WINDOW = 1000;

  private final String metricName;
  private final Kind kind;
  private final String unit;
  private final String description;
  private final String label;
  private final List<String> labelValues;
  private final boolean perKey;

  EddyMetric(String name, Kind kind, String unit, String description) {
    this(name, kind, unit, description, null, List.of(), false);
  }

  EddyMetric(String name, Kind kind, String unit, String description, String label, List<String> labelValues) {
    this(name, kind, unit, description, label, labelValues, false);
  }

  EddyMetric(String name, Kind kind, String unit, String description, String label, List<String> labelValues,
      boolean perKey) {
    this.perKey = perKey;
    this.metricName = name;
    this.kind = kind;
    this.unit = unit;
    this.description = description;
    this.label = label;
    this.labelValues = labelValues;
  }

  /** The metric's name in Flink (camel case, as Flink's own metrics). */
  public String metricName() {
    return metricName;
  }

  public Kind kind() {
    return kind;
  }

  public String unit() {
    return unit;
  }

  public String description() {
    return description;
  }

  /** The name of the metric's one label (a Flink key/value group), or null. */
  public String label() {
    return label;
  }

  /**
   * Whether the metric has a series per model key (label {@value #MODEL_KEY}, before its own label): only
   * for the keys a spec opts in to ({@code metrics.key-series}).
   */
  public boolean perKey() {
    return perKey;
  }

  /** The label of a per-key metric's model key. */
  public static final String MODEL_KEY = "model_key";

  /** Every value the label may take (empty without a label). */
  public List<String> labelValues() {
    return labelValues;
  }

  /**
   * The name Flink's Prometheus reporter gives the metric of a learner or decode operator: the
   * operator scope, {@code model_key} for a per-key metric, the label's key (Flink puts a key/value group's key in the name and its value in the
   * label), then the metric's name.
   */
  public String prometheusName() {
    return "flink_taskmanager_job_task_operator_" + (perKey ? MODEL_KEY + "_" : "") + (label == null ? "" : label + "_")
        + metricName;
  }
}
