package dev.eddy.cli.cluster;

import dev.eddy.cli.net.FreePorts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A Kafka broker in its own JVM ({@code bin/eddy kafka}, the CLI's {@code kafka} command), so that a
 * test can stop it and start it again on the same port and data directory while a job runs.
 */
final class KafkaProcess implements AutoCloseable {
  private final int port;
  private final Path dataDir;
  private final Path logDir;
  private Process process;
  private int starts;

  private KafkaProcess(int port, Path dataDir, Path logDir) {
    this.port = port;
    this.dataDir = dataDir;
    this.logDir = logDir;
  }

  /** Starts a broker on a free port, data in {@code dir/data}, output in {@code dir/kafka-N.out}. */
  static KafkaProcess start(Path dir) throws Exception {
    KafkaProcess k = new KafkaProcess(FreePorts.allocate(1)[0], dir.resolve("data"), Files.createDirectories(dir));
    k.start();
    return k;
  }

  String bootstrap() {
    return "127.0.0.1:" + port;
  }

  /** Starts the broker (again) and waits until it says it is ready. */
  void start() throws Exception {
    FlinkDistribution dist = FlinkDistribution.locate();
    String classpath = dist.targetDir().resolve("classes") + java.io.File.pathSeparator
        + Files.readString(dist.targetDir().resolve("classpath.txt")).trim();
    Path out = logDir.resolve("kafka-" + starts++ + ".out");
    List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx1g", "-Deddy.log.file=" + logDir.resolve("kafka.log"), "-cp", classpath,
        "dev.eddy.cli.EddyCli", "kafka", "--port", String.valueOf(port), "--data-dir", dataDir.toString());
    process = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile()).start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
    while (System.nanoTime() < deadline) {
      if (Files.exists(out) && Files.readString(out).contains("Kafka broker ready")) {
        return;
      }
      if (!process.isAlive()) {
        throw new IllegalStateException("the Kafka broker exited: " + Files.readString(out));
      }
      Thread.sleep(200);
    }
    throw new IllegalStateException("the Kafka broker did not start in 90 s; see " + out);
  }

  /** SIGTERM (a clean shutdown of the broker) and waits for the JVM to exit. */
  void stop() throws InterruptedException, IOException {
    if (process != null && process.isAlive()) {
      process.destroy();
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
    }
  }

  @Override
  public void close() throws Exception {
    stop();
  }
}
