package dev.eddy.drift.retrain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eddy.learners.FeatureVector;
import dev.eddy.learners.codec.LearnerCodec;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class PolicySnapshotTest {
  private static final FeatureVector PROBE = FeatureVector.dense(new double[] {0.3, -1, 2, 0.5, -0.2});

  /** The script goes through every state the snapshot must carry. */
  @Test
  void theScriptsExerciseEveryAction() {
    List<String> background = new PolicyScripts().run(PolicyScripts.fresh("background"), 0, PolicyScripts.STEPS);
    assertThat(String.join("\n", background))
        .contains("1100 challenger-started: warning: challenger started")
        .contains("1205 none: drift: challenger promoted: promotion deferred by the gate (before the drift: challenger accuracy")
        .contains("1305 promoted: passed the promotion gate: challenger accuracy")
        .contains("on the 100 examples since the drift (version 2)")
        .contains("1450 none: drift: challenger promoted: promotion deferred by the gate");
    assertThat(String.join("\n", new PolicyScripts().run(PolicyScripts.fresh("reset"), 0, PolicyScripts.STEPS)))
        .contains("1205 challenger-started: drift: fresh model; awaiting the promotion gate")
        .contains("promoted: passed the promotion gate: challenger accuracy");
    assertThat(String.join("\n", new PolicyScripts().run(PolicyScripts.fresh("window"), 0, PolicyScripts.STEPS)))
        .contains("1205 window-retrained: drift: fresh model trained on the last 150 examples, 2 passes (version 2)")
        .contains("1450 window-retrained");
  }

  @Test
  void snapshotAndRestoreContinuesIdentically() {
    for (String name : RetrainPolicies.names()) {
      for (int cut : new int[] {0, 500, 1101, 1210, 1300, 1420}) {
        PolicyScripts script = new PolicyScripts();
        RetrainPolicy original = PolicyScripts.fresh(name);
        script.run(original, 0, cut);
        RetrainPolicy restored = RetrainPolicyCodec.decode(RetrainPolicyCodec.encode(original));
        assertThat(restored.version()).isEqualTo(original.version());
        assertThat(restored.challenger() == null).isEqualTo(original.challenger() == null);
        assertThat(restored.parameters()).isEqualTo(original.parameters());
        assertThat(script.run(restored, cut, PolicyScripts.STEPS))
            .as("%s restored at %d", name, cut)
            .isEqualTo(script.run(original, cut, PolicyScripts.STEPS));
        assertThat(restored.champion().predict(PROBE)).isEqualTo(original.champion().predict(PROBE));
        assertThat(RetrainPolicyCodec.encode(restored)).isEqualTo(RetrainPolicyCodec.encode(original));
      }
    }
  }

  /**
   * The committed version-1 snapshots (see PolicyScripts#GOLDEN_AT) decode, continue as a policy
   * run from scratch, and re-encode byte for byte as that run does (their embedded metrics, written
   * in metrics format 1, convert exactly).
   */
  @Test
  void goldenVersionOneSnapshotsDecodeAndContinue() {
    for (String name : RetrainPolicies.names()) {
      byte[] golden = PolicyScripts.read(1, name);
      PolicyScripts script = new PolicyScripts();
      RetrainPolicy reference = PolicyScripts.fresh(name);
      int at = PolicyScripts.GOLDEN_AT.get(name);
      script.run(reference, 0, at);
      RetrainPolicy restored = RetrainPolicyCodec.decode(golden);
      // the embedded prequential metrics are written in their format 2 since, so compare re-encodings
      assertThat(RetrainPolicyCodec.encode(restored)).as(name).isEqualTo(RetrainPolicyCodec.encode(reference));
      if (!name.equals("window")) {
        assertThat(restored.challenger()).as(name).isNotNull();
      }
      assertThat(script.run(restored, at, PolicyScripts.STEPS))
          .isEqualTo(script.run(reference, at, PolicyScripts.STEPS));
    }
  }

  /**
   * Version 2 against the spec: a policy of the spec's config and learner settings is written
   * without them (the champion's learned state alone) and continues exactly when read against the
   * spec, at every cut of every script; against another spec it carries its own, and decodes alone.
   */
  @Test
  void versionTwoLeavesOutTheSpecsSettings() {
    for (String name : RetrainPolicies.names()) {
      RetrainPolicyCodec.Spec spec = new RetrainPolicyCodec.Spec(
          RetrainConfig.fromParams(name, PolicyScripts.PARAMS.get(name)), TwoConcepts.learner());
      for (int cut : new int[] {0, 1101, 1210, 1420}) {
        PolicyScripts script = new PolicyScripts();
        RetrainPolicy original = PolicyScripts.fresh(name);
        script.run(original, 0, cut);
        byte[] v2 = RetrainPolicyCodec.encode(original, spec);
        assertThat(v2.length).as("%s at %d", name, cut).isLessThan(RetrainPolicyCodec.encode(original).length);
        RetrainPolicy restored = RetrainPolicyCodec.decode(v2, spec);
        assertThat(restored.parameters()).isEqualTo(original.parameters());
        assertThat(restored.champion().hyperparameters()).isEqualTo(original.champion().hyperparameters());
        assertThat(script.run(restored, cut, PolicyScripts.STEPS))
            .as("%s restored at %d", name, cut)
            .isEqualTo(script.run(original, cut, PolicyScripts.STEPS));
        assertThat(RetrainPolicyCodec.encode(restored)).isEqualTo(RetrainPolicyCodec.encode(original));
        assertThatThrownBy(() -> RetrainPolicyCodec.decode(v2)).hasMessageContaining("no spec was given");
      }
    }
    RetrainPolicy background = PolicyScripts.fresh("background");
    new PolicyScripts().run(background, 0, 500);
    RetrainPolicyCodec.Spec other = new RetrainPolicyCodec.Spec(RetrainConfig.fromParams("background", java.util.Map.of()),
        dev.eddy.learners.Learners.create("logistic", java.util.Map.of(), TwoConcepts.DIMENSION, dev.eddy.learners.Task.BINARY));
    RetrainPolicy alone = RetrainPolicyCodec.decode(RetrainPolicyCodec.encode(background, other));
    assertThat(RetrainPolicyCodec.encode(alone)).isEqualTo(RetrainPolicyCodec.encode(background));
  }

  @Test
  void rejectsBadBytes() {
    byte[] bytes = RetrainPolicyCodec.encode(PolicyScripts.fresh("window"));
    assertThatThrownBy(() -> RetrainPolicyCodec.decode(LearnerCodec.encode(TwoConcepts.learner())))
        .hasMessageContaining("not a retraining policy snapshot: bad magic");
    assertThatThrownBy(() -> RetrainPolicyCodec.decode(Arrays.copyOf(bytes, bytes.length - 1)))
        .hasMessageContaining("truncated retraining policy snapshot");
    byte[] future = bytes.clone();
    ByteBuffer.wrap(future).putShort(4, (short) 9);
    assertThatThrownBy(() -> RetrainPolicyCodec.decode(future))
        .hasMessageContaining("unknown format 9 of retraining policy snapshot");
  }
}
