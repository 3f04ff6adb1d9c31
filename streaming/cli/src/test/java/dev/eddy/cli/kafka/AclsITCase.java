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
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A broker that enforces ACLs ({@code bin/eddy kafka --tls --scram ... --acl}): {@code bin/eddy acls
 * --apply} creates the job's topics and its ACLs as the administrator, and the job then runs, start
 * checks included, as a user that has exactly those ACLs and nothing else.
 */
@Tag("slow")
@Timeout(value = 5, unit = java.util.concurrent.TimeUnit.MINUTES)
class AclsITCase {
  @TempDir Path dir;

  @Test
  void theJobRunsUnderExactlyTheMinimalAcls() throws Exception {
    String password = BrokerCertificates.randomPassword();
    Path data = dir.resolve("kafka");
    try (KafkaBroker broker = KafkaBroker.start(0, data, new BrokerSecurity(true, Map.of("eddy", password), true))) {
      String properties = BrokerSecurity.clientProperties(data, "SCRAM-SHA-512", "eddy", password).entrySet().stream()
          .map(e -> "    " + e.getKey() + ": '" + e.getValue().replace("'", "''") + "'")
          .collect(Collectors.joining("\n"));
      String yaml = SeededWorkload.spec(broker.bootstrapServers()).replace("  bootstrap: " + broker.bootstrapServers(),
          "  bootstrap: " + broker.bootstrapServers() + "\n  properties:\n" + properties);
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
      Configuration noRestarts = new Configuration();
      noRestarts.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
      LocalRunner.start(spec, true, dir.resolve("job"), noRestarts).getJobExecutionResult().get();

      PredictionTally tally = new PredictionTally();
      KafkaClients.readAll(admin, spec.kafka().topics().predictions(), true, 0, Duration.ofSeconds(2), r -> tally.add(r.value()));
      assertThat(tally.records()).isEqualTo(1000);
      assertThat(tally.distinctIds()).isEqualTo(1000);
    }
  }
}
