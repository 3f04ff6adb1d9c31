package dev.eddy.cli.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class FreePortsTest {

  @Test
  void manyAllocationsNeverGiveAPortTwice() throws IOException {
    Set<Integer> seen = new HashSet<>();
    for (int i = 0; i < 200; i++) {
      for (int port : FreePorts.allocate(3)) {
        assertThat(seen.add(port)).as("port %d given twice (allocation %d)", port, i).isTrue();
      }
    }
  }

  @Test
  void allocatedPortsCanBeBound() throws IOException {
    List<ServerSocket> sockets = new ArrayList<>();
    try {
      for (int port : FreePorts.allocate(4)) {
        sockets.add(new ServerSocket(port, 1, InetAddress.getLoopbackAddress()));
      }
    } finally {
      for (ServerSocket s : sockets) {
        s.close();
      }
    }
    assertThat(sockets).hasSize(4);
  }

  @Test
  void aStartWhoseBindFailsIsRetriedOnNewPorts() throws IOException {
    List<Integer> tried = new ArrayList<>();
    int bound = FreePorts.startWithRetry(1, 3, ports -> {
      tried.add(ports[0]);
      if (tried.size() == 1) { // another process takes the port between the choice and the bind
        try (ServerSocket thief = new ServerSocket(ports[0], 1, InetAddress.getLoopbackAddress());
            ServerSocket server = new ServerSocket(ports[0], 1, InetAddress.getLoopbackAddress())) {
          return server.getLocalPort();
        }
      }
      try (ServerSocket server = new ServerSocket(ports[0], 1, InetAddress.getLoopbackAddress())) {
        return server.getLocalPort();
      }
    });
    assertThat(tried).hasSize(2).doesNotHaveDuplicates();
    assertThat(bound).isEqualTo(tried.get(1));
  }

  @Test
  void retriesAreBoundedAndOnlyForBindFailures() {
    AtomicInteger calls = new AtomicInteger();
    assertThatThrownBy(() -> FreePorts.startWithRetry(2, 3, ports -> {
      calls.incrementAndGet();
      throw new IllegalStateException("server failed", new BindException("Address already in use"));
    })).hasMessage("server failed");
    assertThat(calls).hasValue(3);

    calls.set(0);
    assertThatThrownBy(() -> FreePorts.startWithRetry(2, 3, ports -> {
      calls.incrementAndGet();
      throw new IOException("disk full");
    })).hasMessage("disk full");
    assertThat(calls).hasValue(1);
  }
}
