package dev.eddy.core.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * {@code models.replicas}, {@code models.merge-every} and {@code models.merge-interval}: defaults, and
 * the combinations refused at load.
 */
class ReplicaChecksTest {
  static final String BASE = """
      name: fraud
      kafka: {bootstrap: "127.0.0.1:9092"}
      features: [amount, age]
      """;

  static JobSpec parse(String learner, String models, String more) {
    return JobSpecReader.parse(BASE + "learner: " + learner + "\nmodels: " + models + "\n" + more);
  }

  @Test
  void oneReplicaByDefaultAndTheSyncTopicIsNamedAfterTheJob() {
    assertThat(JobSpecReader.parse(BASE + "learner: {type: pa-i}\n").models().replicas()).isEqualTo(Replicas.ONE);
    Replicas r = parse("{type: pa-i}", "{replicas: 4, merge-every: 250}", "").models().replicas();
    assertThat(r).isEqualTo(new Replicas(4, 250));
    assertThat(r.parallel()).isTrue();
    assertThat(Replicas.syncTopic("fraud")).isEqualTo("fraud.replica-sync");
  }

  @Test
  void roundsByTimeByCountOrBoth() {
    Replicas byTime = parse("{type: pa-i}", "{replicas: 2, merge-interval: 10s}", "").models().replicas();
    assertThat(byTime).as("merge-interval alone: rounds by time only").isEqualTo(new Replicas(2, 0, java.time.Duration.ofSeconds(10)));
    assertThat(byTime.mergeIntervalMillis()).isEqualTo(10_000);
    assertThat(parse("{type: pa-i}", "{replicas: 2, merge-every: 500, merge-interval: 250ms}", "").models().replicas())
        .isEqualTo(new Replicas(2, 500, java.time.Duration.ofMillis(250)));
    assertThat(parse("{type: pa-i}", "{replicas: 2}", "").models().replicas().mergeIntervalMillis()).as("by count by default").isZero();
  }

  @Test
  void badIntervalsNameTheirField() {
    assertThatThrownBy(() -> parse("{type: pa-i}", "{replicas: 2, merge-interval: 0s}", ""))
        .hasMessage("job spec: models.merge-interval: must be longer than 0, got 0s");
    assertThatThrownBy(() -> parse("{type: pa-i}", "{replicas: 2, merge-interval: soon}", ""))
        .hasMessageStartingWith("job spec: models.merge-interval: ");
    assertThatThrownBy(() -> parse("{type: pa-i}", "{replicas: 2, merge-every: 0, merge-interval: 5s}", ""))
        .hasMessage("job spec: models.merge-every: must be >= 1, got 0");
    assertThatThrownBy(() -> new Replicas(2, 0, null)).hasMessageContaining("models.merge-every")
        .hasMessageContaining("models.merge-interval").hasMessageContaining("never merge");
  }

  @Test
  void badCountsNameTheirField() {
    assertThatThrownBy(() -> parse("{type: pa-i}", "{replicas: 0}", ""))
        .hasMessage("job spec: models.replicas: must be >= 1, got 0");
    assertThatThrownBy(() -> parse("{type: pa-i}", "{replicas: 2, merge-every: 0}", ""))
        .hasMessage("job spec: models.merge-every: must be >= 1, got 0");
  }

  @Test
  void combinationsTheReplicasCannotKeepSoundAreRefusedNamingTheFields() {
    assertThatThrownBy(() -> parse("{type: pa-i}", "{replicas: 2}", "input: {model-key: key}\n"))
        .hasMessageContaining("models.replicas").hasMessageContaining("input.model-key");
    assertThatThrownBy(() -> parse("{type: pa-i, candidates: [{type: logistic}]}", "{replicas: 2}", ""))
        .hasMessageContaining("models.replicas").hasMessageContaining("learner.candidates");
    assertThatThrownBy(() -> parse("{type: pa-i}", "{replicas: 2}", "labels: {time: event}\n"))
        .hasMessageContaining("models.replicas").hasMessageContaining("labels.time");
    assertThatThrownBy(() -> parse("{type: pa-i}", "{replicas: 2, idle-ttl: 30d}", ""))
        .hasMessageContaining("models.replicas").hasMessageContaining("models.idle-ttl");
    assertThatThrownBy(() -> parse("{type: ftrl}", "{replicas: 2}", ""))
        .hasMessageContaining("models.replicas").hasMessageContaining("learner.type ftrl has none");
  }

  @Test
  void oneReplicaAllowsWhatManyRefuse() {
    assertThat(parse("{type: ftrl}", "{replicas: 1}", "input: {model-key: key}\n").models().replicas().parallel()).isFalse();
  }
}
