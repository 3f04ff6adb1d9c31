package dev.eddy.core.model;

import dev.eddy.drift.DriftDetector;
import dev.eddy.drift.FeatureDriftMonitor;
import dev.eddy.drift.retrain.RetrainPolicy;
import dev.eddy.drift.retrain.RetrainingLearner;
import dev.eddy.learners.FeatureHasher;
import dev.eddy.learners.FeatureVector;
import dev.eddy.learners.OnlineLearner;
import dev.eddy.learners.Prediction;
import dev.eddy.learners.metrics.PrequentialMetrics;
import dev.eddy.learners.standardize.Standardizer;
import java.util.ArrayList;
import java.util.List;

/**
 * The model step of one model key, in two halves. {@link #predict} runs when an event arrives:
 * the feature-drift detectors see its raw values, the standardizer learns them and standardizes
 * them (then, with {@code hash-bits}, they are hashed by name), and the champion predicts.
 * {@link #learn} runs when the event's label is known — at once, or later when it arrives on the
 * labels topic — with what {@code predict} returned: the prediction is scored, and the
 * {@link RetrainingLearner} (concept detector, retraining policy) learns. Both return what happened
 * as values; the job's operator turns them into records, and {@code bin/eddy evaluate} into its
 * report, so the two run exactly this code.
 *
 * <p>State: the standardizer statistics, the retraining policy (which owns the champion learner,
 * any challenger or window, and the model version), the concept-drift detector, the optional
 * per-feature detectors, the prequential metrics and the counters; persisted by
 * {@link ModelStateCodec}. Not thread-safe: one model key is owned by one operator subtask.
 */
public final class ModelState {
  private static final String[] NO_CATEGORIES = new String[0];
  /** The reason of a new model version born of a switch of the serving candidate. */
  public static final String SELECTION = "selection";

  private final ModelPrototype prototype;
  private final ModelConfig config;
  private Standardizer standardizer; // null when not standardizing
  private final RetrainingLearner first; // candidate 0: the spec's learner.type
  private final CandidateRace race; // null without learner.candidates
  private RetrainingLearner model; // the serving one
  private final FeatureDriftMonitor features; // null when no feature-drift detection
  private final PrequentialMetrics metrics;
  private long events;
  private final double[] scratch;
  private final FeatureHasher hasher; // null without hash-bits
  private Learned lastQuiet;

  ModelState(ModelPrototype prototype, Standardizer standardizer, RetrainingLearner first, CandidateRace race,
      FeatureDriftMonitor features, PrequentialMetrics metrics, long events) {
    this.prototype = prototype;
    this.config = prototype.config();
    this.standardizer = standardizer;
    this.first = first;
    this.race = race;
    this.model = race == null ? first : race.serving();
    this.features = features;
    this.metrics = metrics;
    this.events = events;
    this.scratch = new double[config.dimension()];
    int bits = config.hashBits();
    this.hasher = bits == 0 ? null : new FeatureHasher(bits, config.dimension() + config.categorical().size());
  }

  /** The predict half for an event of numeric features only (the job's events). */
  public Scored predict(double[] raw) {
    return predict(raw, NO_CATEGORIES);
  }

  /**
   * The predict half: watches, standardizes and encodes the event's features, and predicts.
   *
   * @param raw the numeric feature values, in {@link ModelConfig#features()} order; not modified
   * @param categories the categorical values, in {@link ModelConfig#categorical()} order
   */
  public Scored predict(double[] raw, String[] categories) {
    return predict(raw, categories, raw);
  }

  /**
   * The predict half, with the standardizer learning {@code statistics} instead of the raw values
   * (the poisoning guard's clipped values of an outlier, {@code dev.eddy.core.guard.Guard#screen}).
   */
  public Scored predict(double[] raw, String[] categories, double[] statistics) {
    List<DriftSignal> drifted = features == null ? List.of() : watchFeatures(raw);
    FeatureVector x = encode(raw, categories, statistics);
    events++;
    Prediction p = model.predict(x);
    boolean retrain = !drifted.isEmpty() && config.drift().featureRetrain();
    return new Scored(p, x, version(), retrain, drifted);
  }

  /**
   * The learn half: scores the prediction {@code scored} holds against {@code label}, then learns from
   * its features; a drift may replace the model (and, for the {@code reset} policy, the standardizer).
   */
  public Learned learn(Scored scored, double label) {
    metrics.record(scored.prediction(), label);
    RetrainingLearner served = model;
    RetrainingLearner.Step step;
    boolean switched = false;
    if (race == null) {
      step = model.learn(scored.features(), label, scored.prediction(), scored.retrain());
    } else {
      CandidateRace.Round round = race.learn(scored.features(), label, scored.prediction(), scored.retrain());
      step = round.step();
      switched = round.switched();
      model = race.serving();
    }
    long version = version();
    DriftSignal signal = step.reported()
        ? DriftSignal.concept(step.signal(), served.detector(), step.position(), step.outcome().action().specName(), version)
        : null;
    String reason = null;
    if (step.newVersion()) {
      reason = step.outcome().reason();
      if (step.outcome().resetStandardizer()) {
        standardizer = config.freshStandardizer(); // shared by the candidates: the serving one's policy decides
      }
    }
    if (switched) {
      reason = SELECTION;
    }
    return signal == null && reason == null ? quiet(version) : new Learned(signal, reason, version);
  }

  /** The shared "nothing happened" result of a version, so the common case allocates nothing. */
  private Learned quiet(long version) {
    if (lastQuiet == null || lastQuiet.version() != version) {
      lastQuiet = new Learned(null, null, version);
    }
    return lastQuiet;
  }

  private FeatureVector encode(double[] raw, String[] categories, double[] statistics) {
    double[] x = raw;
    if (standardizer != null) {
      standardizer.update(statistics);
      standardizer.transform(raw, scratch);
      x = scratch;
    } else if (hasher == null) {
      System.arraycopy(raw, 0, scratch, 0, raw.length); // the caller may reuse raw before learn
      x = scratch;
    }
    if (hasher == null) {
      return FeatureVector.dense(x);
    }
    hasher.clear();
    List<String> names = config.features();
    for (int j = 0; j < x.length; j++) {
      hasher.add(names.get(j), x[j]);
    }
    List<String> categorical = config.categorical();
    for (int j = 0; j < categories.length; j++) {
      hasher.add(categorical.get(j), categories[j]);
    }
    return hasher.vector();
  }

  /** Feeds the raw values to the feature detectors; returns the features that drifted. */
  private List<DriftSignal> watchFeatures(double[] raw) {
    int drifted = features.update(FeatureVector.dense(raw));
    if (drifted == 0) {
      return List.of();
    }
    List<DriftSignal> signals = new ArrayList<>(drifted);
    for (int k = 0; k < drifted; k++) {
      int feature = features.drifted(k);
      signals.add(DriftSignal.feature(config.features().get(feature), features.detector(feature), events));
    }
    return signals;
  }

  public ModelConfig config() {
    return config;
  }

  /** The prototype this model was built or decoded against (its spec's settings, for the codec). */
  ModelPrototype prototype() {
    return prototype;
  }

  /**
   * The model version: 1 for the initial model, +1 for each replacement; with candidates, +1 for each
   * switch of the serving candidate ({@link #SELECTION}) and each replacement of the serving model.
   */
  public long version() {
    return race == null ? model.version() : race.version();
  }

  /** The candidate race of {@code learner.candidates}, or null. */
  public CandidateRace race() {
    return race;
  }

  /** Candidate 0, the spec's {@code learner.type} (the model itself without candidates). */
  RetrainingLearner first() {
    return first;
  }

  /** The model serving predictions. */
  public OnlineLearner champion() {
    return model.policy().champion();
  }

  public Standardizer standardizer() {
    return standardizer;
  }

  /**
   * Replaces the standardizer's statistics (a data-parallel replica adopting its merge round's,
   * {@code dev.eddy.core.replica}); only while standardizing, with the same dimension and half-life.
   */
  public void adoptStandardizer(Standardizer statistics) {
    if (standardizer == null || statistics.dimension() != standardizer.dimension()
        || Double.compare(statistics.halfLife(), standardizer.halfLife()) != 0) {
      throw new IllegalArgumentException("cannot adopt " + statistics + " in place of " + standardizer);
    }
    standardizer = statistics;
  }

  public RetrainPolicy policy() {
    return model.policy();
  }

  public DriftDetector conceptDetector() {
    return model.detector();
  }

  public FeatureDriftMonitor featureDetectors() {
    return features;
  }

  public PrequentialMetrics metrics() {
    return metrics;
  }

  /** Events seen by this model. */
  public long events() {
    return events;
  }

  /** Labelled examples seen by this model. */
  public long labelled() {
    return model.labelled();
  }
}
