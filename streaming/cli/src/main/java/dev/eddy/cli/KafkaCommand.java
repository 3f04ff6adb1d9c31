package dev.eddy.cli;

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
      "Ctrl-C or SIGTERM stops it cleanly; a restart on the same --data-dir keeps its topics."
    })
public final class KafkaCommand implements Callable<Integer> {
  @Option(names = "--port", defaultValue = "9092", description = "Listener port (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(names = "--data-dir", required = true, description = "Directory for the broker's logs and metadata.")
  Path dataDir;

  @Override
  public Integer call() throws Exception {
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("--port must be in 1..65535, got " + port);
    }
    KafkaBroker broker = KafkaBroker.start(port, dataDir);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      System.out.println("Stopping Kafka ...");
      broker.close();
      stopped.countDown();
    }, "eddy-kafka-stop"));
    System.out.println("Kafka broker ready on " + broker.bootstrapServers() + " (data in " + dataDir.toAbsolutePath()
        + "). Ctrl-C to stop.");
    System.out.flush();
    stopped.await();
    return 0;
  }
}
