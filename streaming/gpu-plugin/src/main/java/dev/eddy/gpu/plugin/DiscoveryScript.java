package dev.eddy.gpu.plugin;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.flink.configuration.IllegalConfigurationException;

/**
 * A GPU discovery script and how to run it: {@code script <amount> <args...>}, within a timeout,
 * without a shell. Its standard output is its answer; its standard error goes into the error
 * message when it fails. Output beyond {@value #MAX_OUTPUT} bytes is not read (a script that keeps
 * writing then blocks and runs into the timeout).
 */
final class DiscoveryScript {
  static final int MAX_OUTPUT = 64 * 1024;

  private final Path script;
  private final List<String> args;
  private final Duration timeout;

  private DiscoveryScript(Path script, List<String> args, Duration timeout) {
    this.script = script;
    this.args = args;
    this.timeout = timeout;
  }

  /**
   * Resolves and checks the script: a relative {@code path} is taken relative to {@code flinkHome}
   * (the working directory when null); it must be an executable regular file.
   *
   * @throws IllegalConfigurationException naming the script and what is wrong with it
   */
  static DiscoveryScript of(String path, String args, Duration timeout, String flinkHome) {
    Path script = Path.of(path.trim());
    if (!script.isAbsolute()) {
      script = Path.of(flinkHome == null ? "" : flinkHome).resolve(script);
    }
    script = script.toAbsolutePath().normalize();
    if (!Files.isRegularFile(script)) {
      throw new IllegalConfigurationException(
          "GPU discovery script " + script + " does not exist (discovery-script.path: " + path + ")");
    }
    if (!Files.isExecutable(script)) {
      throw new IllegalConfigurationException(
          "GPU discovery script " + script + " is not executable (chmod +x it)");
    }
    List<String> split =
        args == null || args.isBlank() ? List.of() : Arrays.asList(args.trim().split("\\s+"));
    return new DiscoveryScript(script, List.copyOf(split), timeout);
  }

  Path path() {
    return script;
  }

  /**
   * Runs the script for {@code amount} GPUs and returns its standard output.
   *
   * @throws TimeoutException when it runs longer than the timeout (it is killed, with its children)
   * @throws IOException when it cannot be started or exits with a non-zero code (with its stderr)
   */
  String run(long amount) throws IOException, TimeoutException, InterruptedException {
    List<String> command = new ArrayList<>(args.size() + 2);
    command.add(script.toString());
    command.add(Long.toString(amount));
    command.addAll(args);
    Process process = new ProcessBuilder(command).start();
    process.getOutputStream().close();
    CompletableFuture<String> stdout = drain(process.getInputStream());
    CompletableFuture<String> stderr = drain(process.getErrorStream());
    try {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new TimeoutException(
            "GPU discovery script " + script + " did not finish within " + timeout.toMillis()
                + " ms (discovery-script.timeout); killed it");
      }
      if (process.exitValue() != 0) {
        throw new IOException(
            "GPU discovery script " + script + " exited with code " + process.exitValue()
                + "; its stderr: " + output(stderr).strip());
      }
      return output(stdout);
    } finally {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
    }
  }

  /** What a stream said; waits at most one second after the script ended (a child may hold it). */
  private static String output(CompletableFuture<String> stream) throws InterruptedException {
    try {
      return stream.get(1, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      return "";
    }
  }

  private static CompletableFuture<String> drain(InputStream in) {
    CompletableFuture<String> result = new CompletableFuture<>();
    Thread reader =
        new Thread(
            () -> {
              try (in) {
                result.complete(new String(in.readNBytes(MAX_OUTPUT), StandardCharsets.UTF_8));
              } catch (IOException e) {
                result.completeExceptionally(new UncheckedIOException(e));
              }
            },
            "gpu-discovery-output");
    reader.setDaemon(true);
    reader.start();
    return result;
  }

  @Override
  public String toString() {
    return script + (args.isEmpty() ? "" : " <amount> " + String.join(" ", args));
  }
}
