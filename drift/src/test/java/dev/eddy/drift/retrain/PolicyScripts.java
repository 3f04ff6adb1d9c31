package dev.eddy.drift.retrain;

import dev.eddy.drift.Signal;
import dev.eddy.learners.FeatureVector;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Deterministic runs of each policy through every state (a challenger, a deferred promotion, a
 * full window) on the {@link TwoConcepts} stream with scripted signals, for the snapshot tests and
 * the committed golden policy snapshots. Run {@link #main} only when a new format version ships,
 * writing a new {@code v<N>} directory and keeping the old ones:
 *
 * <pre>java -cp drift/target/classes:drift/target/test-classes:$LEARNERS_JAR dev.eddy.drift.retrain.PolicyScripts drift/src/test/resources</pre>
 */
final class PolicyScripts {
  /** Steps in a script; signals at fixed steps. */
  static final int STEPS = 1600;
  /**
   * Where each golden snapshot is taken: reset with a fresh candidate waiting for the gate,
   * background with a challenger started at a warning, window with a full window after a retrain.
   */
  static final Map<String, Integer> GOLDEN_AT = Map.of("reset", 1215, "background", 1420, "window", 1215);

  /** Named scripts: policy name and parameters. */
  static final Map<String, Map<String, String>> PARAMS = Map.of(
      "reset", Map.of("gate", "100", "horizon", "300"),
      "background", Map.of("gate", "100", "horizon", "300"),
      "window", Map.of("window-size", "150", "passes", "2", "gate", "0"));

  private final double[][] x = TwoConcepts.features(5);
  private final double[] y = TwoConcepts.labels(x, 5, false);

  /** The signal of step t: a warning, a drift shortly after, twice; STABLE otherwise. */
  static Signal signal(int t) {
    return switch (t) {
      case 1100, 1101, 1102, 1400 -> Signal.WARNING;
      case 1205, 1450 -> Signal.DRIFT;
      default -> Signal.STABLE;
    };
  }

  static RetrainPolicy fresh(String name) {
    return RetrainPolicies.create(name, PARAMS.get(name), TwoConcepts.learner());
  }

  /** Runs steps [from, to) (the labels follow concept B from step 1000); returns the outcomes. */
  List<String> run(RetrainPolicy policy, int from, int to) {
    List<String> outcomes = new ArrayList<>();
    for (int t = from; t < to; t++) {
      int row = t < 1000 ? t : t + TwoConcepts.CHANGE - 1000;
      FeatureVector v = FeatureVector.dense(x[row]);
      Outcome o = policy.update(v, y[row], policy.champion().predict(v), signal(t));
      if (o != Outcome.NONE) {
        outcomes.add(t + " " + o);
      }
    }
    return outcomes;
  }

  static String resource(int version, String name) {
    return "/dev/eddy/drift/snapshots/v" + version + "/policy-" + name + ".bin";
  }

  static byte[] read(int version, String name) {
    try (InputStream in = PolicyScripts.class.getResourceAsStream(resource(version, name))) {
      if (in == null) {
        throw new IllegalStateException("missing golden snapshot " + resource(version, name));
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static void main(String[] args) throws IOException {
    for (String name : RetrainPolicies.names()) {
      RetrainPolicy p = fresh(name);
      new PolicyScripts().run(p, 0, GOLDEN_AT.get(name));
      // what RetrainPolicyCodec.encode(policy) writes; version 2 only inside the model state's format 3
      Path file = Path.of(args[0] + resource(1, name));
      Files.createDirectories(file.getParent());
      Files.write(file, RetrainPolicyCodec.encode(p));
      System.out.println("wrote " + file);
    }
  }
}
