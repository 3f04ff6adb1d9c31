package dev.eddy.core.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eddy.core.guard.GuardConfig;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The {@code guard:} section: defaults, every key, and errors naming the field. */
class GuardSpecReaderTest {
  private static JobSpec parse(String guard) {
    return JobSpecReader.parse(JobSpecReaderTest.MINIMAL + guard);
  }

  @Test
  void isOffWhenAbsent() {
    assertThat(JobSpecReader.parse(JobSpecReaderTest.MINIMAL).guard()).isEqualTo(GuardConfig.OFF);
    assertThat(GuardConfig.OFF.enabled()).isFalse();
  }

  @Test
  void readsEveryKey() {
    GuardConfig g = parse("""
        guard: {max-z: 6, max-step: 0.5, max-learn-rate: 200, max-label-age: 1d, quarantine-topic: quarantine}
        """).guard();
    assertThat(g).isEqualTo(new GuardConfig(6, 0.5, 200, Duration.ofDays(1), "quarantine"));
    assertThat(g.enabled()).isTrue();
  }

  @Test
  void refusesBadValuesNamingTheField() {
    assertThatThrownBy(() -> parse("guard: {max-zz: 6}\n"))
        .hasMessageStartingWith("job spec: guard.max-zz: unknown key; allowed here: max-label-age, max-learn-rate, max-step, max-z, quarantine-topic");
    assertThatThrownBy(() -> parse("guard: {max-z: -1}\n")).hasMessageStartingWith("job spec: guard.max-z: must be a finite number > 0");
    assertThatThrownBy(() -> parse("guard: {max-z: 0}\n")).hasMessageStartingWith("job spec: guard.max-z: must be a finite number > 0");
    assertThatThrownBy(() -> parse("guard: {max-learn-rate: lots}\n")).hasMessageStartingWith("job spec: guard.max-learn-rate: must be a number, got lots");
    assertThatThrownBy(() -> parse("guard: {max-step: \"Infinity\"}\n")).hasMessageStartingWith("job spec: guard.max-step: must be a finite number");
    assertThatThrownBy(() -> parse("guard: {max-label-age: soon}\n")).hasMessageStartingWith("job spec: guard.max-label-age: ");
    assertThatThrownBy(() -> parse("guard: {max-label-age: 0s}\n")).hasMessageStartingWith("job spec: guard.max-label-age: must be longer than 0");
    assertThatThrownBy(() -> parse("guard: {quarantine-topic: q}\n"))
        .hasMessageStartingWith("job spec: guard.quarantine-topic: needs guard.max-z");
    assertThatThrownBy(() -> parse("guard: {max-z: 6, quarantine-topic: dead-letter}\n"))
        .hasMessageStartingWith("job spec: guard.quarantine-topic: must be a topic of its own");
    assertThatThrownBy(() -> parse("guard: 6\n")).hasMessageStartingWith("job spec: guard: must be a mapping");
  }

  @Test
  void refusesRulesTheModelCannotHonour() {
    assertThatThrownBy(() -> parse("standardize: false\nguard: {max-z: 6}\n"))
        .hasMessageStartingWith("job spec: guard.max-z: needs standardize: true");
    String pegasos = JobSpecReaderTest.MINIMAL.replace("type: pa-i", "type: pegasos") + "guard: {max-step: 1}\n";
    assertThatThrownBy(() -> JobSpecReader.parse(pegasos))
        .hasMessageStartingWith("job spec: guard.max-step: learner pegasos has no plain weight vector");
  }
}
