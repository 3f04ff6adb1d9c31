package dev.eddy.drift.retrain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eddy.drift.testing.Maps;
import dev.eddy.learners.Prediction;
import dev.eddy.learners.Task;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RetrainPoliciesTest {

  @Test
  void namesAndDefaults() {
    assertThat(RetrainPolicies.names()).containsExactly("reset", "background", "window");
    assertThat(RetrainPolicies.create(null, null, TwoConcepts.learner()).name()).isEqualTo("background");
    assertThat(RetrainPolicies.create("reset", Map.of(), TwoConcepts.learner()).parameters())
        .containsExactlyEntriesOf(Maps.ordered("gate", 30, "horizon", 1000, "reset-standardizer", false));
    assertThat(RetrainPolicies.create("background", Map.of(), TwoConcepts.learner()).parameters())
        .containsExactlyEntriesOf(Maps.ordered("gate", 30, "horizon", 1000));
    assertThat(RetrainPolicies.create("window", Map.of(), TwoConcepts.learner()).parameters())
        .containsExactlyEntriesOf(Maps.ordered("window-size", 200, "passes", 3, "gate", 30, "horizon", 1000));
  }

  @Test
  void aFreshPolicyServesTheGivenChampionAsVersionOne() {
    var learner = TwoConcepts.learner();
    RetrainPolicy p = RetrainPolicies.create("window", Map.of("window-size", "50"), learner);
    assertThat(p.champion()).isSameAs(learner);
    assertThat(p.version()).isEqualTo(1);
    assertThat(p.challenger()).isNull();
  }

  @Test
  void rejectsUnknownPoliciesAndParameters() {
    assertThatThrownBy(() -> RetrainPolicies.create("retrain-always", Map.of(), TwoConcepts.learner()))
        .hasMessageContaining("unknown retraining policy 'retrain-always'")
        .hasMessageContaining("reset, background, window");
    assertThatThrownBy(() -> RetrainPolicies.create("background", Map.of("window-size", "10"), TwoConcepts.learner()))
        .hasMessageContaining("background: unknown parameter 'window-size'; allowed: gate, horizon");
    assertThatThrownBy(() -> RetrainPolicies.create("reset", Map.of(), null))
        .hasMessageContaining("initial champion");
  }

  @Test
  void rejectsBadValuesNamingTheParameterAndTheValue() {
    String[][] bad = {
      {"window", "window-size", "0"}, {"window", "passes", "0"}, {"background", "gate", "-1"},
      {"background", "horizon", "0"}, {"reset", "reset-standardizer", "maybe"}, {"window", "passes", "many"}
    };
    for (String[] b : bad) {
      assertThatThrownBy(() -> RetrainPolicies.create(b[0], Map.of(b[1], b[2]), TwoConcepts.learner()))
          .as("%s %s=%s", (Object[]) b)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining(b[0])
          .hasMessageContaining(b[1])
          .hasMessageContaining(b[2]);
    }
    assertThatThrownBy(() -> RetrainConfig.fromParams("background", Map.of("gate", "500", "horizon", "100")))
        .hasMessageContaining("horizon must be >= 1 and >= gate (500) but was 100");
    assertThatThrownBy(() -> RetrainConfig.fromParams("reset", Map.of("gate", "50", "reset-standardizer", "true")))
        .hasMessageContaining("reset-standardizer must be false when a gate is set");
  }

  @Test
  void conceptErrorByTask() {
    Prediction positive = new Prediction(1.2, 1, 0.8);
    assertThat(ConceptError.of(Task.BINARY, positive, 1)).isZero();
    assertThat(ConceptError.of(Task.BINARY, positive, 0)).isEqualTo(1);
    assertThat(ConceptError.of(Task.BINARY, new Prediction(-1, 0, 0.2), -1)).isZero(); // -1/+1 labels
    assertThat(ConceptError.of(Task.MULTICLASS, new Prediction(0, 2, Double.NaN), 2)).isZero();
    assertThat(ConceptError.of(Task.MULTICLASS, new Prediction(0, 2, Double.NaN), 1)).isEqualTo(1);
    assertThat(ConceptError.of(Task.REGRESSION, new Prediction(3.5, 3.5, Double.NaN), 1)).isEqualTo(2.5);
  }

  @Test
  void outcomeNames() {
    assertThat(Action.CHALLENGER_STARTED.specName()).isEqualTo("challenger-started");
    assertThat(Action.WINDOW_RETRAINED.newVersion()).isTrue();
    assertThat(Action.CHALLENGER_DROPPED.newVersion()).isFalse();
    assertThat(Outcome.NONE.toString()).isEqualTo("none");
  }
}
