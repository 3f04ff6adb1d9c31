package dev.eddy.cli;

import dev.eddy.core.kafka.JobAcls;
import dev.eddy.core.kafka.JobKafka;
import dev.eddy.core.kafka.KafkaAccess;
import dev.eddy.core.kafka.KafkaConnection;
import dev.eddy.core.spec.JobSpec;
import dev.eddy.core.spec.JobSpecReader;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.kafka.common.acl.AclBinding;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bin/eddy acls}: the least a job's Kafka user must be allowed ({@link JobAcls}), printed as
 * {@code kafka-acls.sh} commands, or created with {@code --apply} as an administrator, who also
 * creates the job's topics (the job's user may not).
 */
@Command(
    name = "acls",
    mixinStandardHelpOptions = true,
    description = {
      "Prints or creates the ACLs a job's Kafka user needs on a cluster that enforces ACLs.",
      "Without --apply it prints them as kafka-acls.sh commands; with --apply it creates the job's topics",
      "and those ACLs as the administrator of --admin-config."
    })
public final class AclsCommand implements Callable<Integer> {
  @Option(names = "--spec", required = true, description = "The job spec (YAML).")
  Path spec;

  @Option(names = "--principal", required = true, description = "The job's Kafka principal, e.g. User:eddy.")
  String principal;

  @Option(names = "--apply", description = "Create the topics and the ACLs on the spec's cluster (needs --admin-config).")
  boolean apply;

  @Option(names = "--admin-config", paramLabel = "FILE",
      description = "Kafka client properties of a user allowed to create topics and ACLs (a super user).")
  Path adminConfig;

  @Override
  public Integer call() throws Exception {
    if (!principal.matches("[A-Za-z]+:.+")) {
      throw new IllegalArgumentException("--principal must be TYPE:NAME, e.g. User:eddy, got " + principal);
    }
    JobSpec job = JobSpecReader.read(spec);
    List<AclBinding> acls = JobAcls.of(job, principal);
    if (!apply) {
      acls.forEach(acl -> System.out.println(JobAcls.command(acl)));
      return 0;
    }
    if (adminConfig == null) {
      throw new IllegalArgumentException("--apply needs --admin-config FILE (an administrator's client properties)");
    }
    KafkaConnection admin = new KafkaConnection(job.kafka().bootstrap(), KafkaOptions.read(adminConfig, "--admin-config"));
    KafkaAccess.check(admin);
    JobKafka.createTopics(job, admin);
    JobAcls.apply(admin, acls);
    System.out.println("Created the topics of '" + job.name() + "' and " + acls.size() + " ACLs for " + principal + ".");
    return 0;
  }
}
