package dev.eddy.core.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eddy.core.model.ModelConfig;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code learner.candidates} and {@code learner.selection}: read, defaults, and errors naming the field. */
class CandidatesSpecReaderTest {
  static String spec(String learner) {
    return """
        name: race
        kafka: {bootstrap: "127.0.0.1:9092"}
        features: [a, b]
        learner: %s
        """.formatted(learner);
  }

  @Test
  void readsCandidatesAndSelection() {
    JobSpec s = JobSpecReader.parse(spec("""
        {type: pa-i, C: 0.005, candidates: [{type: logistic, learning-rate: 0.05}, {type: alma}], selection: {window: 300, margin: 0.02}}"""));
    assertThat(s.learner().type()).isEqualTo("pa-i");
    assertThat(s.learner().params()).containsExactly(Map.entry("C", "0.005"));
    JobSpec.Selection sel = s.learner().selection();
    assertThat(sel.candidates()).containsExactly(new JobSpec.Learner("logistic", Map.of("learning-rate", "0.05")),
        new JobSpec.Learner("alma", Map.of()));
    assertThat(sel.window()).isEqualTo(300);
    assertThat(sel.margin()).isEqualTo(0.02);
    assertThat(ModelConfig.of(s).freshModel().race().size()).isEqualTo(3);
  }

  @Test
  void defaultsWithoutSelectionAndNoRaceWithoutCandidates() {
    JobSpec.Selection sel = JobSpecReader.parse(spec("{type: pa-i, candidates: [{type: logistic}]}")).learner().selection();
    assertThat(sel.window()).isEqualTo(1000);
    assertThat(sel.margin()).isEqualTo(0.01);
    JobSpec plain = JobSpecReader.parse(spec("{type: pa-i}"));
    assertThat(plain.learner().selection()).isEqualTo(JobSpec.Selection.NONE);
    assertThat(ModelConfig.of(plain).freshModel().race()).isNull();
  }

  @Test
  void errorsNameTheField() {
    assertThatThrownBy(() -> JobSpecReader.parse(spec("{type: pa-i, candidates: [{type: logistic}, {type: pa-i, C: -1}]}")))
        .hasMessageStartingWith("job spec: learner.candidates[1].C: ");
    assertThatThrownBy(() -> JobSpecReader.parse(spec("{type: pa-i, candidates: [{type: nope}]}")))
        .hasMessageStartingWith("job spec: learner.candidates[0].type: required; allowed: ");
    assertThatThrownBy(() -> JobSpecReader.parse(spec("{type: pa-i, candidates: [{C: 1}]}")))
        .hasMessageStartingWith("job spec: learner.candidates[0].type: required");
    assertThatThrownBy(() -> JobSpecReader.parse(spec("{type: pa-i, candidates: [{type: logistic, nope: 1}]}")))
        .hasMessageStartingWith("job spec: learner.candidates[0].nope: ");
    assertThatThrownBy(() -> JobSpecReader.parse(spec("{type: pa-i, candidates: []}")))
        .hasMessageStartingWith("job spec: learner.candidates: must be a non-empty list");
    assertThatThrownBy(() -> JobSpecReader.parse(spec("{type: pa-i, candidates: [logistic]}")))
        .hasMessageStartingWith("job spec: learner.candidates[0]: must be a mapping");
    assertThatThrownBy(() -> JobSpecReader.parse(spec("{type: pa-i, candidates: [{type: tf-logistic}]}")))
        .hasMessageStartingWith("job spec: learner.candidates[0].type: candidates race pure-Java learners only");
    assertThatThrownBy(() -> JobSpecReader.parse(spec("{type: pa-i, candidates: [{type: logistic}], selection: {window: 5}}")))
        .hasMessage("job spec: learner.selection.window: must be an integer from 10 to 100000 (labelled examples), got 5");
    assertThatThrownBy(() -> JobSpecReader.parse(spec("{type: pa-i, candidates: [{type: logistic}], selection: {margin: -0.1}}")))
        .hasMessage("job spec: learner.selection.margin: must be a finite number >= 0, got -0.1");
    assertThatThrownBy(() -> JobSpecReader.parse(spec("{type: pa-i, candidates: [{type: logistic}], selection: {wndow: 50}}")))
        .hasMessageStartingWith("job spec: learner.selection.wndow: unknown key");
    assertThatThrownBy(() -> JobSpecReader.parse(spec("{type: pa-i, selection: {window: 50}}")))
        .hasMessageStartingWith("job spec: learner.selection: needs learner.candidates");
  }
}
