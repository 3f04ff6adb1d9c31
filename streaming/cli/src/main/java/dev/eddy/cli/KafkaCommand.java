package dev.eddy.cli;

import dev.eddy.cli.kafka.BrokerSecurity;
import dev.eddy.cli.kafka.KafkaBroker;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code bin/eddy kafka}: a real standalone Kafka broker in the foreground, for users without one. */
@Command(
    name = "kafka",
    mixinStandardHelpOptions = true,
    description = {
      "Runs a real single-node Kafka broker (KRaft) on 127.0.0.1 in the foreground.",
      "Ctrl-C or SIGTERM stops it cleanly; a restart on the same --data-dir keeps its topics.",
      "With --tls, its one listener requires TLS and SASL (SCRAM-SHA-512 or PLAIN) for the --scram users;",
      "the CA and the broker's certificate are made in DATA_DIR/tls on first start. It prints the client",
      "properties to use (the password as $${env:EDDY_KAFKA_PASSWORD})."
    })
public final class KafkaCommand implements Callable<Integer> {
  private static final java.util.regex.Pattern ENV = java.util.regex.Pattern.compile("\\$\\{env:([^}]+)}");

  @Option(names = "--port", defaultValue = "9092", description = "Listener port (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(names = "--data-dir", required = true, description = "Directory for the broker's logs and metadata.")
  Path dataDir;

  @Option(names = "--tls", description = "Require TLS and SASL (SCRAM-SHA-512 or PLAIN) on the listener; needs --scram.")
  boolean tls;

  @Option(names = "--scram", paramLabel = "USER:PASSWORD[,USER:PASSWORD...]",
      description = "The users (created or updated at start). A password of the form $${env:NAME} is read from"
          + " that environment variable, so that it shows in no process list.")
  String scram;

  @Option(names = "--acl", description = "Enforce ACLs (Kafka's StandardAuthorizer): a user may do only what an ACL allows; needs --tls.")
  boolean acl;

  @Override
  public Integer call() throws Exception {
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("--port must be in 1..65535, got " + port);
    }
    java.util.Map<String, String> users = BrokerSecurity.parseUsers(scram);
    users.replaceAll((user, password) -> fromEnvironment(user, password));
    BrokerSecurity security = new BrokerSecurity(tls, users, acl);
    KafkaBroker broker = KafkaBroker.start(port, dataDir, security);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      System.out.println("Stopping Kafka ...");
      broker.close();
      stopped.countDown();
    }, "eddy-kafka-stop"));
    System.out.println("Kafka broker ready on " + broker.bootstrapServers() + " (data in " + dataDir.toAbsolutePath()
        + "). Ctrl-C to stop.");
    if (tls) {
      String user = users.keySet().iterator().next();
      System.out.println("TLS + SASL. Truststore (the CA's certificate, PEM): "
          + dataDir.resolve("tls").resolve("ca.pem").toAbsolutePath());
      System.out.println("Client properties for " + user + " (a --kafka-config file, or the spec's kafka.properties);"
          + " export EDDY_KAFKA_PASSWORD first:");
      BrokerSecurity.clientProperties(dataDir, "SCRAM-SHA-512", user, null)
          .forEach((k, v) -> System.out.println("  " + k + "=" + v));
      System.out.println("For SASL/PLAIN (e.g. kcat), use sasl.mechanism=PLAIN with"
          + " org.apache.kafka.common.security.plain.PlainLoginModule." + (acl ? " ACLs are enforced." : ""));
    }
    System.out.flush();
    stopped.await();
    return 0;
  }

  /** A password given as ${env:NAME}: the variable's value; a missing one fails naming the reference. */
  private static String fromEnvironment(String user, String password) {
    java.util.regex.Matcher m = ENV.matcher(password);
    if (!m.matches()) {
      return password;
    }
    String value = System.getenv(m.group(1));
    if (value == null || value.isEmpty()) {
      throw new IllegalArgumentException("--scram: user '" + user + "': " + password + " is not set");
    }
    return value;
  }
}
