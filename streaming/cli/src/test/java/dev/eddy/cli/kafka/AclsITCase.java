package dev.eddy.cli.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eddy.cli.EddyCli;
import dev.eddy.cli.local.LocalRunner;
import dev.eddy.cli.workload.PredictionTally;
import dev.eddy.cli.workload.SeededWorkload;
import dev.eddy.core.kafka.CheckedProducer;
import dev.eddy.core.kafka.JobAcls;
import dev.eddy.core.kafka.JobKafka;
import dev.eddy.core.kafka.KafkaClients;
import dev.eddy.core.kafka.KafkaConnection;
import dev.eddy.core.spec.JobSpec;
import dev.eddy.core.spec.JobSpecReader;
import dev.eddy.core.spec.Replicas;
import dev.eddy.schemas.codec.Topics;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A broker that enforces ACLs ({@code bin/eddy kafka --tls --scram ... --acl}): {@code bin/eddy acls
 * --apply} creates the job's topics and its ACLs as the administrator, and the job then runs, start
 * checks included, as a user that has exactly those ACLs and nothing else: the one-model job, and a
 * job of 2 replicas, which also writes and reads back its internal replica-sync topic.
 */
@Tag("slow")
@Timeout(value = 5, unit = java.util.concurrent.TimeUnit.MINUTES)
class AclsITCase {
  @TempDir Path dir;

  /** A broker enforcing ACLs, the spec's topics and ACLs created by {@code bin/eddy acls --apply}, 1000 events produced. */
  private record Secured(KafkaBroker broker, JobSpec spec, KafkaConnection admin) implements AutoCloseable {
    @Override
    public void close() throws Exception {
      broker.close();
    }
  }

  /** @param more YAML appended to the demo's spec */
  private Secured secured(String more) throws Exception {
    String password = BrokerCertificates.randomPassword();
    Path data = dir.resolve("kafka");
    KafkaBroker broker = KafkaBroker.start(0, data, new BrokerSecurity(true, Map.of("eddy", password), true));
    String properties = BrokerSecurity.clientProperties(data, "SCRAM-SHA-512", "eddy", password).entrySet().stream()
        .map(e -> "    " + e.getKey() + ": '" + e.getValue().replace("'", "''") + "'")
        .collect(Collectors.joining("\n"));
    String yaml = SeededWorkload.spec(broker.bootstrapServers()).replace("  bootstrap: " + broker.bootstrapServers(),
        "  bootstrap: " + broker.bootstrapServers() + "\n  properties:\n" + properties) + more;
    Path specFile = Files.writeString(dir.resolve("job.yaml"), yaml);
    JobSpec spec = JobSpecReader.parse(yaml);
    KafkaConnection admin = new KafkaConnection(broker.bootstrapServers(), BrokerSecurity.internalClient(data));
    Path adminConfig = dir.resolve("admin.properties");
    Properties p = new Properties();
    p.putAll(BrokerSecurity.internalClient(data));
    try (var w = Files.newBufferedWriter(adminConfig)) {
      p.store(w, null);
    }

    StringWriter out = new StringWriter();
    var cli = EddyCli.commandLine();
    cli.setOut(new PrintWriter(out, true));
    assertThat(cli.execute("acls", "--spec", specFile.toString(), "--principal", "User:eddy")).isZero();
    assertThat(cli.execute("acls", "--spec", specFile.toString(), "--principal", "User:eddy", "--apply",
        "--admin-config", adminConfig.toString())).isZero();

    try (Admin a = Admin.create(admin.clientProperties())) {
      var granted = a.describeAcls(AclBindingFilter.ANY).values().get();
      assertThat(new HashSet<>(granted)).isEqualTo(new HashSet<>(JobAcls.of(spec, "User:eddy")));
    }
    try (CheckedProducer producer = new CheckedProducer(admin)) {
      SeededWorkload.produce(producer, spec.kafka().topics().events(), 1000, 0, 5, n -> {});
    }
    // enforced: the job's user may not write its own input
    assertThatThrownBy(() -> {
      try (CheckedProducer eddy = new CheckedProducer(spec.kafka().connection())) {
        eddy.send(spec.kafka().topics().events(), null, new byte[] {1});
      }
    }).hasMessageContaining("Not authorized to access topics");
    JobKafka.prepare(spec); // the start's checks, as the job's user
    return new Secured(broker, spec, admin);
  }

  private static Configuration noRestarts() {
    Configuration c = new Configuration();
    c.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
    return c;
  }

  @Test
  void theJobRunsUnderExactlyTheMinimalAcls() throws Exception {
    try (Secured s = secured("")) {
      LocalRunner.start(s.spec(), true, dir.resolve("job"), noRestarts()).getJobExecutionResult().get();

      PredictionTally tally = new PredictionTally();
      KafkaClients.readAll(s.admin(), s.spec().kafka().topics().predictions(), true, 0, Duration.ofSeconds(2), r -> tally.add(r.value()));
      assertThat(tally.records()).isEqualTo(1000);
      assertThat(tally.distinctIds()).isEqualTo(1000);
    }
  }

  /**
   * {@code models.replicas: 2} under its minimal ACLs: the replicas write their contributions to the
   * replica-sync topic, the sync source reads them back and the rounds merge (a merged version on the
   * models topic), with no restart allowed (an authorization error would fail the job).
   */
  @Test
  void replicasMergeUnderExactlyTheMinimalAcls() throws Exception {
    try (Secured s = secured("models: {replicas: 2, merge-every: 100}\nparallelism: 2\n")) {
      JobClient job = LocalRunner.start(s.spec(), false, dir.resolve("job"), noRestarts());
      try {
        long deadline = System.currentTimeMillis() + 120_000;
        while (merges(s) == 0) {
          assertThat(job.getJobStatus().get().isGloballyTerminalState()).as("the job failed: see its log").isFalse();
          assertThat(System.currentTimeMillis()).as("a merged round within 2 minutes").isLessThan(deadline);
          Thread.sleep(1_000);
        }
      } finally {
        job.cancel().get();
      }
      long contributions = KafkaClients.readAll(s.admin(), Replicas.syncTopic(s.spec().name()), true, 0, Duration.ofSeconds(2), r -> {});
      assertThat(contributions).as("committed contributions of both replicas").isGreaterThanOrEqualTo(2);
    }
  }

  private static long merges(Secured s) {
    long[] n = {0};
    KafkaClients.readAll(s.admin(), s.spec().kafka().topics().models(), true, 0, Duration.ofSeconds(1), r -> {
      try {
        n[0] += Topics.MODEL.decode(r.value()).getReason().equals("merge") ? 1 : 0;
      } catch (java.io.IOException e) {
        throw new AssertionError("the models topic holds a record that is not a ModelSnapshot", e);
      }
    });
    return n[0];
  }
}
