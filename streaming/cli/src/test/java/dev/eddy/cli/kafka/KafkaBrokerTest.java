package dev.eddy.cli.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eddy.cli.net.FreePorts;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A broker whose port is taken fails cleanly, naming the bind failure, and leaves its data dir usable. */
class KafkaBrokerTest {

  @Test
  void aTakenPortFailsTheStartAndTheDataDirStaysUsable(@TempDir Path dir) throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      assertThatThrownBy(() -> KafkaBroker.start(taken.getLocalPort(), dir))
          .satisfies(e -> assertThat(FreePorts.isBindFailure(e)).as("a bind failure: %s", e).isTrue());
    }
    try (KafkaBroker broker = KafkaBroker.start(0, dir)) { // the failed start released the data dir's lock
      assertThat(broker.port()).isPositive();
    }
  }
}
