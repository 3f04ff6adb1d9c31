package dev.eddy.core.kafka;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.security.cert.CertPathValidatorException;
import java.security.cert.X509Certificate;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.X509TrustManager;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.SslAuthenticationException;

/**
 * Checks, before a command uses a connection, that the cluster lets it in, and says why not within
 * {@link #TIMEOUT_SECONDS} s: authentication failed (wrong or missing credentials), the broker's
 * certificate is not trusted, or the broker requires TLS (a plaintext client on a TLS listener, which
 * Kafka's clients would retry silently until their own timeouts). Kafka's own errors name no secret.
 */
public final class KafkaAccess {
  /** The most the check waits for the cluster. */
  public static final int TIMEOUT_SECONDS = 20;
  /** After this long without an answer, a plaintext client checks whether the port speaks TLS. */
  private static final int FIRST_WAIT_SECONDS = 3;

  private KafkaAccess() {}

  /** Fails with a {@link KafkaAccessException} saying why the cluster cannot be used. */
  public static void check(KafkaConnection kafka) {
    Properties p = kafka.clientProperties();
    p.setProperty("request.timeout.ms", "10000");
    p.setProperty("default.api.timeout.ms", String.valueOf(TIMEOUT_SECONDS * 1000));
    Admin admin = Admin.create(p);
    try {
      var clusterId = admin.describeCluster().clusterId();
      try {
        clusterId.get(FIRST_WAIT_SECONDS, TimeUnit.SECONDS);
      } catch (TimeoutException slow) {
        // a plaintext client on a TLS port gets no answer at all: tell it now rather than after the timeout
        if (!usesTls(kafka) && speaksTls(kafka.bootstrap())) {
          throw requiresTls(kafka, slow);
        }
        clusterId.get(TIMEOUT_SECONDS - FIRST_WAIT_SECONDS, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new KafkaAccessException("interrupted while connecting to Kafka at " + kafka.bootstrap(), e);
    } catch (ExecutionException | TimeoutException e) {
      throw explain(kafka, e instanceof ExecutionException ? e.getCause() : e);
    } finally {
      admin.close(Duration.ZERO); // a refused check ends now, not when its pending call times out
    }
  }

  private static KafkaAccessException explain(KafkaConnection kafka, Throwable e) {
    String at = "Kafka at " + kafka.bootstrap();
    if (e instanceof SaslAuthenticationException) {
      return new KafkaAccessException("authentication failed at " + at + " (check the user and password of"
          + " sasl.jaas.config and sasl.mechanism): " + e.getMessage(), e);
    }
    if (e instanceof SslAuthenticationException) {
      return new KafkaAccessException(causedBy(e, CertPathValidatorException.class)
          ? "certificate not trusted: the broker's certificate at " + at + " is not signed by a CA of"
              + " ssl.truststore.location" : "TLS handshake with " + at + " failed: " + e.getMessage(), e);
    }
    if (!usesTls(kafka) && speaksTls(kafka.bootstrap())) {
      return requiresTls(kafka, e);
    }
    return new KafkaAccessException("cannot use " + at + " within " + TIMEOUT_SECONDS + " s: " + e, e);
  }

  private static String protocol(KafkaConnection kafka) {
    return kafka.properties().getOrDefault("security.protocol", "PLAINTEXT").toUpperCase(Locale.ROOT);
  }

  private static boolean usesTls(KafkaConnection kafka) {
    return protocol(kafka).contains("SSL");
  }

  private static KafkaAccessException requiresTls(KafkaConnection kafka, Throwable e) {
    return new KafkaAccessException("the broker requires TLS: Kafka at " + kafka.bootstrap() + " answers with TLS, and"
        + " this client is " + protocol(kafka) + " (set security.protocol=SASL_SSL or SSL and a truststore)", e);
  }

  private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether the first bootstrap server completes a TLS handshake. A probe only, to name the problem:
   * it sends no data, so it accepts any certificate.
   */
  static boolean speaksTls(String bootstrap) {
    String first = bootstrap.split(",")[0].trim();
    int colon = first.lastIndexOf(':');
    try {
      SSLContext tls = SSLContext.getInstance("TLS");
      tls.init(null, new X509TrustManager[] {new AnyCertificate()}, null);
      try (SSLSocket socket = (SSLSocket) tls.getSocketFactory().createSocket()) {
        socket.connect(new InetSocketAddress(first.substring(0, colon), Integer.parseInt(first.substring(colon + 1))), 5000);
        socket.setSoTimeout(5000);
        socket.startHandshake();
        return true;
      }
    } catch (IOException | GeneralSecurityException | RuntimeException e) {
      return false;
    }
  }

  /** The probe's trust: any certificate (nothing is sent over the probe's connection). */
  private static final class AnyCertificate implements X509TrustManager {
    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }
}
