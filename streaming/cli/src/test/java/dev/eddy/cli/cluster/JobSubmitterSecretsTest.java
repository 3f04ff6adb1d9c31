package dev.eddy.cli.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eddy.core.spec.JobSpecException;
import org.junit.jupiter.api.Test;

/**
 * {@code submit} sends the spec's text as the job's program arguments, which Flink's web UI shows: a
 * secret must be a reference there, resolved on the cluster, never a value.
 */
class JobSubmitterSecretsTest {
  private static String spec(String password) {
    return String.join("\n",
        "name: s",
        "kafka:",
        "  bootstrap: 127.0.0.1:9092",
        "  properties:",
        "    security.protocol: SASL_SSL",
        "    sasl.mechanism: SCRAM-SHA-512",
        "    sasl.jaas.config: 'org.apache.kafka.common.security.scram.ScramLoginModule required username=\"e\" password=\""
            + password + "\";'",
        "features: [x1]",
        "learner: {type: pa-i}",
        "");
  }

  @Test
  void aLiteralSecretIsRefusedNamingTheProperty() {
    assertThatThrownBy(() -> JobSubmitter.validate(new JobSubmitter.Submission(spec("hunter2"), 0, null, false)))
        .isInstanceOf(JobSpecException.class)
        .hasMessageStartingWith("job spec: kafka.properties.sasl.jaas.config: holds a secret as a value")
        .hasMessageNotContaining("hunter2");
  }

  @Test
  void aReferenceIsSubmittedAsItIs() {
    var job = JobSubmitter.validate(new JobSubmitter.Submission(spec("${env:HOME}"), 0, null, false));
    assertThat(job.kafka().connection().properties().get("sasl.jaas.config")).contains("${env:HOME}");
  }
}
