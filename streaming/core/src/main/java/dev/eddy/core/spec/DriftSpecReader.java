package dev.eddy.core.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.eddy.drift.Detectors;
import dev.eddy.drift.retrain.RetrainPolicies;
import dev.eddy.learners.Learners;
import dev.eddy.learners.Task;
import dev.eddy.learners.params.ParamException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Reads the {@code drift} section of a job spec:
 *
 * <pre>{@code
 * drift:
 *   detector: adwin                 # over the prequential errors (0/1, or absolute for regression); absent = none
 *   detector-params: {delta: 0.002}
 *   retrain: background             # reset | background | window
 *   retrain-params: {gate: 200}
 *   feature-detector: kswin         # on every raw feature; absent = none
 *   feature-detector-params: {alpha: 0.0001}
 *   feature-retrain: false          # true: a feature DRIFT also retrains
 * }</pre>
 *
 * Each detector and policy is built once here, so a bad type or parameter fails at start, naming the
 * field.
 */
final class DriftSpecReader {
  private static final Set<String> KEYS = Set.of("detector", "detector-params", "retrain", "retrain-params",
      "feature-detector", "feature-detector-params", "feature-retrain");

  private DriftSpecReader() {}

  static JobSpec.Drift read(ObjectNode node, Task task) {
    node.fieldNames().forEachRemaining(k -> {
      if (!KEYS.contains(k)) {
        throw new JobSpecException("drift." + k, "unknown key; allowed here: " + String.join(", ", new java.util.TreeSet<>(KEYS)));
      }
    });
    String detector = text(node, "detector");
    Map<String, String> detectorParams = params(node, "detector-params");
    if (detector != null) {
      if (task == Task.REGRESSION && Detectors.isBinary(detector)) {
        throw new JobSpecException("drift.detector", detector + " takes 0/1 errors, but task regression gives it absolute errors;"
            + " use one of " + nonBinaryDetectors());
      }
      build("drift.detector", () -> Detectors.create(detector, detectorParams));
    } else if (!detectorParams.isEmpty()) {
      throw new JobSpecException("drift.detector-params", "given without drift.detector");
    }
    String retrain = text(node, "retrain");
    String policy = retrain == null ? "background" : retrain;
    Map<String, String> retrainParams = params(node, "retrain-params");
    build("drift.retrain", () -> RetrainPolicies.create(policy, retrainParams,
        Learners.create("pa-i", Map.of(), 1, task)));

    String featureDetector = text(node, "feature-detector");
    Map<String, String> featureParams = params(node, "feature-detector-params");
    if (featureDetector != null) {
      if (Detectors.isBinary(featureDetector)) {
        throw new JobSpecException("drift.feature-detector", featureDetector
            + " takes 0/1 errors, not feature values; use one of " + nonBinaryDetectors());
      }
      build("drift.feature-detector", () -> Detectors.create(featureDetector, featureParams));
    }
    String featureRetrain = text(node, "feature-retrain");
    if (featureRetrain != null && !featureRetrain.equals("true") && !featureRetrain.equals("false")) {
      throw new JobSpecException("drift.feature-retrain", "allowed: true, false; got " + featureRetrain);
    }
    return new JobSpec.Drift(detector, detectorParams, policy, retrainParams, featureDetector, featureParams,
        Boolean.parseBoolean(featureRetrain));
  }

  private static String nonBinaryDetectors() {
    return Detectors.types().stream().filter(t -> !Detectors.isBinary(t)).toList().toString();
  }

  private static void build(String field, Runnable builder) {
    try {
      builder.run();
    } catch (ParamException e) {
      throw new JobSpecException(field + "-params." + e.parameter(), e.problem());
    } catch (IllegalArgumentException e) {
      throw new JobSpecException(field, e.getMessage());
    }
  }

  private static String text(ObjectNode node, String key) {
    JsonNode n = node.get(key);
    if (n == null || n.isNull()) {
      return null;
    }
    if (!n.isValueNode()) {
      throw new JobSpecException("drift." + key, "must be a single value, got " + n);
    }
    return n.asText();
  }

  private static Map<String, String> params(ObjectNode node, String key) {
    JsonNode n = node.get(key);
    if (n == null || n.isNull()) {
      return Map.of();
    }
    if (!n.isObject()) {
      throw new JobSpecException("drift." + key, "must be a mapping of parameter: value, got " + n);
    }
    Map<String, String> out = new LinkedHashMap<>();
    n.fields().forEachRemaining(e -> {
      if (!e.getValue().isValueNode()) {
        throw new JobSpecException("drift." + key + "." + e.getKey(), "must be a single value, got " + e.getValue());
      }
      out.put(e.getKey(), e.getValue().asText());
    });
    return Map.copyOf(out);
  }
}
