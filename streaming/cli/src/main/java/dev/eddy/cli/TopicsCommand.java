package dev.eddy.cli;

import dev.eddy.core.kafka.KafkaAccess;
import dev.eddy.core.kafka.KafkaConnection;
import dev.eddy.core.kafka.SpecTopics;
import dev.eddy.core.spec.JobSpec;
import dev.eddy.core.spec.JobSpecReader;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bin/eddy topics create}: creates the topics of a job spec before anything writes to them,
 * as a stock broker's users expect (the standalone broker does not create topics on first use, and a
 * third-party client would otherwise get "Unknown topic or partition").
 */
@Command(
    name = "topics",
    mixinStandardHelpOptions = true,
    description = "Manages the Kafka topics of a job spec.",
    subcommands = TopicsCommand.Create.class)
public final class TopicsCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec commandSpec;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(commandSpec.commandLine(), "a subcommand is required: create");
  }

  /** {@code topics create}: every topic of the spec, the missing ones created, the existing ones reported. */
  @Command(
      name = "create",
      mixinStandardHelpOptions = true,
      description = {
        "Creates every topic of a job spec that does not exist yet: PARTITIONS partitions each (the spec's",
        "parallelism unless --partitions), the models topic compacted and taking model snapshots up to 64 MiB,",
        "the guard's quarantine topic if any, and with models.replicas > 1 the job's internal <name>.replica-sync",
        "topic (one partition, records up to 64 MiB).",
        "Topics that exist are left as they are and reported (partitions, cleanup.policy)."
      })
  static final class Create implements Callable<Integer> {
    @Option(names = "--spec", required = true, description = "The job spec (YAML).")
    Path spec;

    @Option(names = "--bootstrap", description = "Kafka bootstrap servers, HOST:PORT (default: the spec's kafka.bootstrap).")
    String bootstrap;

    @Option(names = "--kafka-config", paramLabel = "FILE",
        description = "Kafka client properties (e.g. an administrator's) instead of the spec's kafka.properties.")
    Path config;

    @Option(names = "--partitions", paramLabel = "N",
        description = "Partitions of each topic created (default: the spec's parallelism, 1 when it has none).")
    Integer partitions;

    @Override
    public Integer call() throws Exception {
      JobSpec job = JobSpecReader.read(spec);
      int n = partitions != null ? partitions : Math.max(1, job.parallelism());
      if (n < 1) {
        throw new IllegalArgumentException("--partitions must be >= 1, got " + n);
      }
      KafkaConnection as = new KafkaConnection(bootstrap != null ? bootstrap : job.kafka().bootstrap(),
          config != null ? KafkaOptions.read(config, "--kafka-config") : job.kafka().connection().properties());
      KafkaAccess.check(as);
      List<SpecTopics.Status> topics = SpecTopics.create(job, as, n);
      for (SpecTopics.Status t : topics) {
        System.out.printf("%-12s %-24s %s, %d partition%s, cleanup.policy=%s%s%n", t.role(), t.name(),
            t.created() ? "created" : "exists", t.partitions(), t.partitions() == 1 ? "" : "s", t.cleanupPolicy(),
            t.fitsRole() ? "" : "  (" + t.advice() + ")");
      }
      return 0;
    }
  }
}
