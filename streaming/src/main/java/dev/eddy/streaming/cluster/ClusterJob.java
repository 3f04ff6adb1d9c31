package dev.eddy.streaming.cluster;

import dev.eddy.streaming.EddyJob;
import dev.eddy.streaming.spec.JobSpec;
import dev.eddy.streaming.spec.JobSpecReader;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Entry point of the jobs {@code bin/eddy submit} starts: the Eddy job ({@link EddyJob}) with the spec
 * passed as text in the program arguments ({@code --spec-yaml TEXT [--bounded]}) rather than as a file
 * name, because a spec file on the submitting machine is not on the JobManager of a remote cluster.
 * The spec is validated on the client before upload and again here.
 */
public final class ClusterJob {
  static final String SPEC_YAML = "--spec-yaml";
  static final String BOUNDED = "--bounded";

  private ClusterJob() {}

  /** The program arguments that run {@code specYaml}. */
  public static List<String> args(String specYaml, boolean bounded) {
    List<String> args = new ArrayList<>(List.of(SPEC_YAML, specYaml));
    if (bounded) {
      args.add(BOUNDED);
    }
    return args;
  }

  /** {@code --spec-yaml TEXT [--bounded]}. */
  public static void main(String[] args) throws Exception {
    String yaml = null;
    boolean bounded = false;
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals(SPEC_YAML) && i + 1 < args.length) {
        yaml = args[++i];
      } else if (args[i].equals(BOUNDED)) {
        bounded = true;
      } else {
        throw new IllegalArgumentException("unknown argument " + args[i] + "; usage: " + SPEC_YAML + " TEXT [" + BOUNDED + "]");
      }
    }
    if (yaml == null) {
      throw new IllegalArgumentException("usage: " + SPEC_YAML + " TEXT [" + BOUNDED + "]");
    }
    JobSpec spec = JobSpecReader.parse(yaml);
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(EddyJob.configuration(spec));
    EddyJob.build(env, spec, bounded);
    env.execute(spec.name());
  }
}
