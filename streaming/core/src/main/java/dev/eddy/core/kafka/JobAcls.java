package dev.eddy.core.kafka;

import dev.eddy.core.spec.JobSpec;
import dev.eddy.core.spec.Replicas;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/**
 * The least a job's Kafka user must be allowed on a cluster that enforces ACLs: read the events and
 * labels topics and commit the job's consumer group; write the four output topics, in transactions
 * whose ids start with the job's name; and read two configurations the start checks (the models
 * topic's {@code max.message.bytes}, the brokers' {@code transaction.max.timeout.ms}). With {@code
 * models.replicas} &gt; 1 also its internal {@code <job>.replica-sync} topic: written (the
 * contributions, in the same transactions), read back (by the sync source, in the job's consumer
 * group) and its {@code max.message.bytes} read at start. Creating the
 * topics is left to an administrator ({@code bin/eddy acls --apply} does it, as that administrator).
 * The ITCase runs the job under exactly these.
 */
public final class JobAcls {
  private JobAcls() {}

  /** The ACLs of {@code principal} (e.g. {@code User:eddy}) for the job of {@code spec}. */
  public static List<AclBinding> of(JobSpec spec, String principal) {
    var topics = spec.kafka().topics();
    List<AclBinding> acls = new ArrayList<>();
    for (String in : List.of(topics.events(), topics.labels())) {
      acls.add(allow(ResourceType.TOPIC, in, PatternType.LITERAL, AclOperation.READ, principal));
    }
    acls.add(allow(ResourceType.GROUP, spec.kafka().groupId(), PatternType.LITERAL, AclOperation.READ, principal));
    List<String> outputs = new java.util.ArrayList<>(List.of(topics.predictions(), topics.drift(), topics.models(), topics.deadLetter()));
    if (spec.guard().quarantineTopic() != null) {
      outputs.add(spec.guard().quarantineTopic());
    }
    for (String out : outputs) {
      acls.add(allow(ResourceType.TOPIC, out, PatternType.LITERAL, AclOperation.WRITE, principal));
    }
    acls.add(allow(ResourceType.TRANSACTIONAL_ID, spec.name() + "-", PatternType.PREFIXED, AclOperation.WRITE, principal));
    acls.add(allow(ResourceType.TOPIC, topics.models(), PatternType.LITERAL, AclOperation.DESCRIBE_CONFIGS, principal));
    acls.add(allow(ResourceType.CLUSTER, "kafka-cluster", PatternType.LITERAL, AclOperation.DESCRIBE_CONFIGS, principal));
    if (spec.models().replicas().parallel()) {
      String sync = Replicas.syncTopic(spec.name());
      for (AclOperation op : List.of(AclOperation.READ, AclOperation.WRITE, AclOperation.DESCRIBE_CONFIGS)) {
        acls.add(allow(ResourceType.TOPIC, sync, PatternType.LITERAL, op, principal));
      }
    }
    return acls;
  }

  /** Creates {@code acls} on the cluster of {@code admin} (a connection allowed to alter ACLs). */
  public static void apply(KafkaConnection admin, List<AclBinding> acls) {
    try (Admin a = Admin.create(admin.clientProperties())) {
      a.createAcls(acls).all().get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while creating ACLs", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("cannot create the ACLs on " + admin.bootstrap() + ": " + e.getCause().getMessage(),
          e.getCause());
    }
  }

  /** The {@code kafka-acls.sh} command line that creates {@code acl} (for a cluster of one's own). */
  public static String command(AclBinding acl) {
    ResourcePattern r = acl.pattern();
    String resource = switch (r.resourceType()) {
      case TOPIC -> "--topic " + r.name();
      case GROUP -> "--group " + r.name();
      case TRANSACTIONAL_ID -> "--transactional-id " + r.name();
      case CLUSTER -> "--cluster";
      default -> throw new IllegalArgumentException("no kafka-acls.sh form for " + r);
    };
    return "kafka-acls.sh --bootstrap-server HOST:PORT --command-config admin.properties --add --allow-principal "
        + acl.entry().principal() + " --operation " + operationName(acl.entry().operation()) + " " + resource
        + (r.patternType() == PatternType.PREFIXED ? " --resource-pattern-type prefixed" : "");
  }

  private static String operationName(AclOperation op) {
    // kafka-acls.sh spells operations in CamelCase: Read, Write, DescribeConfigs
    StringBuilder b = new StringBuilder();
    for (String part : op.name().split("_")) {
      b.append(part.charAt(0)).append(part.substring(1).toLowerCase(java.util.Locale.ROOT));
    }
    return b.toString();
  }

  private static AclBinding allow(ResourceType type, String name, PatternType pattern, AclOperation op, String principal) {
    return new AclBinding(new ResourcePattern(type, name, pattern),
        new AccessControlEntry(principal, "*", op, AclPermissionType.ALLOW));
  }
}
