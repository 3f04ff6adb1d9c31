package dev.eddy.cli.kafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The standalone broker's TLS material, made once with the JDK's own {@code keytool} (no hand-written
 * crypto) in {@code DATA_DIR/tls}: a local CA ({@code ca.p12}), the CA certificate clients trust
 * ({@code ca.pem}, a PEM truststore: {@code ssl.truststore.type=PEM}, no password) and the broker's
 * key and certificate signed by the CA for 127.0.0.1 and localhost ({@code broker.p12}). The stores'
 * password is random, in {@code store-password} (owner-only). A restart reuses them.
 */
final class BrokerCertificates {
  private static final int DAYS = 3650;
  private final Path dir;

  private BrokerCertificates(Path dir) {
    this.dir = dir;
  }

  /** The material in {@code dataDir/tls}, made first when it does not exist yet. */
  static BrokerCertificates in(Path dataDir) {
    BrokerCertificates c = new BrokerCertificates(dataDir.resolve("tls"));
    if (!Files.isRegularFile(c.truststore())) {
      c.make();
    }
    return c;
  }

  /** The CA certificate to trust, PEM. */
  Path truststore() {
    return dir.resolve("ca.pem");
  }

  /** The broker's PKCS12 key store. */
  Path keystore() {
    return dir.resolve("broker.p12");
  }

  /** The key store's password. */
  String storePassword() {
    return BrokerSecrets.read(dir.resolve("store-password"));
  }

  private void make() {
    try {
      Files.createDirectories(dir);
      Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
      Path pw = dir.resolve("store-password");
      BrokerSecrets.write(pw, randomPassword());
      String pass = storePassword();
      String ca = dir.resolve("ca.p12").toString();
      String broker = keystore().toString();
      keytool("-genkeypair", "-alias", "ca", "-keyalg", "RSA", "-keysize", "2048", "-dname", "CN=Eddy local CA",
          "-ext", "bc:c", "-validity", String.valueOf(DAYS), "-keystore", ca, "-storetype", "PKCS12", "-storepass", pass);
      keytool("-exportcert", "-rfc", "-alias", "ca", "-keystore", ca, "-storepass", pass,
          "-file", dir.resolve("ca.tmp").toString());
      keytool("-genkeypair", "-alias", "broker", "-keyalg", "RSA", "-keysize", "2048", "-dname", "CN=localhost",
          "-validity", String.valueOf(DAYS), "-keystore", broker, "-storetype", "PKCS12", "-storepass", pass);
      keytool("-certreq", "-alias", "broker", "-keystore", broker, "-storepass", pass,
          "-file", dir.resolve("broker.csr").toString());
      keytool("-gencert", "-alias", "ca", "-keystore", ca, "-storepass", pass, "-rfc",
          "-infile", dir.resolve("broker.csr").toString(), "-outfile", dir.resolve("broker.pem").toString(),
          "-validity", String.valueOf(DAYS), "-ext", "SAN=ip:127.0.0.1,dns:localhost",
          "-ext", "KU=digitalSignature,keyEncipherment", "-ext", "EKU=serverAuth,clientAuth");
      keytool("-importcert", "-noprompt", "-alias", "ca", "-keystore", broker, "-storepass", pass,
          "-file", dir.resolve("ca.tmp").toString());
      keytool("-importcert", "-alias", "broker", "-keystore", broker, "-storepass", pass,
          "-file", dir.resolve("broker.pem").toString());
      Files.delete(dir.resolve("broker.csr"));
      Files.move(dir.resolve("ca.tmp"), truststore()); // last: its presence means the material is complete
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the broker's TLS material in " + dir, e);
    }
  }

  /** Runs the JDK's keytool; fails with its output (which holds no password: they are arguments). */
  private static void keytool(String... args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    try {
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
        throw new IOException("keytool " + args[0] + " failed: " + out.strip());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while running keytool " + args[0], e);
    } finally {
      p.destroy();
    }
  }

  /** 24 random bytes, Base64 (URL-safe: no quote, backslash or comma that JAAS or the CLI would parse). */
  static String randomPassword() {
    byte[] bytes = new byte[24];
    new SecureRandom().nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
