package dev.eddy.job;

import dev.eddy.core.spec.JobSpec;
import dev.eddy.core.spec.JobSpecReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The program arguments of the job jar, parsed in one place for every way the job is started:
 * {@code flink run eddy-job.jar --spec job.yaml [--bounded]} reads the spec file where the job graph
 * is built; {@code bin/eddy submit} passes the spec's text instead ({@code --spec-yaml TEXT}), since a
 * file on the submitting machine is not on the JobManager of a remote cluster.
 *
 * @param spec the validated spec
 * @param bounded whether the job stops at the events topic's current end
 */
public record JobArguments(JobSpec spec, boolean bounded) {
  static final String SPEC = "--spec";
  static final String SPEC_YAML = "--spec-yaml";
  static final String BOUNDED = "--bounded";
  static final String USAGE = "usage: " + SPEC + " FILE | " + SPEC_YAML + " TEXT [" + BOUNDED + "]";

  /** Parses {@code args}; IllegalArgumentException with the usage for anything else. */
  public static JobArguments parse(String[] args) throws IOException {
    JobSpec spec = null;
    boolean bounded = false;
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if ((a.equals(SPEC) || a.equals(SPEC_YAML)) && i + 1 < args.length && spec == null) {
        String value = args[++i];
        spec = a.equals(SPEC) ? JobSpecReader.read(Path.of(value)) : JobSpecReader.parse(value);
      } else if (a.equals(BOUNDED)) {
        bounded = true;
      } else {
        throw new IllegalArgumentException("unexpected argument " + a + "; " + USAGE);
      }
    }
    if (spec == null) {
      throw new IllegalArgumentException(USAGE);
    }
    return new JobArguments(spec, bounded);
  }

  /** The program arguments that run the spec {@code specYaml} (its text, not a path). */
  public static List<String> of(String specYaml, boolean bounded) {
    List<String> args = new ArrayList<>(List.of(SPEC_YAML, specYaml));
    if (bounded) {
      args.add(BOUNDED);
    }
    return args;
  }
}
