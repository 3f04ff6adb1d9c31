package dev.eddy.cli.cluster;

import dev.eddy.core.kafka.JobKafka;
import dev.eddy.core.spec.JobSpec;
import dev.eddy.core.spec.JobSpecException;
import dev.eddy.core.spec.JobSpecReader;
import dev.eddy.job.EddyJob;
import dev.eddy.job.JobArguments;
import java.nio.file.Path;
import java.util.List;

/**
 * Deploys the Eddy job to a Flink session cluster through its REST API: validates the spec here (a bad
 * spec fails before anything is uploaded, naming the field), creates the spec's missing topics,
 * uploads the job jar, runs {@link EddyJob} with the spec's text, and deletes the uploaded jar
 * again (the running job keeps its own copy in the cluster's blob store).
 */
public final class JobSubmitter {
  private final FlinkRestClient rest;

  public JobSubmitter(FlinkRestClient rest) {
    this.rest = rest;
  }

  /**
   * A job to submit.
   *
   * @param specYaml the job spec's text
   * @param parallelism the job's parallelism, or 0 for the spec's (else the cluster's default)
   * @param fromSavepoint a savepoint or retained checkpoint to resume from, or null
   * @param bounded read the events topic up to its end offsets at start, then finish
   */
  public record Submission(String specYaml, int parallelism, String fromSavepoint, boolean bounded) {}

  /**
   * Validates the spec and the parallelism, without contacting anything.
   *
   * @throws IllegalArgumentException naming the problem (a {@code JobSpecException} names the field)
   */
  public static JobSpec validate(Submission s) {
    JobSpec spec = JobSpecReader.parse(s.specYaml());
    if (s.parallelism() < 0) {
      throw new IllegalArgumentException("--parallelism must be >= 1, got " + s.parallelism());
    }
    if (s.parallelism() > 0 && spec.parallelism() > 0 && s.parallelism() != spec.parallelism()) {
      throw new IllegalArgumentException("--parallelism " + s.parallelism() + " contradicts the spec's parallelism: "
          + spec.parallelism() + "; remove one of them");
    }
    // the spec's text becomes the job's program arguments, which Flink's web UI and REST API show
    List<String> literal = spec.kafka().connection().literalSecrets();
    if (!literal.isEmpty()) {
      throw new JobSpecException("kafka.properties." + literal.get(0), "holds a secret as a value, which the cluster"
          + " would show as the job's arguments; refer to it as ${env:NAME} or ${file:PATH} (resolved on the cluster)");
    }
    return spec;
  }

  /** Submits the job and returns its id. */
  public String submit(Path jobJar, Submission s) {
    JobSpec spec = validate(s);
    JobKafka.prepare(spec);
    int parallelism = s.parallelism() > 0 ? s.parallelism() : spec.parallelism();
    String jarId = rest.uploadJar(jobJar);
    try {
      return rest.runJar(jarId, EddyJob.class.getName(), JobArguments.of(s.specYaml(), s.bounded()),
          parallelism, s.fromSavepoint());
    } finally {
      rest.deleteJar(jarId);
    }
  }
}
