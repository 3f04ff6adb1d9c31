package dev.eddy.cli.kafka;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialAlteration;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;

/**
 * How the standalone broker is secured: plaintext (the default), or TLS with SASL — SCRAM-SHA-512 and
 * PLAIN for the given users — and optionally Kafka's {@code StandardAuthorizer} (ACLs). With TLS every
 * listener, the controller's included, is SASL_SSL; the broker talks to itself and to its controller
 * as the internal super user {@value #INTERNAL_USER} with PLAIN (SCRAM credentials live in the
 * metadata, which a starting controller has not read yet). Its password is random, in
 * {@code DATA_DIR/tls/internal-password}.
 *
 * @param tls whether the listeners are SASL_SSL
 * @param users user name → password (SCRAM-SHA-512 and PLAIN); with TLS at least one
 * @param acl whether the broker enforces ACLs (nothing is allowed but what an ACL allows; the internal
 *     user is the only super user)
 */
public record BrokerSecurity(boolean tls, Map<String, String> users, boolean acl) {
  /** The broker's own user. */
  public static final String INTERNAL_USER = "eddy-broker";
  private static final String PLAIN_MODULE = "org.apache.kafka.common.security.plain.PlainLoginModule";
  private static final String SCRAM_MODULE = "org.apache.kafka.common.security.scram.ScramLoginModule";

  public BrokerSecurity {
    users = Map.copyOf(users);
    if (!tls && (!users.isEmpty() || acl)) {
      throw new IllegalArgumentException("--scram and --acl need --tls");
    }
    if (tls && users.isEmpty()) {
      throw new IllegalArgumentException("--tls needs at least one user: --scram USER:PASSWORD[,USER:PASSWORD...]");
    }
    users.forEach((user, password) -> {
      if ((user + password).matches("(?s).*[\"\\\\\\s,].*")) { // JAAS and the --scram list would parse them
        throw new IllegalArgumentException("--scram: user '" + user + "': names and passwords may not hold quotes,"
            + " backslashes, commas or spaces");
      }
    });
  }

  /** A plaintext broker. */
  public static BrokerSecurity plaintext() {
    return new BrokerSecurity(false, Map.of(), false);
  }

  /**
   * Parses {@code --scram USER:PASSWORD[,USER:PASSWORD...]}; user names and passwords may not hold
   * {@code , " \ } (JAAS and the list would parse them), names no {@code :}.
   */
  public static Map<String, String> parseUsers(String list) {
    Map<String, String> users = new LinkedHashMap<>();
    if (list == null) {
      return users;
    }
    for (String entry : list.split(",")) {
      int colon = entry.indexOf(':');
      String user = colon < 0 ? entry : entry.substring(0, colon);
      if (colon <= 0 || colon == entry.length() - 1) {
        throw new IllegalArgumentException("--scram: each entry must be USER:PASSWORD, got an entry for '" + user + "'");
      }
      String password = entry.substring(colon + 1);
      if (user.equals(INTERNAL_USER) || users.put(user, password) != null) {
        throw new IllegalArgumentException("--scram: user '" + user + "' is " + (user.equals(INTERNAL_USER)
            ? "the broker's own" : "given twice"));
      }
    }
    return users;
  }

  /** Sets the listeners and their security on a broker's {@code server} properties. */
  void apply(Properties server, int brokerPort, int controllerPort, Path dataDir) {
    if (!tls) {
      return;
    }
    BrokerCertificates tlsFiles = BrokerCertificates.in(dataDir);
    String internal = internalPassword(dataDir);
    server.setProperty("listeners", "SASL_SSL://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:" + controllerPort);
    server.setProperty("advertised.listeners", "SASL_SSL://127.0.0.1:" + brokerPort);
    server.setProperty("listener.security.protocol.map", "SASL_SSL:SASL_SSL,CONTROLLER:SASL_SSL");
    server.setProperty("inter.broker.listener.name", "SASL_SSL");
    server.setProperty("sasl.enabled.mechanisms", "SCRAM-SHA-512,PLAIN");
    server.setProperty("sasl.mechanism.inter.broker.protocol", "PLAIN");
    server.setProperty("sasl.mechanism.controller.protocol", "PLAIN");
    StringBuilder plain = new StringBuilder(login(PLAIN_MODULE, INTERNAL_USER, internal));
    plain.setLength(plain.length() - 1); // the ';'
    plain.append(" user_").append(INTERNAL_USER).append("=\"").append(internal).append('"');
    users.forEach((u, p) -> plain.append(" user_").append(u).append("=\"").append(p).append('"'));
    server.setProperty("listener.name.sasl_ssl.plain.sasl.jaas.config", plain + ";");
    server.setProperty("listener.name.sasl_ssl.scram-sha-512.sasl.jaas.config", SCRAM_MODULE + " required;");
    server.setProperty("listener.name.controller.sasl.enabled.mechanisms", "PLAIN");
    server.setProperty("listener.name.controller.plain.sasl.jaas.config", login(PLAIN_MODULE, INTERNAL_USER, internal)
        .replace(";", " user_" + INTERNAL_USER + "=\"" + internal + "\";"));
    server.setProperty("ssl.keystore.type", "PKCS12");
    server.setProperty("ssl.keystore.location", tlsFiles.keystore().toString());
    server.setProperty("ssl.keystore.password", tlsFiles.storePassword());
    server.setProperty("ssl.key.password", tlsFiles.storePassword());
    server.setProperty("ssl.truststore.type", "PEM");
    server.setProperty("ssl.truststore.location", tlsFiles.truststore().toString());
    if (acl) {
      server.setProperty("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
      server.setProperty("super.users", "User:" + INTERNAL_USER);
      server.setProperty("allow.everyone.if.no.acl.found", "false");
    }
  }

  /** The names of the broker properties that hold secrets: kept out of the server.properties file. */
  static List<String> secretProperties() {
    return List.of("listener.name.sasl_ssl.plain.sasl.jaas.config", "listener.name.controller.plain.sasl.jaas.config",
        "ssl.keystore.password", "ssl.key.password");
  }

  /**
   * The client properties of {@code user} ({@code mechanism} SCRAM-SHA-512 or PLAIN) against a broker
   * on {@code dataDir}; with {@code password} null, a {@code ${env:EDDY_KAFKA_PASSWORD}} reference.
   */
  public static Map<String, String> clientProperties(Path dataDir, String mechanism, String user, String password) {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("security.protocol", "SASL_SSL");
    p.put("sasl.mechanism", mechanism);
    p.put("sasl.jaas.config", login(mechanism.equals("PLAIN") ? PLAIN_MODULE : SCRAM_MODULE, user,
        password == null ? "${env:EDDY_KAFKA_PASSWORD}" : password));
    p.put("ssl.truststore.type", "PEM");
    p.put("ssl.truststore.location", dataDir.resolve("tls").resolve("ca.pem").toAbsolutePath().toString());
    return p;
  }

  /** The broker's own client properties (a super user with --acl). */
  static Map<String, String> internalClient(Path dataDir) {
    return clientProperties(dataDir, "PLAIN", INTERNAL_USER, internalPassword(dataDir));
  }

  /** Creates or updates every user's SCRAM-SHA-512 credential, as the internal user. */
  void createScramUsers(String bootstrap, Path dataDir) {
    if (users.isEmpty()) {
      return;
    }
    Properties admin = new Properties();
    admin.putAll(internalClient(dataDir));
    admin.setProperty("bootstrap.servers", bootstrap);
    List<UserScramCredentialAlteration> upserts = new ArrayList<>();
    users.forEach((u, p) -> upserts.add(new UserScramCredentialUpsertion(u,
        new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 8192), p)));
    try (Admin a = Admin.create(admin)) {
      a.alterUserScramCredentials(upserts).all().get();
      // the broker serves the credentials from its metadata, a moment after the controller committed them
      long deadline = System.nanoTime() + 30_000_000_000L;
      while (a.describeUserScramCredentials(List.copyOf(users.keySet())).all().get().size() < users.size()) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("the SCRAM users are not visible on the broker after 30 s");
        }
        Thread.sleep(100);
      }
    } catch (ExecutionException e) {
      throw new IllegalStateException("cannot create the SCRAM users: " + e.getCause().getMessage(), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while creating the SCRAM users", e);
    }
  }

  private static String internalPassword(Path dataDir) {
    return BrokerSecrets.readOrCreate(dataDir.resolve("tls").resolve("internal-password"));
  }

  private static String login(String module, String user, String password) {
    return module + " required username=\"" + user + "\" password=\"" + password + "\";";
  }

  @Override
  public String toString() {
    return "BrokerSecurity[tls=" + tls + ", users=" + users.keySet() + ", acl=" + acl + "]"; // no passwords
  }
}
