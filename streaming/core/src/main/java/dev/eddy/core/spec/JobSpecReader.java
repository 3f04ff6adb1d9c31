package dev.eddy.core.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.eddy.core.input.EventFormats;
import dev.eddy.core.kafka.KafkaConnection;
import dev.eddy.core.model.ModelConfig;
import dev.eddy.core.model.ModelState;
import dev.eddy.core.model.OutputRecords;
import dev.eddy.learners.Learners;
import dev.eddy.learners.Task;
import dev.eddy.learners.params.ParamException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads and validates a YAML job spec. Every key is checked against the keys allowed at its place;
 * the first problem fails the whole spec with a {@link JobSpecException} naming the field (as a
 * dotted path) and the allowed values, so a bad spec fails at start, before any Flink job exists.
 * The learner's hyperparameters are validated by building the learner once.
 */
public final class JobSpecReader {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private JobSpecReader() {}

  /** Reads {@code file}. */
  public static JobSpec read(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new JobSpecException("file", "no such file: " + file);
    }
    return parse(Files.readString(file));
  }

  /** Parses YAML text. */
  public static JobSpec parse(String yaml) {
    JsonNode root;
    try {
      root = YAML.readTree(yaml);
    } catch (IOException e) {
      throw new JobSpecException("(syntax)", (e instanceof com.fasterxml.jackson.core.JsonProcessingException j ? j.getOriginalMessage() : e.getMessage()));
    }
    if (root == null || !root.isObject()) {
      throw new JobSpecException("(root)", "expected a mapping of keys (name, kafka, features, ...)");
    }
    Node spec = new Node("", (ObjectNode) root);
    spec.allow("name", "kafka", "input", "features", "standardize", "learner", "drift", "task", "classes", "checkpoint", "parallelism",
        "models", "labels", "metrics", "guard");

    String name = spec.text("name", null);
    if (name == null || !name.matches("[A-Za-z0-9._-]+")) {
      throw new JobSpecException("name", "required; letters, digits, '.', '_' and '-' only, got " + name);
    }
    JobSpec.Kafka kafka = kafka(spec.child("kafka", true), name);
    JobSpec.Input input = input(spec.child("input", false));
    List<String> features = features(spec);
    boolean standardize = spec.bool("standardize", true);
    TaskSpecReader.TaskSpec target = TaskSpecReader.read(spec.object);
    Task task = target.task();
    JobSpec.Learner learner = learner(spec.child("learner", true), features.size(), target);
    JobSpec.Drift drift = DriftSpecReader.read(spec.child("drift", false).object(), task);
    JobSpec.Checkpoint checkpoint = checkpoint(spec.child("checkpoint", false));
    checkTransactionsOutliveCheckpoints(kafka, checkpoint);
    int parallelism = spec.integer("parallelism", 0);
    if (parallelism < 0) {
      throw new JobSpecException("parallelism", "must be >= 1 (or absent for the default), got " + parallelism);
    }
    Node modelsNode = spec.child("models", false);
    modelsNode.allow("publish-every", "idle-ttl", "publish-initial", "replicas", "merge-every", "merge-interval");
    long publishEvery = modelsNode.integer("publish-every", (int) JobSpec.Models.DEFAULT_PUBLISH_EVERY);
    if (publishEvery < 0) {
      throw new JobSpecException("models.publish-every", "must be >= 0 (0 = only when a version is born), got " + publishEvery);
    }
    JobSpec.Labels labels = labels(spec.child("labels", false), input);
    JobSpec jobSpec = new JobSpec(name, kafka, input, features, standardize, learner, drift, task, target.classes(), checkpoint, parallelism,
        new JobSpec.Models(publishEvery, idleTtl(modelsNode, labels), modelsNode.bool("publish-initial", input.modelKey() == null),
            replicas(modelsNode)), labels, metrics(spec.child("metrics", false)),
        GuardSpecReader.read(spec.child("guard", false).object(), standardize, learner, features.size(), task, kafka.topics().all()));
    checkModel(jobSpec);
    return jobSpec;
  }

  /**
   * {@code models.replicas}, {@code models.merge-every} and {@code models.merge-interval}; checked
   * against the rest of the spec by {@link ReplicaChecks}. Rounds are by count ({@code merge-every},
   * 1,000 by default), by time ({@code merge-interval} alone), or by whichever comes first (both).
   */
  private static Replicas replicas(Node models) {
    Duration interval = models.text("merge-interval", null) == null ? null : duration(models, "merge-interval", null);
    boolean byCount = interval == null || models.text("merge-every", null) != null;
    long mergeEvery = byCount ? models.integer("merge-every", (int) Replicas.DEFAULT_MERGE_EVERY) : 0;
    if (byCount && mergeEvery < 1) {
      throw new JobSpecException("models.merge-every", "must be >= 1, got " + mergeEvery);
    }
    return new Replicas(models.integer("replicas", 1), mergeEvery, interval);
  }

  /**
   * {@code models.idle-ttl}, or null when absent: at least as long as labels wait, so that a key is
   * never dropped while one of its events may still get its label.
   */
  private static Duration idleTtl(Node models, JobSpec.Labels labels) {
    if (models.text("idle-ttl", null) == null) {
      return null;
    }
    Duration ttl = duration(models, "idle-ttl", null);
    Duration longestWait = labels.pendingWait().compareTo(labels.earlyWait()) >= 0 ? labels.pendingWait() : labels.earlyWait();
    if (ttl.compareTo(longestWait) < 0) {
      throw new JobSpecException("models.idle-ttl", "must be at least as long as labels wait (labels.wait and labels.early-wait, "
          + Durations.format(longestWait) + "), so no key is dropped while its events wait for labels; got " + Durations.format(ttl));
    }
    return ttl;
  }

  private static JobSpec.Metrics metrics(Node node) {
    node.allow("key-series");
    int keySeries = node.integer("key-series", 0);
    if (keySeries < 0 || keySeries > JobSpec.Metrics.MAX_KEY_SERIES) {
      throw new JobSpecException("metrics.key-series", "must be between 0 and " + JobSpec.Metrics.MAX_KEY_SERIES
          + " (model keys per subtask with series of their own; 0 = none), got " + keySeries);
    }
    return new JobSpec.Metrics(keySeries);
  }

  /**
   * Builds the fresh model every key starts from, once, and releases it: whatever would throw on the
   * job's first event (a learner, detector or policy the options cannot build) throws here, at start.
   */
  private static void checkModel(JobSpec spec) {
    ModelConfig config = ModelConfig.of(spec);
    ModelState fresh;
    try {
      fresh = config.freshModel();
    } catch (IllegalArgumentException e) {
      boolean monitor = spec.drift().featureDetector() != null && e.getMessage().startsWith("feature drift");
      throw new JobSpecException(monitor ? "drift.feature-detector" : "learner", e.getMessage());
    }
    try (AutoCloseable probe = closeable(fresh.champion())) {
      ReplicaChecks.check(spec, fresh);
      int size = OutputRecords.snapshotBytes(fresh);
      if (size > JobSpec.Models.MAX_SNAPSHOT_BYTES) {
        throw new JobSpecException("learner", "the model's snapshot takes " + size + " bytes, more than the models topic takes ("
            + JobSpec.Models.MAX_SNAPSHOT_BYTES + " bytes): choose a smaller model");
      }
    } catch (JobSpecException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException("cannot release the model built to check the spec", e);
    }
  }

  /**
   * With exactly-once outputs, a Kafka transaction stays open from one checkpoint until the next one
   * completes and commits it. If the broker aborts it first (its transaction timeout), the records
   * it held are lost while the offsets move on: refuse a checkpoint interval and timeout that a
   * transaction cannot outlive.
   */
  private static void checkTransactionsOutliveCheckpoints(JobSpec.Kafka kafka, JobSpec.Checkpoint checkpoint) {
    String ms = kafka.connection().properties().get(JobSpec.Kafka.TRANSACTION_TIMEOUT);
    if (ms != null && !ms.trim().matches("\\d{1,12}")) {
      throw new JobSpecException("kafka.properties." + JobSpec.Kafka.TRANSACTION_TIMEOUT, "must be a number of milliseconds, got " + ms);
    }
    if (checkpoint.guarantee() != Guarantee.EXACTLY_ONCE) {
      return;
    }
    Duration open = checkpoint.interval().plus(checkpoint.timeout());
    Duration transaction = kafka.transactionTimeout();
    if (open.compareTo(transaction) >= 0) {
      throw new JobSpecException("checkpoint.interval", "checkpoint.interval (" + Durations.format(checkpoint.interval())
          + ") + checkpoint.timeout (" + Durations.format(checkpoint.timeout()) + ") must be shorter than the Kafka transaction timeout ("
          + Durations.format(transaction) + ", kafka.properties." + JobSpec.Kafka.TRANSACTION_TIMEOUT
          + "): the broker aborts a transaction open longer than that, and the outputs it held are lost");
    }
  }

  private static JobSpec.Kafka kafka(Node node, String name) {
    node.allow("bootstrap", "properties", "topics", "group-id");
    String bootstrap = node.text("bootstrap", null);
    if (bootstrap == null || bootstrap.isBlank()) {
      throw new JobSpecException("kafka.bootstrap", "required, e.g. 127.0.0.1:9092");
    }
    Node t = node.child("topics", false);
    t.allow("events", "labels", "predictions", "drift", "models", "dead-letter");
    JobSpec.Topics topics =
        new JobSpec.Topics(
            t.text("events", "events"),
            t.text("labels", "labels"),
            t.text("predictions", "predictions"),
            t.text("drift", "drift"),
            t.text("models", "models"),
            t.text("dead-letter", "dead-letter"));
    if (new HashSet<>(topics.all()).size() != topics.all().size()) {
      throw new JobSpecException("kafka.topics", "each role needs its own topic, got " + topics.all());
    }
    Node props = node.child("properties", false);
    Map<String, String> properties = new LinkedHashMap<>();
    props.object.fields().forEachRemaining(e -> properties.put(e.getKey(), props.text(e.getKey(), null)));
    KafkaConnection connection;
    try {
      connection = new KafkaConnection(bootstrap, properties);
    } catch (IllegalArgumentException e) {
      throw new JobSpecException("kafka.properties", e.getMessage());
    }
    return new JobSpec.Kafka(connection, topics, node.text("group-id", "eddy-" + name));
  }

  private static JobSpec.Labels labels(Node node, JobSpec.Input input) {
    node.allow("format", "wait", "early-wait", "time", "out-of-order", "idle-input");
    String format = node.text("format", input.format());
    if (!EventFormats.names().contains(format)) {
      throw new JobSpecException(node.field("format"), "allowed: " + String.join(", ", EventFormats.names()) + "; got " + format);
    }
    String time = node.text("time", "processing");
    if (!time.equals("processing") && !time.equals("event")) {
      throw new JobSpecException(node.field("time"), "allowed: processing, event; got " + time);
    }
    boolean eventTime = time.equals("event");
    if (!eventTime && (node.text("out-of-order", null) != null || node.text("idle-input", null) != null)) {
      String key = node.text("out-of-order", null) != null ? "out-of-order" : "idle-input";
      throw new JobSpecException(node.field(key), "applies to event time only: needs labels.time: event");
    }
    Duration outOfOrder = node.text("out-of-order", null) == null ? Duration.ZERO : nonNegative(node, "out-of-order");
    return new JobSpec.Labels(format, duration(node, "wait", "7d"), duration(node, "early-wait", "1min"), eventTime,
        outOfOrder, duration(node, "idle-input", Durations.format(JobSpec.Labels.DEFAULT_IDLE_INPUT)));
  }

  /** A duration at {@code key}, 0 allowed. */
  private static Duration nonNegative(Node node, String key) {
    try {
      return Durations.parse(node.text(key, null));
    } catch (IllegalArgumentException e) {
      throw new JobSpecException(node.field(key), e.getMessage());
    }
  }

  /** A positive duration at {@code key}, or {@code fallback}. */
  private static Duration duration(Node node, String key, String fallback) {
    String text = node.text(key, fallback);
    Duration d;
    try {
      d = Durations.parse(text);
    } catch (IllegalArgumentException e) {
      throw new JobSpecException(node.field(key), e.getMessage());
    }
    if (d.isZero()) {
      throw new JobSpecException(node.field(key), "must be longer than 0, got " + text);
    }
    return d;
  }

  private static JobSpec.Input input(Node node) {
    node.allow("format", "model-key", "writer-schemas");
    String format = node.text("format", EventFormats.DEFAULT);
    if (!EventFormats.names().contains(format)) {
      throw new JobSpecException(node.field("format"), "allowed: " + String.join(", ", EventFormats.names()) + "; got " + format);
    }
    String modelKey = node.text("model-key", null);
    if (modelKey != null && !modelKey.equals("key")) {
      throw new JobSpecException("input.model-key", "allowed: key (the event's key field), or absent for one global model; got " + modelKey);
    }
    return new JobSpec.Input(format, modelKey, WriterSchemas.read(node.object.get("writer-schemas")));
  }

  private static List<String> features(Node spec) {
    JsonNode f = spec.object.get("features");
    if (f == null || !f.isArray() || f.isEmpty()) {
      throw new JobSpecException("features", "required: a non-empty list of feature names");
    }
    List<String> names = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (JsonNode n : f) {
      if (!n.isTextual() || n.asText().isBlank()) {
        throw new JobSpecException("features", "each feature name must be a non-empty string, got " + n);
      }
      if (!seen.add(n.asText())) {
        throw new JobSpecException("features", "duplicate feature name " + n.asText());
      }
      names.add(n.asText());
    }
    return List.copyOf(names);
  }

  private static JobSpec.Learner learner(Node node, int dimension, TaskSpecReader.TaskSpec target) {
    String type = node.text("type", null);
    Map<String, String> given = new LinkedHashMap<>();
    node.object.fields().forEachRemaining(e -> {
      if (!e.getKey().equals("type") && !CandidatesSpecReader.KEYS.contains(e.getKey())) {
        if (!e.getValue().isValueNode()) {
          throw new JobSpecException("learner." + e.getKey(), "must be a single value, got " + e.getValue());
        }
        given.put(e.getKey(), e.getValue().asText());
      }
    });
    JobSpec.Learner learner = checkedLearner("learner", type, given, dimension, target);
    return new JobSpec.Learner(learner.type(), learner.params(), CandidatesSpecReader.read(node.object, dimension, target));
  }

  /**
   * A learner of a type and the hyperparameters as written, validated by building it once; errors
   * name {@code field.type} or {@code field.<param>}.
   */
  static JobSpec.Learner checkedLearner(String field, String type, Map<String, String> given, int dimension,
      TaskSpecReader.TaskSpec target) {
    if (type == null || !Learners.types().contains(type)) {
      throw new JobSpecException(field + ".type", "required; allowed: " + new java.util.TreeSet<>(Learners.types()) + ", got " + type);
    }
    Task task = target.task();
    try {
      TaskSpecReader.checkLearner(type, task);
    } catch (JobSpecException e) {
      throw field.equals("learner") ? e : new JobSpecException(field + ".type", e.getMessage());
    }
    Map<String, String> params;
    try {
      params = ModelConfig.learnerParams(type, given, task, target.classes());
    } catch (IllegalArgumentException e) {
      throw new JobSpecException(field + ".classes", e.getMessage());
    }
    // building the learner once validates the hyperparameters; learners with native resources
    // (TensorFlow sessions) are closed again at once
    try (AutoCloseable probe = closeable(Learners.create(type, params, dimension, task))) {
      // nothing to do: built means valid
    } catch (ParamException e) {
      throw new JobSpecException(field + "." + e.parameter(), e.problem());
    } catch (IllegalArgumentException e) {
      throw new JobSpecException(field, e.getMessage());
    } catch (Exception e) {
      throw new IllegalStateException("cannot release the learner built to check the spec", e);
    }
    return new JobSpec.Learner(type, Map.copyOf(params));
  }

  private static AutoCloseable closeable(dev.eddy.learners.OnlineLearner learner) {
    return learner instanceof AutoCloseable c ? c : () -> { };
  }

  private static JobSpec.Checkpoint checkpoint(Node node) {
    node.allow("interval", "guarantee", "directory", "timeout", "lost-transactions");
    String intervalText = node.text("interval", "10s");
    Duration interval;
    try {
      interval = Durations.parse(intervalText);
    } catch (IllegalArgumentException e) {
      throw new JobSpecException("checkpoint.interval", "expected a duration such as 500ms, 10s or 1min, got " + intervalText);
    }
    if (interval.toMillis() < 10) {
      throw new JobSpecException("checkpoint.interval", "must be at least 10ms, got " + intervalText);
    }
    Guarantee guarantee;
    try {
      guarantee = Guarantee.fromSpecName(node.text("guarantee", "exactly-once"));
    } catch (IllegalArgumentException e) {
      throw new JobSpecException("checkpoint.guarantee", e.getMessage());
    }
    String timeoutText = node.text("timeout", "2min");
    Duration timeout;
    try {
      timeout = Durations.parse(timeoutText);
    } catch (IllegalArgumentException e) {
      throw new JobSpecException("checkpoint.timeout", e.getMessage());
    }
    if (timeout.toMillis() < 100) {
      throw new JobSpecException("checkpoint.timeout", "must be at least 100ms, got " + timeoutText);
    }
    String lost = node.text("lost-transactions", "fail");
    if (!lost.equals("fail") && !lost.equals("accept")) {
      throw new JobSpecException("checkpoint.lost-transactions", "must be fail or accept, got " + lost);
    }
    return new JobSpec.Checkpoint(interval, guarantee, node.text("directory", null), timeout, lost.equals("accept"));
  }

  /** A mapping in the spec, with its dotted path for error messages. */
  private record Node(String path, ObjectNode object) {
    String field(String key) {
      return path.isEmpty() ? key : path + "." + key;
    }

    void allow(String... keys) {
      Set<String> allowed = Set.of(keys);
      object.fieldNames().forEachRemaining(k -> {
        if (!allowed.contains(k)) {
          throw new JobSpecException(field(k), "unknown key; allowed here: " + String.join(", ", keys));
        }
      });
    }

    Node child(String key, boolean required) {
      JsonNode n = object.get(key);
      if (n == null || n.isNull()) {
        if (required) {
          throw new JobSpecException(field(key), "required");
        }
        return new Node(field(key), YAML.createObjectNode());
      }
      if (!n.isObject()) {
        throw new JobSpecException(field(key), "must be a mapping, got " + n);
      }
      return new Node(field(key), (ObjectNode) n);
    }

    String text(String key, String fallback) {
      JsonNode n = object.get(key);
      if (n == null || n.isNull()) {
        return fallback;
      }
      if (!n.isValueNode()) {
        throw new JobSpecException(field(key), "must be a single value, got " + n);
      }
      return n.asText();
    }

    boolean bool(String key, boolean fallback) {
      String t = text(key, null);
      if (t == null) {
        return fallback;
      }
      if (!t.equals("true") && !t.equals("false")) {
        throw new JobSpecException(field(key), "allowed: true, false; got " + t);
      }
      return Boolean.parseBoolean(t);
    }

    int integer(String key, int fallback) {
      String t = text(key, null);
      try {
        return t == null ? fallback : Integer.parseInt(t);
      } catch (NumberFormatException e) {
        throw new JobSpecException(field(key), "must be an integer, got " + t);
      }
    }
  }
}
