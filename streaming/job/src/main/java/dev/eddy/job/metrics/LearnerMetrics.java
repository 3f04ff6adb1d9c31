package dev.eddy.job.metrics;

import dev.eddy.core.metrics.EddyMetric;
import dev.eddy.core.metrics.Quality;
import dev.eddy.core.metrics.TopKeys;
import dev.eddy.core.model.DriftSignal;
import dev.eddy.core.model.Learned;
import dev.eddy.core.model.ModelConfig;
import dev.eddy.core.model.ModelState;
import dev.eddy.drift.Signal;
import dev.eddy.learners.Prediction;
import dev.eddy.learners.Task;
import dev.eddy.learners.metrics.MetricTotals;
import dev.eddy.learners.metrics.PrequentialMetrics;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntSupplier;
import org.apache.flink.api.common.ExecutionConfig;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.Histogram;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.metrics.groups.UnregisteredMetricsGroup;

/**
 * The learner operator's metrics ({@link EddyMetric}), one call per thing that happens. Quality is
 * pooled over every model key of the subtask (a {@link PrequentialMetrics} of its own, fed the same
 * prediction/label pairs as the models' metrics), so the number of series does not grow with the keys.
 * Called on the task thread only; gauges are read by the reporter thread, which may see a value one
 * update old.
 */
public final class LearnerMetrics {
  private final Counter predictions;
  private final Counter learned;
  private final Counter warnings;
  private final Counter drifts;
  private final Counter featureDrifts;
  private final Counter retrains;
  private final Counter cacheHits;
  private final Counter cacheMisses;
  private final Counter created;
  private final Counter orphanLabels;
  private final Histogram latency;
  private final boolean on;
  private final PrequentialMetrics quality;
  private final MetricGroup group;
  private final Task task;
  private final Map<String, ModelState> keyed = new ConcurrentHashMap<>();
  private final Set<String> registered = new HashSet<>();
  private final int keySeries;
  private final TopKeys topKeys;
  private Set<String> top = Set.of();
  private int sinceRanking;
  private volatile long version;
  private volatile long lastEventTime = Long.MIN_VALUE;

  /** The operator's metrics, or none when the job's parameters switch them off ({@link #SWITCH}). */
  public static LearnerMetrics of(MetricGroup group, ExecutionConfig execution, ModelConfig config, IntSupplier cached) {
    Map<String, String> parameters = execution.getGlobalJobParameters().toMap();
    String value = parameters.getOrDefault(SWITCH, "on");
    if (!value.equals("on") && !value.equals("off")) {
      throw new IllegalArgumentException("job parameter " + SWITCH + " must be on or off, got '" + value + "'");
    }
    return new LearnerMetrics(group, config, cached, value.equals("on"),
        Integer.parseInt(parameters.getOrDefault(KEY_SERIES, "0")));
  }

  /** The group the learner's metrics go to: the operator's, or an unregistered one when they are switched off. */
  public MetricGroup group() {
    return group;
  }

  /** The global job parameter of the spec's {@code metrics.key-series} (set by {@code EddyJob}). */
  public static final String KEY_SERIES = "eddy.metrics.key-series";

  /**
   * The global job parameter ({@code pipeline.global-job-parameters}) that switches the learner's
   * metrics off ({@code off}); only for measuring their cost ({@code bin/eddy bench --metrics-cost}).
   */
  public static final String SWITCH = "eddy.metrics";

  /**
   * @param cached the number of models in the operator's cache (read when reported)
   * @param on false: register nothing and count nothing
   * @param keySeries the this many model keys with the most labelled examples get quality series of their own
   */
  LearnerMetrics(MetricGroup group, ModelConfig config, IntSupplier cached, boolean on, int keySeries) {
    this.on = on;
    this.keySeries = keySeries;
    this.topKeys = keySeries > 0 ? new TopKeys(keySeries) : null;
    if (!on) {
      group = new UnregisteredMetricsGroup();
    }
    this.group = group;
    this.task = config.task();
    predictions = FlinkMetrics.counter(group, EddyMetric.PREDICTIONS);
    learned = FlinkMetrics.counter(group, EddyMetric.LEARNED);
    warnings = FlinkMetrics.counter(group, EddyMetric.DRIFT_WARNINGS);
    drifts = FlinkMetrics.counter(group, EddyMetric.DRIFTS);
    featureDrifts = FlinkMetrics.counter(group, EddyMetric.FEATURE_DRIFTS);
    retrains = FlinkMetrics.counter(group, EddyMetric.RETRAINS);
    cacheHits = FlinkMetrics.counter(group, EddyMetric.MODEL_CACHE_HITS);
    cacheMisses = FlinkMetrics.counter(group, EddyMetric.MODEL_CACHE_MISSES);
    created = FlinkMetrics.counter(group, EddyMetric.MODELS_CREATED);
    orphanLabels = FlinkMetrics.counter(group, EddyMetric.DEAD_LETTERS,
        dev.eddy.core.metrics.DeadLetterReason.ORPHAN_LABEL.label());
    latency = FlinkMetrics.histogram(group, EddyMetric.PREDICTION_LATENCY);
    quality = new PrequentialMetrics(config.task(), config.metricsWindow());
    for (String measure : Quality.measures(config.task())) {
      qualityGauge(group, EddyMetric.QUALITY, measure, quality.cumulative());
      qualityGauge(group, EddyMetric.QUALITY_WINDOW, measure, quality.window());
    }
    FlinkMetrics.gauge(group, EddyMetric.MODEL_VERSION, null, (Gauge<Long>) () -> version);
    FlinkMetrics.gauge(group, EddyMetric.MODELS_CACHED, null, (Gauge<Integer>) cached::getAsInt);
    FlinkMetrics.gauge(group, EddyMetric.EVENT_TIME_LAG, null, (Gauge<Long>) this::eventTimeLag);
  }

  private static void qualityGauge(MetricGroup group, EddyMetric metric, String measure, MetricTotals totals) {
    FlinkMetrics.gauge(group, metric, measure, (Gauge<Double>) () -> Quality.value(totals, measure));
  }

  private long eventTimeLag() {
    long t = lastEventTime;
    return t == Long.MIN_VALUE ? 0 : System.currentTimeMillis() - t;
  }

  /** A model lookup: served by the cache, or decoded/created ({@code created}: a fresh model). */
  public void modelLookup(boolean hit, boolean fresh) {
    if (!on) {
      return;
    }
    (hit ? cacheHits : cacheMisses).inc();
    if (fresh) {
      created.inc();
    }
  }

  /** A prediction was emitted at wall-clock {@code now} for an event of {@code eventTime}, with these feature drifts. */
  public void predicted(long eventTime, long now, List<DriftSignal> featureDriftSignals) {
    if (!on) {
      return;
    }
    predictions.inc();
    latency.update(now - eventTime);
    lastEventTime = eventTime;
    if (!featureDriftSignals.isEmpty()) {
      featureDrifts.inc(featureDriftSignals.size());
    }
  }

  /**
   * A labelled example was learned by {@code model}, the model of {@code key}: {@code prediction} (made
   * before learning) against {@code label}.
   */
  public void learned(String key, ModelState model, Prediction prediction, double label, Learned result) {
    if (!on) {
      return;
    }
    if (keySeries > 0) {
      track(key, model);
    }
    learned.inc();
    quality.record(prediction, label);
    DriftSignal s = result.signal();
    if (s != null) {
      (s.level() == Signal.WARNING ? warnings : drifts).inc();
    }
    if (result.newVersion()) {
      retrains.inc();
    }
    version = result.version();
  }

  /** Labelled examples between two rankings of the keys. */
  static final int RANKING_EVERY = 1000;

  /**
   * Counts {@code key}'s example, ranks the keys every {@link #RANKING_EVERY} examples, and keeps
   * {@code model} as the one the series of a top key reads (a key's model object changes when it is
   * reloaded from state).
   */
  private void track(String key, ModelState model) {
    topKeys.add(key);
    if (++sinceRanking >= RANKING_EVERY) {
      sinceRanking = 0;
      rank();
    }
    if (top.contains(key)) {
      keyed.put(key, model);
    }
  }

  /**
   * The top keys now: a key that joins gets its series (registered once; at most twice N keys ever,
   * so the series stay bounded when the ranking churns), a key that leaves keeps its series, which read
   * NaN until it is back.
   */
  private void rank() {
    Set<String> now = new HashSet<>();
    for (String key : topKeys.top()) {
      if (registered.contains(key) || registered.size() < 2 * keySeries) {
        now.add(key);
        register(key);
      }
    }
    keyed.keySet().retainAll(now);
    top = now;
  }

  private void register(String key) {
    if (!registered.add(key)) {
      return;
    }
    MetricGroup keyGroup = group.addGroup(EddyMetric.MODEL_KEY, key);
    for (String measure : Quality.measures(task)) {
      FlinkMetrics.gauge(keyGroup, EddyMetric.KEY_QUALITY_WINDOW, measure, (Gauge<Double>) () -> {
        ModelState model = keyed.get(key);
        return model == null ? Double.NaN : Quality.value(model.metrics().window(), measure);
      });
    }
  }

  /** A label whose event never came was dead-lettered. */
  public void orphanLabel() {
    if (!on) {
      return;
    }
    orphanLabels.inc();
  }
}
