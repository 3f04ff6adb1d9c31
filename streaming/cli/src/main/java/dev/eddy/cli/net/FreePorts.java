package dev.eddy.cli.net;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Free TCP ports on 127.0.0.1 for the servers Eddy starts (the Kafka broker, the standalone cluster's
 * JobManager). Asking the OS for a free port twice in a row can give the same port twice, because
 * the first socket is closed before the second is opened: {@link #allocate} keeps every socket open
 * until all ports are chosen, and never hands out a port it handed out recently in this JVM. A port
 * can still be taken by another process between the choice and the server's bind, so servers start
 * through {@link #startWithRetry}, which picks new ports when the bind fails.
 */
public final class FreePorts {
  private static final int REMEMBERED = 1024;
  private static final Set<Integer> RECENT = new LinkedHashSet<>(); // oldest first; guarded by FreePorts.class

  private FreePorts() {}

  /** What {@link #startWithRetry} starts on the ports it chose. */
  @FunctionalInterface
  public interface Starter<T> {
    T start(int[] ports) throws IOException;
  }

  /** {@code count} distinct ports, free on 127.0.0.1 at the time of the call. */
  public static synchronized int[] allocate(int count) throws IOException {
    if (count < 1) {
      throw new IllegalArgumentException("count must be >= 1, got " + count);
    }
    List<ServerSocket> open = new ArrayList<>();
    int[] ports = new int[count];
    try {
      int chosen = 0;
      for (int tries = 0; chosen < count; tries++) {
        if (tries == count + REMEMBERED) {
          throw new IOException("no free port on 127.0.0.1 after " + tries + " tries");
        }
        ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        open.add(s); // held open: the OS cannot give this port again until all are chosen
        if (!RECENT.contains(s.getLocalPort())) {
          ports[chosen++] = s.getLocalPort();
        }
      }
    } finally {
      for (ServerSocket s : open) {
        s.close();
      }
    }
    for (int p : ports) {
      remember(p);
    }
    return ports;
  }

  private static void remember(int port) {
    RECENT.add(port);
    if (RECENT.size() > REMEMBERED) {
      RECENT.remove(RECENT.iterator().next());
    }
  }

  /**
   * Calls {@code starter} with {@code count} fresh ports, again with new ports (up to {@code
   * attempts} calls in all) while it fails because a port was taken ({@link #isBindFailure}).
   */
  public static <T> T startWithRetry(int count, int attempts, Starter<T> starter) throws IOException {
    if (attempts < 1) {
      throw new IllegalArgumentException("attempts must be >= 1, got " + attempts);
    }
    for (int attempt = 1; ; attempt++) {
      try {
        return starter.start(allocate(count));
      } catch (IOException | RuntimeException e) {
        if (attempt == attempts || !isBindFailure(e)) {
          throw e;
        }
      }
    }
  }

  /** Whether {@code e} or one of its causes is a {@link BindException} (a port already in use). */
  public static boolean isBindFailure(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof BindException) {
        return true;
      }
    }
    return false;
  }
}
